"""Benchmark data, built in bulk: content once, then trainees grown to each size.

Content is published as an editor would (bench.content); people and progress are bulk
inserted so that building 10,000 trainees takes seconds, not minutes.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from bench.content import make_module, make_path, make_portal, publish_child
from bench.models import PlainPage
from coaching.learning import stored
from coaching.learning.assigning import assign_path
from coaching.learning.models import Assignment, AssignmentStatus, ProgressStatus, StepProgress
from coaching.people.access import HR_PERMISSION
from coaching.people.models import CoachRelationship, TraineeProfile
from coaching.record.models import Cheer, Feedback, Goal, KeyResult, Recognition, Reflection, Reply
from lessons.models import CompanyValue, PathVersionStep

User = get_user_model()
PLAIN_BODY = "<p>" + "Customers remember how we made them feel. " * 40 + "</p>"


class Content:
    """The portal, a plain page beside it, and the paths the benchmark assigns."""

    def __init__(self, population_paths=3, population_steps=20, focus_paths=5, focus_steps=30):
        self.portal = make_portal()
        self.plain_page = publish_child(
            self.portal,
            PlainPage(title="A plain page", slug="plain", body=PLAIN_BODY),
        )
        modules = [
            make_module(self.portal, f"Module {n}", slug=f"module-{n}")
            for n in range(max(population_steps, focus_steps))
        ]
        self.population_paths = [
            make_path(f"Population path {n}", steps=modules[:population_steps])
            for n in range(population_paths)
        ]
        self.focus_paths = [
            make_path(f"Focus path {n}", steps=modules[:focus_steps]) for n in range(focus_paths)
        ]
        self.bulk_path = make_path("Bulk path", steps=modules[:population_steps])


def unusable_user(username):
    return User(username=username, first_name=username.title(), password="!")


def add_trainees(first, count, *, coaches, unit=None):
    """Insert `count` new hires (numbered from `first`) coached by every one of `coaches`."""
    users = User.objects.bulk_create(
        [unusable_user(f"trainee{n:05}") for n in range(first, first + count)]
    )
    january = date(2026, 1, 1)
    TraineeProfile.objects.bulk_create(
        [
            TraineeProfile(
                user=user,
                start_date=january + timedelta(days=n % 300),
                business_unit=unit,
                job_title="Agent",
            )
            for n, user in enumerate(users, start=first)
        ]
    )
    CoachRelationship.objects.bulk_create(
        [
            CoachRelationship(coach=coach, trainee=user, is_primary=index == 0)
            for user in users
            for index, coach in enumerate(coaches)
        ]
    )
    return [user.pk for user in users]


def assign_with_progress(learning_path, user_ids, *, assigned_by, shift=0):
    """Assign the path and complete the first (n + shift) % (steps + 1) steps of the n-th
    trainee, so that trainees are spread from not started to completed."""
    profiles = TraineeProfile.objects.filter(user_id__in=user_ids)
    due = timezone.localdate() + timedelta(days=14)
    assign_path(learning_path, profiles, assigned_by=assigned_by, due_on=due)
    steps = list(
        PathVersionStep.objects.filter(version=learning_path.current_version).order_by("position")
    )
    assignments = Assignment.objects.filter(path=learning_path, trainee_id__in=user_ids)
    now = timezone.now()
    rows, completed = [], []
    for n, assignment in enumerate(assignments.order_by("trainee_id")):
        done = (n + shift) % (len(steps) + 1)
        rows += [
            StepProgress(
                assignment=assignment, step=step, status=ProgressStatus.DONE, completed_at=now
            )
            for step in steps[:done]
        ]
        if done == len(steps):
            completed.append(assignment.pk)
    StepProgress.objects.bulk_create(rows, batch_size=5000)
    stored.recount(assignments)
    assignments.update(last_activity_at=now)
    Assignment.objects.filter(pk__in=completed).update(
        status=AssignmentStatus.COMPLETED, completed_at=now
    )
    stored.refresh_trainees(user_ids)


class People:
    """A coach of everyone, a coach of the first 200, HR, and a trainee with the focus
    paths and a record of `record_entries` entries; `recognitions` public recognitions
    on the kudos wall."""

    DASHBOARD_TARGET = 200

    def __init__(self, content, record_entries=500, recognitions=500):
        self.content = content
        self.record_entries, self.recognitions = record_entries, recognitions
        self.coach = User.objects.create(username="coach-all", password="!")
        self.coach_of_200 = User.objects.create(username="coach-200", password="!")
        (focus_id,) = add_trainees(0, 1, coaches=[self.coach])
        self.trainee = User.objects.get(pk=focus_id)
        for index, learning_path in enumerate(content.focus_paths):
            assign_with_progress(
                learning_path, [focus_id], assigned_by=self.coach, shift=3 + 7 * index
            )
        self.hr = User.objects.create(username="hr", is_staff=True, password="!")
        self.hr.user_permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", HR_PERMISSION])
        )
        self.count = 0
        build_record(self.trainee, self.coach, record_entries)

    def grow_to(self, size):
        """Add trainees until there are `size`, each with the population paths."""
        new = size - self.count
        small = max(0, min(new, self.DASHBOARD_TARGET - self.count))
        ids = add_trainees(self.count + 1, small, coaches=[self.coach, self.coach_of_200])
        ids += add_trainees(self.count + 1 + small, new - small, coaches=[self.coach])
        for learning_path in self.content.population_paths:
            assign_with_progress(learning_path, ids, assigned_by=self.coach)
        if not self.count:  # the wall, among the first new hires
            build_wall(ids[: self.DASHBOARD_TARGET], self.recognitions)
        self.count = size


RECORD_KINDS = ("feedback", "recognition", "reflection", "goal")


def one_team():
    """The company value every benchmark recognition names."""
    return CompanyValue.objects.get_or_create(slug="one-team", defaults={"name": "One team"})[0]


def build_record(trainee, coach, size=500):
    """`size` entries on `trainee`'s record, cycling feedback, recognition (public every
    other one), reflections and goals with two key results, each with a reply."""
    value = one_team()
    text = "Listened before answering, and the customer said so."
    makers = {
        "feedback": lambda n: Feedback.objects.create(
            trainee=trainee,
            author=coach,
            feedback_kind="appreciation",
            situation=text,
            behaviour=text,
            impact=text,
            suggestion=text,
        ),
        "recognition": lambda n: Recognition.objects.create(
            trainee=trainee, author=coach, value=value, message=text, is_public=n % 2 == 0
        ),
        "reflection": lambda n: Reflection.objects.create(
            trainee=trainee, author=trainee, title=f"Week {n}", text=text
        ),
        "goal": lambda n: Goal.objects.create(trainee=trainee, author=coach, title=f"Goal {n}"),
    }
    entries = [makers[RECORD_KINDS[n % len(RECORD_KINDS)]](n) for n in range(size)]
    KeyResult.objects.bulk_create(
        KeyResult(goal=entry, title=title, target_value=10, position=position)
        for entry in entries
        if isinstance(entry, Goal)
        for position, title in enumerate(("Calls handled", "Guide read"))
    )
    Reply.objects.bulk_create(
        Reply(entry=entry, author=trainee, text="Thanks") for entry in entries
    )


def build_wall(user_ids, size=500):
    """`size` public recognitions among the new hires of `user_ids`, each cheered once."""
    value = one_team()
    people = list(User.objects.filter(pk__in=user_ids).order_by("pk"))
    given = [
        Recognition.objects.create(
            trainee=people[n % len(people)],
            author=people[(n + 1) % len(people)],
            value=value,
            message="Thanks for covering my shift, it made the day.",
            is_public=True,
        )
        for n in range(size)
    ]
    Cheer.objects.bulk_create(
        Cheer(recognition=entry, author=people[(n + 2) % len(people)])
        for n, entry in enumerate(given)
    )
