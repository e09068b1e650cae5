"""Ways to measure a page: its queries, its median server time, and its throughput."""

import cProfile
import pstats
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from statistics import median

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def signed_in_client(user):
    client = Client()
    client.force_login(user)
    return client


def get_ok(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}, not 200")
    if response.streaming:  # an export: time (and query) its making, not just its start
        b"".join(response.streaming_content)
    return response


def query_count(client, url):
    get_ok(client, url)  # warm caches, as a person's second visit would
    with CaptureQueriesContext(connection) as queries:
        get_ok(client, url)
    return len(queries)


def median_ms(client, url, repeat=25, warm=3):
    """Median wall time of a request through the whole Django stack, in milliseconds."""
    for _ in range(warm):
        get_ok(client, url)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        get_ok(client, url)
        timings.append(time.perf_counter() - started)
    return median(timings) * 1000


# Where a request's time goes, as cProfile names the functions: the time inside each, with
# everything it calls (the templates' share includes the lazy queries they run).
TIME_SPLIT = {
    "database": ("db/backends/utils.py", "_execute"),
    "building SQL": ("sql/compiler.py", "as_sql"),
    "templates": ("template/base.py", "render"),
}


def time_split(client, url, repeat=20):
    """Each TIME_SPLIT part's share of a request's time, profiled over `repeat` requests."""
    get_ok(client, url)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(repeat):
        get_ok(client, url)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(own for _calls, _primitive, own, _inner, _callers in stats.values())
    outermost = {}  # cProfile counts a recursive function's time once, at its outermost call
    for (filename, _line, function), (_c, _p, _own, inner, _callers) in stats.items():
        for part, (ending, name) in TIME_SPLIT.items():
            if function == name and filename.endswith(ending):
                outermost[part] = max(outermost.get(part, 0), inner)
    return {part: outermost.get(part, 0) / total for part in TIME_SPLIT}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(workers=2, threads=1, *, env=None, log_path=None, start_seconds=30):
    """Serve the site under gunicorn on a free port of 127.0.0.1 for as long as the block
    runs; with `log_path`, its output (and Django's tracebacks) goes there."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", f"--bind=127.0.0.1:{port}"]
    command += [f"--workers={workers}", f"--threads={threads}", "--log-level=warning"]
    log = open(log_path, "w") if log_path else None  # noqa: SIM115 (open while it serves)
    server = subprocess.Popen(
        command,
        cwd=settings.BASE_DIR,
        env=env,  # None: this process's environment, so its settings module
        stdout=log,
        stderr=subprocess.STDOUT if log else None,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, server, start_seconds)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        if log:
            log.close()


def analyze():
    """Let PostgreSQL's planner know the data just bulk-inserted, as autovacuum does on a
    running site (without it, the first plans guess at empty tables)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def fresh_database(already_built, what="The benchmark"):
    """Migrate an empty database; refuse one where `already_built` (a queryset) has rows."""
    if connection.vendor == "sqlite":
        Path(connection.settings_dict["NAME"]).unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    if already_built.exists():
        raise SystemExit(f"{what} needs an empty database: it builds its own data.")


def _wait_until_serving(base, server, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited before serving")
        try:
            urllib.request.urlopen(base + "/static/missing", timeout=1)
        except urllib.error.HTTPError:
            return  # it answered
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start serving")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_served(url, cookie):
    """The page answers 200 to this person (not a redirect to the sign-in page)."""
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with opener.open(request, timeout=30) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")


def requests_per_second(url, cookie, seconds=10, threads=1, connections=8):
    """wrk's requests per second for a signed-in person; errors make it fail. The default,
    one thread and 8 connections, is the harness issue 16 compares peers with."""
    check_served(url, cookie)
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={seconds}s",
    ]
    output = subprocess.run(
        [*command, "--header", f"Cookie: {cookie}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"wrk saw errors for {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def session_cookie(client):
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"
