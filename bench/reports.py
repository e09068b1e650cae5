"""The reports benchmark: at least 100,000 step-progress rows, built in bulk, then each
report page (and the completion export) timed through the whole Django stack.

Run with `python -m bench.run --only-reports` (see bench/README.md). Nothing fails on a
slow figure; the ~1 s target on PostgreSQL is printed beside each.
"""

import math
import time
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from bench import measure
from bench.content import make_check, make_path, make_unit
from bench.data import unusable_user
from coaching.learning import stored
from coaching.learning.models import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    ProgressStatus,
    StepProgress,
)
from coaching.people.models import CoachRelationship, TraineeProfile
from coaching.record.models import Goal, GoalStatus, Recognition
from lessons.models import CompanyValue, PathVersionStep

User = get_user_model()
TARGET_MS = 1000
PATHS, TASKS = 5, 19  # each path: 19 practical tasks, then a knowledge check
RECORD_ENTRIES = 400  # recognition and goals each (one insert per entry: multi-table models)


class ReportData:
    """Units, values and paths, then new hires with progress spread from none to all."""

    def __init__(self, rows):
        self.units = [make_unit(f"Unit {n}") for n in range(4)]
        self.values = [
            CompanyValue.objects.create(name=f"Value {n}", slug=f"value-{n}", sort_order=n)
            for n in range(4)
        ]
        self.check = make_check("Bench check")
        self.paths = [
            make_path(f"Report path {n}", steps=[*(f"Task {i}" for i in range(TASKS)), self.check])
            for n in range(PATHS)
        ]
        self.hr = User.objects.create(username="report-hr", is_superuser=True, password="!")
        self.coach = User.objects.create(username="report-coach", password="!")
        self.coach.user_permissions.add(Permission.objects.get(codename="access_admin"))
        # Each assignment has 0 to 20 steps done, about 10 rows; count on 9 to reach `rows`.
        self.trainee_count = math.ceil(rows / (PATHS * 9))
        self.add_people()
        self.add_progress()
        self.add_record()

    def add_people(self):
        users = User.objects.bulk_create(
            [unusable_user(f"report{n:06}") for n in range(self.trainee_count)]
        )
        self.user_ids = [user.pk for user in users]
        TraineeProfile.objects.bulk_create(
            TraineeProfile(
                user=user,
                start_date=date(2025, 1, 1) + timedelta(days=n % 365),
                business_unit=self.units[n % len(self.units)],
            )
            for n, user in enumerate(users)
        )
        # The coach coaches the first 200, the size of a busy coach's list.
        CoachRelationship.objects.bulk_create(
            CoachRelationship(coach=self.coach, trainee=user, is_primary=True)
            for user in users[:200]
        )

    def add_progress(self):
        now = timezone.now()
        today = timezone.localdate()
        assignments = []
        for n, user_id in enumerate(self.user_ids):
            for p, learning_path in enumerate(self.paths):
                done = (n * 7 + p * 3) % (TASKS + 2)
                assigned = now - timedelta(days=5 + (n + p) % 120)
                complete = done == TASKS + 1
                assignments.append(
                    Assignment(
                        trainee_id=user_id,
                        path=learning_path,
                        version=learning_path.current_version,
                        assigned_at=assigned,
                        due_on=today + timedelta(days=(n % 60) - 20),
                        status=AssignmentStatus.COMPLETED if complete else AssignmentStatus.ACTIVE,
                        completed_at=assigned + timedelta(days=1 + n % 40) if complete else None,
                        last_activity_at=assigned + timedelta(days=1),
                    )
                )
        Assignment.objects.bulk_create(assignments, batch_size=5000)
        steps = {
            learning_path.pk: list(
                PathVersionStep.objects.filter(version=learning_path.current_version).order_by(
                    "position"
                )
            )
            for learning_path in self.paths
        }
        questions = [block.id for block in self.check.questions]
        rows, attempts = [], []
        assignments = Assignment.objects.filter(path__in=self.paths).order_by("pk")
        for assignment in assignments.iterator(chunk_size=5000):
            path_steps = steps[assignment.path_id]
            done = (
                len(path_steps)
                if assignment.status == "completed"
                else (assignment.pk * 7 % (len(path_steps)))
            )
            rows += [
                StepProgress(
                    assignment=assignment,
                    step=step,
                    status=ProgressStatus.DONE,
                    completed_at=assignment.assigned_at,
                )
                for step in path_steps[:done]
            ]
            if done < len(path_steps) - 1 and assignment.pk % 4 == 0:
                status = ProgressStatus.SUBMITTED if assignment.pk % 8 else ProgressStatus.RETURNED
                rows.append(
                    StepProgress(assignment=assignment, step=path_steps[done], status=status)
                )
            if len(rows) >= 50_000:  # insert as we go: a million rows need not sit in memory
                StepProgress.objects.bulk_create(rows, batch_size=5000)
                rows = []
            if done >= len(path_steps) - 1:
                passed = done == len(path_steps)
                attempts.append(
                    CheckAttempt(
                        assignment=assignment,
                        step=path_steps[-1],
                        knowledge_check=self.check,
                        number=1,
                        results=[
                            {"id": qid, "question": f"Question {i}", "correct": passed or i == 0}
                            for i, qid in enumerate(questions)
                        ],
                        score=100 if passed else 50,
                        passed=passed,
                    )
                )
        StepProgress.objects.bulk_create(rows, batch_size=5000)
        CheckAttempt.objects.bulk_create(attempts, batch_size=5000)
        stored.recount(Assignment.objects.all())
        stored.refresh_trainees(Assignment.objects.values_list("trainee_id", flat=True))

    def add_record(self):
        now = timezone.now()
        statuses = GoalStatus.values
        for n in range(RECORD_ENTRIES):
            trainee_id = self.user_ids[n * 7 % len(self.user_ids)]
            Recognition.objects.create(
                trainee_id=trainee_id,
                value=self.values[n % len(self.values)],
                message="Thank you.",
                created_at=now - timedelta(days=n % 365),
            )
            Goal.objects.create(
                trainee_id=trainee_id, title="Handle calls", status=statuses[n % len(statuses)]
            )


