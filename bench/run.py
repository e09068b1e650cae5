"""The onboarding benchmark: `make bench` (PostgreSQL), or `python -m bench.run` (SQLite).

Builds data at growing sizes and prints, as Markdown for the README:
1. queries and median server time of the portal home, a path page and the coach
   dashboard, beside a plain published Wagtail page served in the same run;
2. throughput of each under gunicorn with 2 workers and wrk, as a ratio to the plain page;
3. the time to bulk-assign one path to 10,000 new hires, to apply an enrolment rule to
   10,000 new hires, and to import 1,000 new hires from a CSV;
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
from bench.automation import import_times, rule_times  # noqa: E402
from bench.data import Content, People, add_trainees  # noqa: E402
from bench.reports import report_times  # noqa: E402
from coaching.learning.assigning import assign_path  # noqa: E402
from coaching.learning.models import Assignment  # noqa: E402
from coaching.people.models import TraineeProfile  # noqa: E402
from lessons.models import BusinessUnit, LearningPortalPage  # noqa: E402

QUERY_TARGETS = {"portal home": 10, "path page": 10, "coach dashboard": 15}
THROUGHPUT_TARGETS = {"portal home": 0.9, "path page": 0.8, "coach dashboard": 0.5}
BULK_TARGET_SECONDS = 2.0


def page_urls(people, coach):
    """(name, person, url) of each page measured, the plain page first."""
    first_assignment = Assignment.objects.filter(trainee=people.trainee).order_by("pk").first()
    return [
        ("plain Wagtail page", people.trainee, people.content.plain_page.url),
        ("portal home", people.trainee, reverse("coaching:home")),
        ("path page", people.trainee, reverse("coaching:assignment", args=[first_assignment.pk])),
        ("coach dashboard", coach, reverse("coaching:dashboard")),
    ]


def mark(value, target, higher_is_better):
    met = value >= target if higher_is_better else value <= target
    return "yes" if met else "**no**"


def server_times(people, sizes):
    print("\n## Queries and median server time (Django test client, in process)\n")
    print("The new hire has 5 paths of 30 steps; each other new hire has 3 paths of 20 steps;")
    print("the coach coaches every new hire (the dashboard shows 50 a page).\n")
    print("| new hires | page | queries | target | median ms | speed vs plain page |")
    print("|---:|---|---:|---:|---:|---:|")
    for size in sizes:
        people.grow_to(size)
        plain_ms = None
        for name, person, url in page_urls(people, people.coach):
            client = measure.signed_in_client(person)
            queries = measure.query_count(client, url)
            ms = measure.median_ms(client, url)
            plain_ms = plain_ms or ms
            target = QUERY_TARGETS.get(name)
            target_text = f"≤ {target} ({mark(queries, target, False)})" if target else ""
            print(
                f"| {size:,} | {name} | {queries} | {target_text} | {ms:.1f} "
                f"| {plain_ms / ms:.2f} |"
            )


def throughput(people, seconds, threads, connections):
    print(
        f"\n## Throughput (gunicorn, 2 workers; wrk, {threads} thread(s), {connections} "
        "connections; 127.0.0.1)\n"
    )
    print(f"{people.count:,} new hires; the coach's dashboard lists 200 new hires, 50 a page.\n")
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


def bulk_assign(people, count):
    print(f"\n## Bulk-assigning one path to {count:,} new hires\n")
    unit = BusinessUnit.objects.create(name="Bulk", slug="bulk")
    add_trainees(100_000, count, coaches=[], unit=unit)
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
    parser.add_argument("--sizes", default="10,100,1000", help="new hires at each size")
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per page")
    parser.add_argument("--threads", type=int, default=1, help="wrk's threads")
    parser.add_argument("--connections", type=int, default=8, help="wrk's connections")
    parser.add_argument("--bulk", type=int, default=10_000, help="new hires to bulk-assign")
    parser.add_argument("--import-rows", type=int, default=1000, help="rows of the HR import")
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
        server_times(people, [int(size) for size in args.sizes.split(",")])
        if not args.no_throughput:
            throughput(people, args.seconds, args.threads, args.connections)
        bulk_assign(people, args.bulk)
        rule_times(people.content, args.bulk)
        if args.import_rows:
            import_times(args.import_rows)
    if args.report_rows:
        report_times(args.report_rows)


if __name__ == "__main__":
    main()
