"""The onboarding benchmark: `make bench` (PostgreSQL), or `python -m bench.run` (SQLite).

Builds data at growing sizes (100, 1,000 and 10,000 new hires) and prints, as Markdown for
the README:
1. at each size, queries and median server time of every page issue 16 names (My
   onboarding, a path page, a module step page, the coach dashboard, HR's dashboard, a
   record of 500 entries, the kudos wall), beside a plain published Wagtail page served
   in the same run, and HR's dashboard's growth from the smallest size to the largest;
2. at each size, throughput of each under gunicorn with 2 workers and wrk, as a ratio to
   the plain page;
3. the reminder sweep over every new hire, the time to bulk-assign one path to 10,000 new
   hires, to apply an enrolment rule to 10,000 new hires, and to import 1,000 new hires
   from a CSV;
4. each onboarding report over 100,000 step-progress rows (`--only-reports` for just these).
Each figure is printed beside its target. Nothing here fails on a slow figure: people
read the figures; the test suite pins what can be pinned (query counts).
"""

import argparse
import os
import platform
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench import measure  # noqa: E402
from bench.automation import import_times, rule_times, sweep_times  # noqa: E402
from bench.data import Content, People, add_trainees  # noqa: E402
from bench.reports import report_times  # noqa: E402
from coaching.conf import coaching_settings  # noqa: E402
from coaching.learning.assigning import assign_path  # noqa: E402
from coaching.learning.models import Assignment  # noqa: E402
from coaching.people.models import TraineeProfile  # noqa: E402
from lessons.models import BusinessUnit, LearningPortalPage  # noqa: E402

# The pages measured, as issue 16 names them, with their query and throughput targets (as a
# ratio to the plain page's requests per second).
QUERY_TARGETS = {"My onboarding": 10, "a path page": 10, "coach dashboard": 15}
THROUGHPUT_TARGETS = {
    "My onboarding": 0.9,
    "a path page": 0.9,
    "a module step page": 0.9,
    "coach dashboard": 0.5,
    "HR's dashboard": 0.4,
    "a development record": 0.5,
    "the kudos wall": 0.7,
}
HR_DASHBOARD = "HR's dashboard"
GROWTH_TARGET = 1.25  # HR's dashboard: in-process time at the largest size / the smallest
BULK_TARGET_SECONDS = 2.0


def page_urls(people, coach):
    """(name, person, url) of each page measured, the plain page first."""
    first_assignment = Assignment.objects.filter(trainee=people.trainee).order_by("pk").first()
    path = reverse("coaching:assignment", args=[first_assignment.pk])
    return [
        ("plain Wagtail page", people.trainee, people.content.plain_page.url),
        ("My onboarding", people.trainee, reverse("coaching:home")),
        ("a path page", people.trainee, path),
        (
            "a module step page",
            people.trainee,
            reverse("coaching:step", args=[first_assignment.pk, 1]),
        ),
        ("coach dashboard", coach, reverse("coaching:dashboard")),
        (HR_DASHBOARD, people.hr, reverse("wagtailadmin_home")),
        (
            "a development record",
            people.coach,
            reverse("coaching:record", args=[people.trainee.pk]),
        ),
        ("the kudos wall", people.trainee, reverse("coaching:kudos")),
    ]


def mark(value, target, higher_is_better):
    met = value >= target if higher_is_better else value <= target
    return "yes" if met else "**no**"


def server_times(people):
    """Queries and in-process time of every page at the people's size; returns HR's
    dashboard's median milliseconds."""
    print(f"\n### Queries and median server time at {people.count:,} new hires (in process)\n")
    print(
        "The last columns are shares of the request's time, profiled (cProfile): in the "
        "database driver, in Django building SQL, and in templates (with the queries they run).\n"
    )
    print(
        "| page | queries | target | median ms | speed vs plain page | "
        + " | ".join(measure.TIME_SPLIT)
        + " |"
    )
    print("|---|---:|---:|---:|---:|" + "---:|" * len(measure.TIME_SPLIT))
    plain_ms = hr_ms = None
    for name, person, url in page_urls(people, people.coach):
        client = measure.signed_in_client(person)
        queries = measure.query_count(client, url)
        ms = measure.median_ms(client, url)
        plain_ms = plain_ms or ms
        if name == HR_DASHBOARD:
            hr_ms = ms
        target = QUERY_TARGETS.get(name)
        target_text = f"≤ {target} ({mark(queries, target, False)})" if target else ""
        split = " | ".join(f"{share:.0%}" for share in measure.time_split(client, url).values())
        print(f"| {name} | {queries} | {target_text} | {ms:.1f} | {plain_ms / ms:.2f} | {split} |")
    return hr_ms


