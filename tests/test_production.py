"""The demo site served the documented way: `collectstatic`, then gunicorn with
`config.settings.production`. Its pages come with their stylesheets (WhiteNoise serves
them), and a server error is written to stderr with the request's path and nothing of
what the request carried.

The server runs on the test database (migrated once by pytest-django: a temporary SQLite
file, or PostgreSQL's test database when DATABASE_URL is set), so that nothing is
migrated twice; the tests commit what the server must see (`transactional_db`).
"""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from bench.measure import free_port

ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 30
# What a TLS-terminating proxy in front of gunicorn says (SECURE_PROXY_SSL_HEADER): without
# it the production settings redirect every request to https.
BEHIND_TLS = {"X-Forwarded-Proto": "https"}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_url():
    """The test database, as the server's DATABASE_URL."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    credentials = quote(database["USER"] or "")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"])
    host = f"{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{database['NAME']}"


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    return tmp_path_factory.mktemp("static")


@pytest.fixture
def production(static_root):
    """The environment a server under the production settings is given, and manage.py."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="a-long-random-secret-made-for-this-test-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(static_root),
        DATABASE_URL=database_url(),
        PYTHONUNBUFFERED="1",
    )

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr

    manage("createcachetable")
    if not (static_root / "staticfiles.json").exists():  # once for the module
        manage("collectstatic", "--noinput", "--verbosity", "0")
    return env


class Gunicorn:
    """gunicorn serving config.wsgi on a free port of 127.0.0.1; its stderr in a file."""

    def __init__(self, env, log_path):
        self.url = f"http://127.0.0.1:{free_port()}"
        self.log_path = log_path
        self._log = log_path.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                f"--bind={self.url.removeprefix('http://')}",
                "--workers=1",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        deadline = time.monotonic() + START_SECONDS
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at once:\n{self.stderr()}")
            try:
                self.get("/static/nothing-here")
            except urllib.error.HTTPError:
                return  # it answers
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def get(self, path):
        request = urllib.request.Request(self.url + path, headers=BEHIND_TLS)
        return urllib.request.urlopen(request, timeout=10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self._log.close()

    def stderr(self):
        return self.log_path.read_text(errors="replace")


@pytest.fixture
def serve(tmp_path):
    """serve(env) -> a running Gunicorn, stopped after the test."""
    servers = []

    def start(env):
        servers.append(Gunicorn(env, tmp_path / f"gunicorn-{len(servers)}.log"))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def stylesheets(html):
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def test_pages_come_with_their_stylesheets(production, serve):
    server = serve(production)

    for page in ("/onboarding/sign-in/", "/admin/login/"):
        with server.get(page) as response:
            assert response.status == 200
            links = stylesheets(response.read().decode())
        assert links, f"{page} links no stylesheet"
        for link in links:
            with server.get(link) as css:
                assert css.status == 200, link
                assert css.headers["Content-Type"].startswith("text/css"), link
                # Named by their content (collectstatic's manifest), so cached for good.
                assert "max-age=315360000" in css.headers["Cache-Control"], link


def test_a_server_error_is_logged_to_stderr_with_its_path_and_no_personal_data(production, serve):
    server = serve({**production, "DJANGO_SETTINGS_MODULE": "tests.production_host.settings"})

    with pytest.raises(urllib.error.HTTPError) as error:
        server.get("/fails/?email=nadia%40example.com")
    error.value.close()
    server.stop()  # so that everything it logged is in the file

    assert error.value.code == 500
    logged = server.stderr()
    assert "ERROR django.request: Internal Server Error: /fails/" in logged
    assert "RuntimeError: A failure for the production logging test." in logged
    assert "nadia" not in logged
