"""Browser tests: Debian's Chromium, driven by Playwright, against a real server process.

The server is `manage.py runserver` on a free port of 127.0.0.1, on a database of its
own (a temporary SQLite file, or a fresh PostgreSQL database beside DATABASE_URL's),
migrated and loaded with the demo. The tests never touch the database themselves: they
look at what the browser shows. That matters, because Playwright's sync API leaves its
event loop registered as running on this thread, and Django refuses ORM calls from
there; the browser and the server are therefore package-scoped, so both are gone before
any other test package runs.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from bench.measure import free_port
from config.settings.base import TIME_ZONE
from tests.e2e import browsing

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
SERVER_START_SECONDS = 60


class _Database:
    """A throwaway database for the server: SQLite in a temporary directory, or, when
    DATABASE_URL names a PostgreSQL server (CI's second pass), a new database on it."""

    def __init__(self, workdir):
        self.admin_url = os.environ.get("DATABASE_URL", "")
        self.name = None
        if self.admin_url.startswith(("postgres://", "postgresql://")):
            self.name = f"onboarding_e2e_{os.getpid()}"
            parts = urlsplit(self.admin_url)
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
            self._execute(f'DROP DATABASE IF EXISTS "{self.name}"')
            self._execute(f'CREATE DATABASE "{self.name}"')
        else:
            self.url = f"sqlite:///{workdir / 'e2e.sqlite3'}"

    def _execute(self, sql):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def drop(self):
        if self.name:
            self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class Server:
    """The site, served by a real server process."""

    def __init__(self, workdir):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "server.log"
        self.database = _Database(workdir)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.e2e.settings",
            "E2E_DATABASE_URL": self.database.url,
            "E2E_BASE_URL": self.url,
            "PYTHONUNBUFFERED": "1",
        }
        self.process = None

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def start(self):
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("load_demo")
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--insecure",  # static files from the apps, as DEBUG is off
                f"127.0.0.1:{self.port}",
            ],
            cwd=REPO,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The server stopped at once:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/onboarding/sign-in/", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise RuntimeError(
            f"The server did not answer within {SERVER_START_SECONDS}s:\n{self.log()}"
        )

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self._log.close()
        self.database.drop()


@pytest.fixture(scope="package")
def server():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}: `make test` installs it "
            "(apt-get install chromium)."
        )
    workdir = Path(tempfile.mkdtemp(prefix="onboarding-e2e-"))
    site = Server(workdir)
    try:
        site.start()
        yield site
    finally:
        site.stop()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="package")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-extensions",
                "--no-first-run",
                "--lang=en-US",  # the order of a date field's parts, which tests type into
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def visit(browser, server):
    """Open a fresh browser session (no cookies) at desktop width, in the site's time zone
    and a browser locale (American English unless told): visit(locale="en-US") -> Page."""
    contexts = []

    def open_page(locale="en-US"):
        context = browser.new_context(
            base_url=server.url,
            viewport=browsing.DESKTOP,
            locale=locale,
            timezone_id=TIME_ZONE,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    log_start = len(server.log())
    yield open_page
    for context in contexts:
        context.close()
    # A page that looked fine may still have hidden a server error (a failed POST, a
    # broken fragment): any traceback the server logged during the test fails it.
    logged = server.log()[log_start:]
    if "Traceback" in logged:
        pytest.fail(f"The server logged an error during this test:\n{logged}")


def pytest_terminal_summary(terminalreporter):
    if browsing.saved_screenshots:
        terminalreporter.write_line(
            f"Browser screenshots ({len(browsing.saved_screenshots)}): {browsing.SCREENSHOTS}"
        )
