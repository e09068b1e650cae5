"""lessons stands alone: installed without coaching into a stock Wagtail site, it serves
its pages, keeps them private with Wagtail's page privacy, and its header shows what the
host adds through the "lessons_header_items" hook. And no code or template of lessons names
coaching: not its modules, its URLs or its settings."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# Its host site keeps a SQLite database of its own (DATABASE_URL is not passed on), so
# a pass on PostgreSQL would only repeat it.
pytestmark = [pytest.mark.own_database, pytest.mark.xdist_group("standalone")]

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lessons_host")
    result = subprocess.run(
        [sys.executable, "-m", "tests.lessons_host.serve_a_module", str(tmp / "report.json")],
        cwd=ROOT,
        env={**os.environ, "LESSONS_HOST_DB": str(tmp / "host.sqlite3")},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads((tmp / "report.json").read_text())


def test_coaching_is_never_imported(report):
    assert report["coaching modules imported"] == []


@pytest.mark.parametrize("page", ["portal", "module", "path"])
def test_signed_in_people_read_the_portal_its_modules_and_its_paths(report, page):
    answer = report["signed in"][page]

    assert answer["status"] == 200
    assert "Handbook" in answer["html"]  # the portal, in the header


@pytest.mark.parametrize("page", ["portal", "module", "path"])
def test_anonymous_visitors_are_sent_to_wagtails_own_sign_in(report, page):
    answer = report["anonymous"][page]

    assert answer["status"] == 302
    assert answer["location"] == f"/_util/login/?next={report['pages'][page]}"


def test_the_header_shows_the_person_and_what_the_host_adds_after_it(report):
    html = report["signed in"]["module"]["html"]

    assert re.search(r'<span class="site-header__user">Ayu</span>\s*<form', html)
    assert 'action="/sign-out/"' in html and "Sign out of the host" in html
    assert "/admin/" not in html  # not staff


def test_staff_see_the_admin_link_before_the_hosts_sign_out(report):
    html = report["staff"]["module"]["html"]

    assert html.index('href="/admin/"') < html.index("Sign out of the host")


def lessons_files(*suffixes):
    return [path for path in LESSONS.rglob("*") if path.suffix in suffixes]


def test_no_code_or_template_of_lessons_names_coaching():
    mentions = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in lessons_files(".py", ".html", ".txt")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "coaching" in line.lower()
    ]

    assert mentions == []