def throughput(people, seconds, threads, connections):
    print(
        f"\n### Throughput at {people.count:,} new hires (gunicorn, 2 workers; wrk, {threads} "
        f"thread(s), {connections} connections; 127.0.0.1)\n"
    )
    print("The coach's dashboard here is that of the coach of 200 new hires, 50 a page.\n")
    print("| page | requests/s | ratio to plain page | target |")
    print("|---|---:|---:|---:|")
    pages = page_urls(people, people.coach_of_200)
    with measure.gunicorn(workers=2) as base:
        rates = {}
        for _round in range(2):  # two rounds, averaged, to even out the machine's noise
            for name, person, url in pages:
                cookie = measure.session_cookie(measure.signed_in_client(person))
                rate = measure.requests_per_second(
                    base + url, cookie, seconds=seconds, threads=threads, connections=connections
                )
                rates[name] = rates.get(name, 0) + rate / 2
    plain = rates["plain Wagtail page"]
    for name, rate in rates.items():
        target = THROUGHPUT_TARGETS.get(name)
        target_text = f"≥ {target} ({mark(rate / plain, target, True)})" if target else ""
        print(f"| {name} | {rate:.0f} | {rate / plain:.2f} | {target_text} |")


def pages_at_sizes(people, sizes, wrk_options=None):
    """Every page at each size (in process, then with `wrk_options` under wrk), and HR's
    dashboard's growth from the smallest size to the largest."""
    print("\n## The pages\n")
    print(
        f"The new hire has 5 paths of 30 steps and a record of {people.record_entries} "
        "entries (its coach reads it); each other new hire has 3 paths of 20 steps; one "
        "coach coaches every new hire (the dashboard shows 50 a page); HR's dashboard is "
        "the Wagtail admin home with HR's onboarding overview over every new hire; the "
        f"kudos wall has {people.recognitions} public recognitions."
    )
    hr_ms = {}
    for size in sizes:
        people.grow_to(size)
        measure.analyze()
        hr_ms[size] = server_times(people)
        if wrk_options:
            throughput(people, **wrk_options)
    if len(hr_ms) > 1:
        smallest, largest = min(hr_ms), max(hr_ms)
        growth = hr_ms[largest] / hr_ms[smallest]
        print(
            f"\nHR's dashboard in process at {largest:,} new hires against {smallest:,}: "
            f"growth factor **{growth:.2f}** (target ≤ {GROWTH_TARGET}: "
            f"{mark(growth, GROWTH_TARGET, False)})."
        )


def bulk_assign(people, count):
    print(f"\n## Bulk-assigning one path to {count:,} new hires\n")
    unit = BusinessUnit.objects.create(name="Bulk", slug="bulk")
    add_trainees(100_000, count, coaches=[], unit=unit)
    measure.analyze()
    profiles = TraineeProfile.objects.filter(business_unit=unit)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = assign_path(people.content.bulk_path, profiles, assigned_by=people.coach)
        seconds = time.perf_counter() - started
    assert result.created == count
    print("| new hires | seconds | queries | target |")
    print("|---:|---:|---:|---:|")
    target = f"≤ {BULK_TARGET_SECONDS:.0f} s ({mark(seconds, BULK_TARGET_SECONDS, False)})"
    print(f"| {count:,} | {seconds:.2f} | {len(queries)} | {target} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="new hires at each size")
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per page")
    parser.add_argument("--threads", type=int, default=1, help="wrk's threads")
    parser.add_argument("--connections", type=int, default=8, help="wrk's connections")
    parser.add_argument("--bulk", type=int, default=10_000, help="new hires to bulk-assign")
    parser.add_argument(
        "--import-rows",
        type=int,
        default=coaching_settings.IMPORT_MAX_ROWS,
        help="rows of the HR import (at most COACHING_IMPORT_MAX_ROWS)",
    )
    parser.add_argument("--no-throughput", action="store_true", help="skip gunicorn and wrk")
    parser.add_argument(
        "--report-rows", type=int, default=100_000, help="step-progress rows the reports count"
    )
    parser.add_argument("--only-reports", action="store_true", help="only the reports benchmark")
    args = parser.parse_args()

    measure.fresh_database(LearningPortalPage.objects.all())
    if connection.vendor == "postgresql":
        database = f"PostgreSQL {connection.pg_version // 10000}"
    else:
        database = f"SQLite {connection.Database.sqlite_version}"
    print("# Onboarding benchmark\n")
    print(
        f"{time.strftime('%Y-%m-%d')}, {database}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, DEBUG off."
    )
    if not args.only_reports:
        people = People(Content())
        wrk_options = None
        if not args.no_throughput:
            wrk_options = {
                "seconds": args.seconds,
                "threads": args.threads,
                "connections": args.connections,
            }
        pages_at_sizes(people, [int(size) for size in args.sizes.split(",")], wrk_options)
        sweep_times(people.count)
        bulk_assign(people, args.bulk)
        rule_times(people.content, args.bulk)
        if args.import_rows:
            import_times(args.import_rows)
    if args.report_rows:
        report_times(args.report_rows)


if __name__ == "__main__":
    main()
