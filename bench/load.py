"""The load test: `make load` (PostgreSQL), or `python -m bench.load` (SQLite, one worker).

Serves the site under gunicorn (several workers) on 127.0.0.1 and lets simulated people
use it at once for a bounded time: new hires complete module steps (now and then posting
the same completion from two tabs at once), coaches open their dashboard and a new hire.
Prints, as Markdown for the README, requests per second, p50/p95/p99 latency overall and
per kind of request, and the errors; then checks the database: no completion the people
saw succeed is lost, none is recorded twice, and a path is completed exactly when all its
steps are done (bench/completions.py). Exits 1 if a completion was lost or duplicated, or
none was made (or on any error with `--strict`); never on a slow figure.
"""

import argparse
import os
import platform
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench import measure, traffic  # noqa: E402
from bench.completions import Verdict, print_verdict, verify  # noqa: E402
from bench.data import Content, add_trainees, assign_with_progress  # noqa: E402
from coaching.learning.assigning import assign_path  # noqa: E402
from coaching.learning.models import Assignment  # noqa: E402
from coaching.people.models import TraineeProfile  # noqa: E402

PASSWORD = "load-test-only"  # throwaway people in a throwaway database
SERVER_SETTINGS = "bench.load_settings"
User = get_user_model()


@dataclass
class LoadData:
    """The people of the load test. Each coach coaches a share of the active new hires
    (who have `paths` paths of `steps` module steps, none started) and `quiet` others
    with three paths of `quiet_steps` steps, part done, so the dashboard is a full page."""

    paths: int
    steps: int
    trainees: list = field(default_factory=list)
    coaches: list = field(default_factory=list)
    assignment_ids: list = field(default_factory=list)

    @classmethod
    def build(cls, *, trainees, coaches, paths=5, steps=12, quiet=40, quiet_steps=20):
        content = Content(population_steps=quiet_steps, focus_paths=paths, focus_steps=steps)
        data = cls(paths=paths, steps=steps)
        hashed = make_password(PASSWORD)
        active = []
        for n in range(coaches):
            coach = User.objects.create(username=f"load-coach-{n}", password=hashed)
            share = len(range(n, trainees, coaches))  # every `coaches`-th new hire
            mine = add_trainees(1 + len(active), share, coaches=[coach])
            active += mine
            quiet_ones = add_trainees(10_000 + n * quiet, quiet, coaches=[coach])
            for learning_path in content.population_paths:
                assign_with_progress(learning_path, quiet_ones, assigned_by=coach, shift=n)
            data.coaches.append(traffic.Coach(coach.username, PASSWORD, mine))
        profiles = TraineeProfile.objects.filter(user_id__in=active)
        for learning_path in content.focus_paths:
            assign_path(learning_path, profiles, assigned_by=coach)
        User.objects.filter(pk__in=active).update(password=hashed)
        paths_of = {}
        for assignment in Assignment.objects.filter(trainee_id__in=active).order_by("pk"):
            paths_of.setdefault(assignment.trainee_id, []).append(assignment.pk)
            data.assignment_ids.append(assignment.pk)
        usernames = dict(User.objects.filter(pk__in=active).values_list("pk", "username"))
        data.trainees = [
            traffic.Trainee(usernames[user_id], PASSWORD, paths_of[user_id]) for user_id in active
        ]
        return data


def database_url():
    """The URL of the database this process uses, for the server to use the same one."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        if db["NAME"] == ":memory:" or "mode=memory" in str(db["NAME"]):
            raise RuntimeError("the server needs a database file, not an in-memory one")
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    if connection.vendor == "postgresql":
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    raise RuntimeError(f"no load test on {connection.vendor}")


@contextmanager
def gunicorn(*, workers, threads, log_path, db_url=None):
    """The site under gunicorn, with the load test's server settings and database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SERVER_SETTINGS,
        "DATABASE_URL": db_url or database_url(),
        "PYTHONUNBUFFERED": "1",
    }
    with measure.gunicorn(workers, threads, env=env, log_path=log_path, start_seconds=60) as base:
        yield base


def site_paths(base_url, double_rate, think):
    marker = 999_999  # reverse() needs a number; the placeholder replaces it
    return traffic.Site(
        base_url=base_url,
        sign_in=reverse("coaching:sign_in"),
        home=reverse("coaching:home"),
        dashboard=reverse("coaching:dashboard"),
        assignment=reverse("coaching:assignment", args=[marker]).replace(str(marker), "{id}"),
        trainee=reverse("coaching:trainee", args=[marker]).replace(str(marker), "{id}"),
        double_rate=double_rate,
        think=think,
    )


# The figures.


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return 0.0
    rank = max(1, round(fraction * len(sorted_values) + 0.4999))
    return sorted_values[min(rank, len(sorted_values)) - 1]


@dataclass
class Figures:
    requests: int
    errors: int
    per_second: float
    rows: list  # (kind, requests, errors, p50 ms, p95 ms, p99 ms), "all" last
    error_reasons: dict