def report_urls():
    def url(name, **kwargs):
        return reverse(f"onboarding_reports:{name}", kwargs=kwargs)

    return [
        ("completion by path", url("completion", by="path")),
        ("completion by unit", url("completion", by="unit")),
        ("completion by coach", url("completion", by="coach")),
        ("completion by cohort", url("completion", by="cohort")),
        ("completion by path, CSV", url("completion", by="path") + "?export=csv"),
        ("step funnel", url("funnel")),
        ("knowledge check questions", url("questions")),
        ("recognition by value", url("recognition", by="value")),
        ("goals by status", url("goals")),
    ]


def report_times(rows=100_000, repeat=5):
    """Build the data, then print each report's queries and median time as Markdown."""
    started = time.perf_counter()
    data = ReportData(rows)
    built = time.perf_counter() - started
    progress = StepProgress.objects.count()
    print(f"\n## Reports over {progress:,} step-progress rows\n")
    print(
        f"{data.trainee_count:,} new hires, {Assignment.objects.count():,} assignments of "
        f"{PATHS} paths of {TASKS + 1} steps, {CheckAttempt.objects.count():,} check attempts; "
        f"built in {built:.1f} s. Median of {repeat} requests through the whole stack; "
        f"the target is about {TARGET_MS / 1000:.0f} s on PostgreSQL ({connection.vendor} here)."
    )
    print("\n| report | who | queries | median ms | target |")
    print("|---|---|---:|---:|---:|")
    for who, person in (("HR", data.hr), ("coach of 200", data.coach)):
        client = measure.signed_in_client(person)
        for name, url in report_urls():
            if who != "HR" and not name.startswith("completion by path"):
                continue
            queries = measure.query_count(client, url)
            ms = measure.median_ms(client, url, repeat=repeat, warm=1)
            met = "yes" if ms <= TARGET_MS else "**no**"
            print(f"| {name} | {who} | {queries} | {ms:.0f} | ≤ {TARGET_MS} ms ({met}) |")
