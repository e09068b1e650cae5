"""Onboarding that runs itself, at scale (issues 15 and 16): an enrolment rule applied to
10,000 new hires, an HR import of 1,000 rows, and the reminder sweep over every new hire.

Run as part of `python -m bench.run` (see bench/README.md). Nothing fails on a slow
figure; each is printed beside its target.
"""

import time
from datetime import timedelta
from functools import partial

from django.db import connection
from django.db.models.functions import Mod
from django.utils import timezone

from bench import measure
from bench.data import add_trainees, unusable_user
from coaching.automation.applying import apply_rule
from coaching.automation.models import CoachChoice, EnrolmentRule, EnrolmentRulePath, Trigger
from coaching.importing import imports
from coaching.importing.example import HEADERS
from coaching.importing.models import PeopleImport
from coaching.learning import stored
from coaching.learning.models import Assignment
from coaching.notifications.reminders import sweep
from lessons.models import BusinessUnit

RULE_TARGET_SECONDS = 2.0


def _timed(work):
    """(outcome, seconds, queries) of `work()`. Queries are counted as they run: Django's
    own log keeps only the last 9,000."""
    count = 0

    def counted(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        started = time.perf_counter()
        outcome = work()
        seconds = time.perf_counter() - started
    return outcome, seconds, count


def rule_times(content, count):
    """A rule giving two paths (and the unit's lead as coach) to `count` new hires of one
    unit, applied once, then again (when it has nothing left to do)."""
    print(f"\n## An enrolment rule over {count:,} new hires\n")
    lead = unusable_user("rulelead")
    lead.save()
    unit = BusinessUnit.objects.create(name="Rules", slug="rules", lead=lead)
    add_trainees(300_000, count, coaches=[], unit=unit)
    measure.analyze()  # as a running site's autovacuum would have, before the rule runs
    rule = EnrolmentRule.objects.create(
        name="Everyone in Rules", business_unit=unit, coach=CoachChoice.UNIT_LEAD
    )
    for order, learning_path in enumerate([content.bulk_path, content.focus_paths[0]]):
        EnrolmentRulePath.objects.create(rule=rule, path=learning_path, sort_order=order)
    print("| run | assignments made | seconds | queries | target |")
    print("|---|---:|---:|---:|---:|")
    for label in ("first (assigns two paths each)", "again (nothing left to do)"):
        run, seconds, queries = _timed(partial(apply_rule, rule, trigger=Trigger.RUN_NOW))
        verdict = "met" if seconds <= RULE_TARGET_SECONDS else "missed"
        target = f"≤ {RULE_TARGET_SECONDS:.0f} s ({verdict})"
        print(f"| {label} | {run.assignments:,} | {seconds:.2f} | {queries} | {target} |")


def import_times(rows):
    """An upload of `rows` new hires: the dry-run preview, then applying it (which also
    applies the rules to each new person), then the same file again (nothing changes)."""
    print(f"\n## Importing {rows:,} new hires from a CSV\n")
    hr = unusable_user("importer")
    hr.is_superuser = True
    hr.save()
    BusinessUnit.objects.create(name="Imported", slug="imported")
    lines = [",".join(HEADERS)] + [
        f"Imported {n},imported{n}@example.com,2026-12-14,Imported,Agent,," for n in range(rows)
    ]
    content = "\n".join(lines).encode()
    print("| step | seconds | queries |")
    print("|---|---:|---:|")
    for label in ("dry run", "apply", "same file again: dry run"):
        upload = PeopleImport.objects.create(
            uploaded_by=hr, file_name="hires.csv", file_format="csv", content=content
        )
        work = (
            partial(imports.apply, upload, by=hr)
            if label == "apply"
            else partial(imports.preview, upload)
        )
        _outcome, seconds, queries = _timed(work)
        print(f"| {label} | {seconds:.2f} | {queries} |")


def sweep_times(new_hires):
    """The reminder sweep over every assignment there is (`new_hires` new hires' worth):
    a third of them made overdue and a third due soon, then swept twice (the second sweep
    finds every reminder written)."""
    print(f"\n## The reminder sweep at {new_hires:,} new hires\n")
    today = timezone.localdate()
    numbered = Assignment.objects.active().alias(third=Mod("pk", 3))
    numbered.filter(third=0).update(due_on=today - timedelta(days=1))
    numbered.filter(third=1).update(due_on=today + timedelta(days=2))
    stored.refresh_trainees(Assignment.objects.values_list("trainee_id", flat=True))
    print("| sweep | reminders written | seconds | queries |")
    print("|---|---:|---:|---:|")
    for label in ("first", "again (all written before)"):
        result, seconds, queries = _timed(sweep)
        print(f"| {label} | {result.written:,} | {seconds:.2f} | {queries} |")
