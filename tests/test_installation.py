"""The plugin installs into a stock Wagtail site with the README's three steps, and the
demo site's production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args, **env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_readme_steps_are_enough_for_a_stock_wagtail_site(tmp_path):
    result = run(["-m", "tests.plugin_host.smoke"], PLUGIN_HOST_DB=str(tmp_path / "host.sqlite3"))

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok")


def test_production_settings_pass_check_deploy_without_warnings():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="a-long-random-secret-made-for-this-test-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="onboarding.example.com",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.production", "DJANGO_ALLOWED_HOSTS": "x"}
    result = run(["manage.py", "check"], DJANGO_SECRET_KEY="", **env)

    assert result.returncode != 0
    assert "Set the DJANGO_SECRET_KEY environment variable." in result.stderr
