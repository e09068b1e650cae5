"""The plugin installs as the README says: a wheel built from a clean checkout, installed
into a fresh virtual environment beside a stock `wagtail start` site, serves its pages in
English and in Bahasa Indonesia. And the demo site's production settings pass Django's
deployment checks.

The install is built once for the module (about a minute on a warm pip cache: the build,
a new venv, Wagtail and the wheel from pip's cache, `wagtail start`, migrate).
"""

import gettext
import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import plugin_host

# Its host site keeps a SQLite database of its own (DATABASE_URL is not passed on), so
# a pass on PostgreSQL would only repeat it.
# One worker runs them all (`make test` runs pytest-xdist with --dist loadgroup), so the
# fresh venv of the module fixture is built once.
pytestmark = [pytest.mark.own_database, pytest.mark.xdist_group("install")]

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_CATALOGS = sorted(
    str(path.relative_to(ROOT))
    for app in ("coaching", "lessons")
    for path in (ROOT / app).glob("locale/*/LC_MESSAGES/django.po")
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Everything a site's developer does, from a checkout to a migrated site."""
    tmp = tmp_path_factory.mktemp("install")
    source = plugin_host.clean_checkout(tmp / "source")
    sdist, wheel = plugin_host.build(source, tmp / "dist")
    venv = tmp / "venv"
    plugin_host.fresh_venv(venv)
    plugin_host.pip_install(venv, wheel, plugin_host.WAGTAIL)
    site = plugin_host.start_site(venv, tmp / "site")
    plugin_host.add_the_plugin(site)
    plugin_host.manage(venv, site, "migrate", "--noinput")
    plugin_host.use_the_plugin(venv, site, tmp / "report.json")
    report = json.loads((tmp / "report.json").read_text())
    return SimpleNamespace(sdist=sdist, wheel=wheel, report=report)


def test_the_plugin_has_catalogs_to_ship():
    assert "coaching/locale/id/LC_MESSAGES/django.po" in PLUGIN_CATALOGS
    assert "lessons/locale/id/LC_MESSAGES/django.po" in PLUGIN_CATALOGS


def test_the_sdist_holds_the_catalogs_to_compile_and_no_compiled_ones(installed):
    with tarfile.open(installed.sdist) as sdist:
        top = sdist.getnames()[0].split("/")[0]
        names = {name.removeprefix(f"{top}/") for name in sdist.getnames()}

    assert set(PLUGIN_CATALOGS) <= names
    assert not [name for name in names if name.endswith(".mo")]
    assert {"setup.py", "pyproject.toml", "LICENSE", "README.md"} <= names


@pytest.mark.parametrize("po", PLUGIN_CATALOGS)
def test_the_wheel_carries_the_catalog_compiled_with_every_message(installed, po):
    with zipfile.ZipFile(installed.wheel) as wheel, wheel.open(po[:-3] + ".mo") as mo:
        catalog = gettext.GNUTranslations(mo)
    messages = re.findall(r"^msgid ", (ROOT / po).read_text(), flags=re.MULTILINE)

    assert catalog.info()["language"] == "id"
    assert len(catalog._catalog) == len(messages)  # the header and each translation


def test_the_wheel_carries_the_license(installed):
    with zipfile.ZipFile(installed.wheel) as wheel:
        licenses = [
            name for name in wheel.namelist() if name.endswith(".dist-info/licenses/LICENSE")
        ]
        assert licenses
        assert "BSD 3-Clause License" in wheel.read(licenses[0]).decode()


# Each page, and a phrase it shows in English and its words in Bahasa Indonesia: the module
# page's from the lessons catalog, the others from the coaching catalog.
PAGES = {
    "module page": ("About 10 minutes", "Sekitar 10 menit"),
    "My onboarding": ("Welcome, Nadia", "Selamat datang, Nadia"),
    "coach dashboard": ("My trainees", "Peserta saya"),
}


@pytest.mark.parametrize("page", PAGES)
def test_a_stock_wagtail_site_serves_the_page_in_english(installed, page):
    english, indonesian = PAGES[page]
    answer = installed.report[f"{page}, en"]

    assert answer["status"] == 200
    assert english in answer["html"]
    assert indonesian not in answer["html"]


@pytest.mark.parametrize("page", PAGES)
def test_a_stock_wagtail_site_serves_the_page_in_bahasa_indonesia(installed, page):
    english, indonesian = PAGES[page]
    answer = installed.report[f"{page}, id"]

    assert answer["status"] == 200
    assert indonesian in answer["html"]
    assert english not in answer["html"]
    assert '<html lang="id"' in answer["html"]


def test_a_new_hires_language_follows_her_to_another_browser(installed):
    answer = installed.report["My onboarding, id, another browser"]

    assert answer["status"] == 200
    assert "Selamat datang, Nadia" in answer["html"]


def test_the_path_a_coach_assigns_is_on_the_new_hires_my_onboarding(installed):
    assert installed.report["assigning"]["status"] == 302
    assert "Nadia" in installed.report["coach dashboard, en"]["html"]
    assert "First week" in installed.report["My onboarding, en"]["html"]


def test_anonymous_visitors_are_sent_to_the_plugins_sign_in_page(installed):
    anonymous = installed.report["My onboarding, anonymous"]

    assert anonymous["status"] == 302
    assert anonymous["location"].startswith("/onboarding/sign-in/")
    assert installed.report["sign-in page"]["status"] == 200


def test_the_admin_shows_the_plugins_snippets(installed):
    assert installed.report["Wagtail admin"]["status"] == 200
    assert installed.report["learning paths in the admin"]["status"] == 200


def test_a_stock_wagtail_sites_admin_reads_wagtails_words_in_bahasa_indonesia(installed):
    """Those Wagtail 8.0 leaves in English, from the plugin's catalogs (no LOCALE_PATHS)."""
    admin = installed.report["Wagtail admin, id"]
    javascript = installed.report["Wagtail's JavaScript words, id"]

    assert admin["status"] == 200
    assert "Lewati ke konten utama" in admin["html"]
    assert "Skip to main content" not in admin["html"]
    assert '/onboarding/wagtail-words.js?language=id"' in admin["html"]
    assert '"Main menu": "Menu utama"' in javascript["html"]


def readme_lines(section):
    text = (ROOT / "README.md").read_text()
    start = text.index(f"\n## {section}\n")
    end = text.find("\n## ", start + 1)
    return [line.strip() for line in text[start:end].splitlines()]


ADDITIONS = plugin_host.SETTINGS_ADDITIONS + plugin_host.URL_ADDITIONS


@pytest.mark.parametrize("addition", ADDITIONS, ids=[added[0] for _anchor, added in ADDITIONS])
def test_the_readme_shows_each_line_the_install_adds_where_it_goes(addition):
    anchor, added = addition
    lines = readme_lines("Installing into an existing Wagtail site")
    wanted = added if anchor is None else [anchor, *added]

    assert any(lines[n : n + len(wanted)] == wanted for n in range(len(lines))), wanted


def test_the_readme_builds_and_installs_the_wheel_as_the_test_does():
    section = "\n".join(readme_lines("Installing into an existing Wagtail site"))

    assert "python -m build" in section
    assert "pip install dist/wagtail_onboarding_coaching-0.1.0-py3-none-any.whl" in section
    assert "python manage.py migrate" in section


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