def figures(samples, seconds):
    kinds = {}
    for sample in samples:
        kinds.setdefault(sample.kind, []).append(sample)
    rows = []
    for kind, group in [*kinds.items(), ("all requests", samples)]:
        times = sorted(sample.seconds * 1000 for sample in group)
        errors = sum(1 for sample in group if sample.error)
        rows.append((kind, len(group), errors, *(percentile(times, p) for p in (0.5, 0.95, 0.99))))
    reasons = {}
    for sample in samples:
        if sample.error:
            key = f"{sample.kind}: {sample.error}"
            reasons[key] = reasons.get(key, 0) + 1
    return Figures(
        requests=len(samples),
        errors=sum(reasons.values()),
        per_second=len(samples) / seconds if seconds else 0.0,
        rows=rows,
        error_reasons=reasons,
    )


def print_figures(result, options):
    print("\n### Requests\n")
    data = options.data
    print(
        f"{len(data.trainees)} new hires ({data.paths} paths of {data.steps} module steps "
        f"each) and {len(data.coaches)} coach(es) at once for "
        f"{result.seconds:.0f} s, think time {options.think:g} s; gunicorn, "
        f"{options.workers} workers of {options.threads} threads; client and server on "
        f"127.0.0.1 of the same machine.\n"
    )
    figs = result.figures
    print(
        f"**{figs.requests:,} requests, {figs.per_second:.0f} requests/s, {figs.errors} errors.**\n"
    )
    print("| request | count | errors | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, count, errors, p50, p95, p99 in figs.rows:
        name = f"**{kind}**" if kind == "all requests" else kind
        print(f"| {name} | {count:,} | {errors} | {p50:.0f} | {p95:.0f} | {p99:.0f} |")
    if figs.error_reasons:
        print("\nErrors:\n")
        for reason, count in sorted(figs.error_reasons.items(), key=lambda item: -item[1]):
            print(f"- {count}: {reason}")


# The run.


@dataclass
class Result:
    figures: Figures
    seconds: float
    verdict: Verdict
    server_errors: str  # what the server logged: tracebacks of 500s, worker timeouts


def serve_and_run(data, *, seconds, workers, threads, double_rate=0.2, think=0.0, db_url=None):
    """Serve, let everyone loose for `seconds`, stop the server. Returns the recorder,
    the wall time taken and what the server logged."""
    with tempfile.TemporaryDirectory(prefix="load-") as workdir:
        log_path = Path(workdir) / "gunicorn.log"
        with gunicorn(workers=workers, threads=threads, log_path=log_path, db_url=db_url) as base:
            site = site_paths(base, double_rate, think)
            recorder, elapsed = traffic.run_people(site, data.trainees, data.coaches, seconds)
        return recorder, elapsed, log_path.read_text(errors="replace")


def run_load(data, **options):
    """Serve and run (see serve_and_run), then check the database."""
    recorder, elapsed, server_errors = serve_and_run(data, **options)
    return Result(
        figures=figures(recorder.samples, elapsed),
        seconds=elapsed,
        verdict=verify(recorder.completions, data.assignment_ids),
        server_errors=server_errors,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="simulated people at once")
    parser.add_argument("--coaches", type=int, default=5, help="how many of them are coaches")
    parser.add_argument("--seconds", type=int, default=60, help="how long they keep at it")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between requests")
    parser.add_argument(
        "--double", type=float, default=0.2, help="share of completions posted from two tabs"
    )
    parser.add_argument("--paths", type=int, default=5, help="paths of each new hire")
    parser.add_argument("--steps", type=int, default=12, help="module steps of each path")
    parser.add_argument(
        "--smoke", action="store_true", help="6 people for 5 seconds, paths of 5 steps"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 on any request error")
    options = parser.parse_args()
    if options.smoke:
        options.users, options.coaches, options.seconds, options.steps = 6, 1, 5, 5
    if not 0 < options.coaches < options.users:
        parser.error("--coaches must be at least 1 and fewer than --users")

    measure.fresh_database(Assignment.objects.all(), "The load test")
    if connection.vendor == "postgresql":
        database = f"PostgreSQL {connection.pg_version // 10000}"
    else:
        database = f"SQLite {connection.Database.sqlite_version}"
        if options.workers > 1:
            print("(SQLite: one worker, one thread; the target is measured on PostgreSQL)")
            options.workers = options.threads = 1
    options.data = LoadData.build(
        trainees=options.users - options.coaches,
        coaches=options.coaches,
        paths=options.paths,
        steps=options.steps,
    )
    print("## Under load\n")
    print(
        f"{time.strftime('%Y-%m-%d')}, {database}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, DEBUG off."
    )
    result = run_load(
        options.data,
        seconds=options.seconds,
        workers=options.workers,
        threads=options.threads,
        double_rate=options.double,
        think=options.think,
    )
    print_figures(result, options)
    print_verdict(result.verdict)
    if result.server_errors.strip():
        print("\nThe server logged (first 4,000 characters):\n\n```")
        print(result.server_errors[:4000].rstrip())
        print("```")
    if not result.verdict.acknowledged:
        print("\n**Nobody completed a step: has the portal's markup changed (bench/traffic.py)?**")
    failed = (
        not result.verdict.sound
        or not result.verdict.acknowledged
        or (options.strict and result.figures.errors)
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
