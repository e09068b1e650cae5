"""A stock Wagtail site that installs the plugin as the README says, from a wheel built
from a clean checkout, in a virtual environment of its own.

One function per step, in the order a site's developer takes them. The README's additions
to the stock site are the constants below; tests/test_installation.py checks that the
README shows each of them, so the two cannot drift apart.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SITE = "host"  # `wagtail start host`: its settings are host/settings/base.py

# The README's additions, each as (a line of the stock `wagtail start` file, the lines the
# README puts right after it); None for the end of the file.
SETTINGS_ADDITIONS = [
    (
        "INSTALLED_APPS = [",
        [
            '"coaching",',
            '"lessons",',
            '"polymorphic",',
            '"ninja",',
            '"wagtail.contrib.routable_page",',
            '"wagtail_localize",',
            '"wagtail_localize.locales",',
        ],
    ),
    (
        '"django.contrib.sessions.middleware.SessionMiddleware",',
        ['"django.middleware.locale.LocaleMiddleware",'],
    ),
    (
        '"django.contrib.auth.middleware.AuthenticationMiddleware",',
        ['"coaching.account.middleware.PersonLanguageMiddleware",'],
    ),
    (
        "USE_I18N = True",
        [
            'LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]',
            "WAGTAIL_I18N_ENABLED = True",
            "WAGTAIL_CONTENT_LANGUAGES = LANGUAGES",
        ],
    ),
    # A stock Wagtail site has no sign-in page for its visitors.
    (None, ['LOGIN_URL = "coaching:sign_in"']),
]
URL_ADDITIONS = [("urlpatterns = [", ['path("onboarding/", include("coaching.urls")),'])]
WAGTAIL = "wagtail>=8.0,<8.1"


def run(command, *, cwd, timeout=300, env=None):
    """Run a command of the install, failing with everything it printed."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env or clean_environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, command))} exited {result.returncode}\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


def clean_environment(venv=None):
    """This process's environment without what ties it to the project's own site (pytest
    sets DJANGO_SETTINGS_MODULE; CI sets DATABASE_URL), with `venv` first on PATH."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH", "VIRTUAL_ENV"}
    }
    if venv is not None:
        env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(venv)
    return env


def clean_checkout(destination):
    """The files a fresh clone would hold: every file git tracks or would track (new,
    not ignored), as it is in the working tree. What git ignores stays behind: the
    compiled catalogs, *.egg-info, build/, so nothing built in the dev tree reaches the
    wheel. (The working tree rather than HEAD, so that the test checks the same code as
    the rest of the suite; in CI, a fresh clone, the two are the same.)"""
    listed = run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT
    ).stdout
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is gone
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def build(source, outdir):
    """`python -m build`: the sdist, then the wheel built from that sdist."""
    run([sys.executable, "-m", "build", "--outdir", outdir, source], cwd=source)
    (sdist,) = outdir.glob("*.tar.gz")
    (wheel,) = outdir.glob("*.whl")
    return sdist, wheel


def fresh_venv(path):
    """A new virtual environment (Python's venv, with pip) and its python."""
    run([sys.executable, "-m", "venv", path], cwd=path.parent)
    return path / "bin" / "python"


def pip_install(venv, *requirements):
    run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", *requirements], cwd=venv)


def start_site(venv, parent):
    """`wagtail start`: Wagtail's starter project, as a new site gets it."""
    parent.mkdir(parents=True, exist_ok=True)
    run([venv / "bin" / "wagtail", "start", SITE], cwd=parent, env=clean_environment(venv))
    return parent / SITE


def add_after(path, additions):
    """Put each addition's lines right after its line of the stock file, indented as the
    stock line is."""
    lines = path.read_text().splitlines()
    for anchor, added in additions:
        if anchor is None:
            lines.extend(added)
            continue
        found = [n for n, line in enumerate(lines) if line.strip() == anchor]
        assert len(found) == 1, f"{path.name}: expected one line {anchor!r}, found {found}"
        at = found[0]
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        if anchor.endswith("["):
            indent += "    "
        lines[at + 1 : at + 1] = [indent + line for line in added]
    path.write_text("\n".join(lines) + "\n")


def add_the_plugin(site):
    """The README's steps: INSTALLED_APPS, languages, the one URL include."""
    add_after(site / SITE / "settings" / "base.py", SETTINGS_ADDITIONS)
    add_after(site / SITE / "urls.py", URL_ADDITIONS)


def manage(venv, site, *arguments):
    return run(
        [venv / "bin" / "python", "manage.py", *arguments], cwd=site, env=clean_environment(venv)
    )


def use_the_plugin(venv, site, report):
    """Run use_the_plugin.py with the site's python, in the site's folder."""
    script = shutil.copy(HERE / "use_the_plugin.py", site / "use_the_plugin.py")
    run([venv / "bin" / "python", script, report], cwd=site, env=clean_environment(venv))
