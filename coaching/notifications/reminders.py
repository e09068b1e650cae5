"""The reminder sweep: what is due soon, overdue, or coming up, as notifications.

`manage.py send_reminders` runs `sweep()` on a schedule (cron, a systemd timer, a
Kubernetes CronJob). Every reminder's key names its event and the date it is about, so
running the sweep twice, or on two servers at once, writes and sends each reminder once;
a changed due date or meeting time is a new event and gets its own reminder.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import CharField, Exists, Max, OuterRef, Q, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from coaching.common.names import name_from
from coaching.common.titles import titles
from coaching.conf import coaching_settings
from coaching.learning.journeys import summaries
from coaching.learning.models import Assignment, AssignmentQuerySet, StepProgress
from coaching.notifications.models import Notification, NotificationKind
from coaching.people.access import HR_PERMISSION
from coaching.people.models import CoachRelationship
from coaching.record import series
from coaching.record.models import Cadence, Goal, GoalStatus, OneOnOne
from coaching.webhooks import events as webhook_events
from coaching.webhooks import sending as webhooks
from lessons.i18n import texts_of, wordings
from lessons.models import REVIEWED_CONTENT

from .sending import Notice, enqueue_emails, notify

CHECK_IN_EVERY = {
    Cadence.WEEKLY: timedelta(days=7),
    Cadence.MONTHLY: timedelta(days=30),
    Cadence.QUARTERLY: timedelta(days=91),
}


def not_reminded(
    assignments: AssignmentQuerySet[Assignment], prefix: str
) -> AssignmentQuerySet[Assignment]:
    """The assignments whose new hire has no reminder yet with the key "prefix:pk:due_on":
    the database skips the reminders written before, so a sweep builds only new ones."""
    key = Concat(
        Value(f"{prefix}:"),
        Cast("pk", CharField()),
        Value(":"),
        Cast("due_on", CharField()),  # ISO 8601 on PostgreSQL and SQLite, as isoformat()
        output_field=CharField(),
    )
    written = Notification.objects.filter(recipient=OuterRef("trainee"), key=OuterRef("key"))
    return assignments.alias(key=key).exclude(Exists(written))


def _path_notices(assignments, kind, prefix):
    """One notice per assignment not reminded yet, for its new hire, with the steps left
    and the next one."""
    for summary in summaries(not_reminded(assignments, prefix)):
        assignment = summary.assignment
        assert assignment.due_on is not None  # both sweeps pick assignments by due date
        next_step = summary.next_step.step if summary.next_step else None
        if kind == NotificationKind.OVERDUE:
            webhook_events.path_overdue(assignment)  # once: reminded once per due date
        yield Notice(
            recipient_id=assignment.trainee_id,
            kind=kind,
            key=f"{prefix}:{assignment.pk}:{assignment.due_on.isoformat()}",
            params={
                "next_step": "",  # every step is done, or this is the next one's title
                **titles(assignment.version, next_step, step_name="next_step"),
                "due_on": assignment.due_on.isoformat(),
                "remaining": assignment.version.step_count - assignment.done_count,
            },
            url=reverse("coaching:assignment", args=[assignment.pk]),
        )


def due_soon(today):
    window = Assignment.objects.active().filter(
        due_on__gte=today, due_on__lte=today + timedelta(days=coaching_settings.DUE_SOON_DAYS)
    )
    return _path_notices(window, NotificationKind.DUE_SOON, "due-soon")


def overdue(today):
    return _path_notices(Assignment.objects.overdue(today), NotificationKind.OVERDUE, "overdue")


def overdue_digests(today):
    """One digest a week for each coach whose new hires have overdue paths (and who has not
    had this week's yet)."""
    year, week, _day = today.isocalendar()
    key = f"overdue-digest:{year}-W{week:02d}"
    coaches = CoachRelationship.objects.active(today).exclude(
        Exists(Notification.objects.filter(recipient=OuterRef("coach"), key=key))
    )
    late = (
        Assignment.objects.overdue(today)
        .filter(Exists(coaches.filter(trainee=OuterRef("trainee"))))
        .with_progress()
    )
    rows = late.values_list(
        "trainee_id",
        "trainee__first_name",
        "trainee__last_name",
        "trainee__username",
        "version__title",
        "version__translations",
        "due_on",
        "version__step_count",
        "done_count",
    ).order_by("due_on", "pk")
    by_trainee = defaultdict(list)
    for trainee_id, first, last, username, title, translations, due_on, steps, done in rows:
        assert due_on is not None  # overdue: past its due date
        item = {
            "trainee": name_from(first, last, username),
            "path": title,
            "due_on": due_on.isoformat(),
            "remaining": steps - done,
        }
        if translated := wordings(path=texts_of(translations)):
            item["translations"] = translated
        by_trainee[trainee_id].append(item)
    if not by_trainee:
        return ()
    items_by_coach = defaultdict(list)
    links = coaches.filter(Exists(late.filter(trainee=OuterRef("trainee"))))
    for coach_id, trainee_id in links.values_list("coach_id", "trainee_id").distinct():
        items_by_coach[coach_id].extend(by_trainee[trainee_id])
    return (
        Notice(
            recipient_id=coach_id,
            kind=NotificationKind.OVERDUE_DIGEST,
            key=key,
            params={"items": items},
            url=reverse("coaching:dashboard") + "?sort=overdue",
        )
        for coach_id, items in items_by_coach.items()
    )


def goals_due_for_check_in(by):
    """Open goals whose cadence says a check-in is due at `by` (a moment): since the last
    check-in (or since the goal was set) a week, a month or a quarter will have passed.
    Annotated `last_check_in`. (Also the coach's "What needs me".)"""
    due = Q()
    for cadence, every in CHECK_IN_EVERY.items():
        due |= Q(cadence=cadence, last_check_in__lte=by - every)
    return (
        Goal.objects.non_polymorphic()
        .exclude(status=GoalStatus.DONE)
        .annotate(last_check_in=Coalesce(Max("check_ins__created_at"), "created_at"))
        .filter(due)
    )


def goal_check_ins(now):
    """Goals whose cadence says a check-in is due now."""
    goals = goals_due_for_check_in(now).values_list(
        "pk", "trainee_id", "title", "cadence", "last_check_in"
    )
    for pk, trainee_id, title, cadence, last in goals:
        due_on = timezone.localdate(last + CHECK_IN_EVERY[cadence])
        yield Notice(
            recipient_id=trainee_id,
            kind=NotificationKind.GOAL_CHECK_IN,
            key=f"goal-check-in:{pk}:{due_on.isoformat()}",
            params={
                "goal": title,
                "cadence": cadence,
                "last_on": timezone.localdate(last).isoformat(),
            },
            url=reverse("coaching:goal_check_in", args=[pk]),
        )


def content_reviews(today):
    """A reminder to each owner of content whose review is due (lessons.models.freshness),
    once per review-by date: one query per kind of content."""
    default = Locale.get_default()  # a translation shares its source's review
    for model, edit_url in REVIEWED_CONTENT:
        due = model.objects.filter(
            content_owner__isnull=False, review_by__lte=today, live=True, locale=default
        )
        rows = due.values_list("pk", "content_owner_id", "title", "review_by")
        for pk, owner_id, title, review_by in rows:
            assert review_by is not None  # filtered on
            yield Notice(
                recipient_id=owner_id,
                kind=NotificationKind.REVIEW_DUE,
                key=f"review:{model._meta.label_lower}:{pk}:{review_by.isoformat()}",
                params={"title": title, "review_on": review_by.isoformat()},
                url=reverse(edit_url, args=[pk]),
            )


@dataclass
class Meeting:
    key: str
    meets_at: datetime
    people: list[tuple[int | None, str, str]]  # (person id, the other's name, their link)
    agenda: bool = False

    def notices(self):
        for person_id, other, url in self.people:
            if person_id is None:
                continue
            yield Notice(
                recipient_id=person_id,
                kind=NotificationKind.ONE_ON_ONE,
                key=f"{self.key}:{self.meets_at.isoformat()}",
                params={
                    "other": other,
                    "meets_at": self.meets_at.isoformat(),
                    "agenda": self.agenda,
                },
                url=url,
            )


def _still_coaches(today, coach_field, trainee_field):
    """Whether the row's coach may still open what they are reminded of: they coach its new
    hire today, or they are HR (who may plan too, and see every record)."""
    coaches = CoachRelationship.objects.active(today).filter(
        coach=OuterRef(coach_field), trainee=OuterRef(trainee_field)
    )
    hr = get_user_model().objects.filter(
        Q(is_superuser=True)
        | Q(user_permissions__codename=HR_PERMISSION)
        | Q(groups__permissions__codename=HR_PERMISSION),
        pk=OuterRef(coach_field),
    )
    return Exists(coaches) | Exists(hr)


def upcoming_meetings(now):
    """1:1s and check-in steps planned within the next hours, for both people."""
    window = {"gt": now, "lte": now + timedelta(hours=coaching_settings.MEETING_REMINDER_HOURS)}
    names = ("first_name", "last_name", "username")
    today = timezone.localdate(now)
    meetings = (
        OneOnOne.objects.non_polymorphic()
        .filter(meets_at__gt=window["gt"], meets_at__lte=window["lte"])
        .annotate(coach_keeps=_still_coaches(today, "coach_id", "trainee_id"))
    )
    for row in meetings.values(
        "coach_keeps",
        "pk",
        "meets_at",
        "trainee_id",
        "coach_id",
        *(f"trainee__{name}" for name in names),
        *(f"coach__{name}" for name in names),
    ):
        url = reverse("coaching:entry", args=[row["pk"]])
        trainee = name_from(*(row[f"trainee__{name}"] for name in names))
        # No coach named (an old 1:1 of the new hire's): the reminder says "your coach".
        coach = name_from(*(row[f"coach__{name}"] for name in names))
        yield from Meeting(
            f"one-on-one:{row['pk']}",
            row["meets_at"],
            # A coach whose link has ended is not reminded: the 1:1 is no longer theirs to
            # open (the new hire still is, with their name).
            [
                (row["trainee_id"], coach, url),
                (row["coach_id"] if row["coach_keeps"] else None, trainee, url),
            ],
            agenda=True,
        ).notices()
    # The check-ins "What needs you" lists too: not one left on a step a newer version of
    # the path dropped.
    planned = (
        StepProgress.objects.planned_check_ins()
        .filter(scheduled_for__gt=window["gt"], scheduled_for__lte=window["lte"])
        .annotate(coach_keeps=_still_coaches(today, "reviewed_by_id", "assignment__trainee_id"))
    )
    for row in planned.values(
        "coach_keeps",
        "pk",
        "scheduled_for",
        "assignment_id",
        "assignment__trainee_id",
        "reviewed_by_id",
        "step__position",
        *(f"assignment__trainee__{name}" for name in names),
        *(f"reviewed_by__{name}" for name in names),
    ):
        trainee_id = row["assignment__trainee_id"]
        number = row["step__position"] + 1
        step_url = reverse("coaching:step", args=[row["assignment_id"], number])
        coach_url = reverse("coaching:trainee", args=[trainee_id])
        trainee = name_from(*(row[f"assignment__trainee__{name}"] for name in names))
        coach = name_from(*(row[f"reviewed_by__{name}"] for name in names))
        yield from Meeting(
            f"check-in-step:{row['pk']}",
            row["scheduled_for"],
            [
                (trainee_id, coach, step_url),
                (row["reviewed_by_id"] if row["coach_keeps"] else None, trainee, coach_url),
            ],
        ).notices()


@dataclass
class SweepResult:
    written: int
    retried: int


def sweep(now=None):
    """Send emails and webhook deliveries that are waiting for a retry, then write (once)
    every reminder due now."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due_emails = Notification.objects.email_due(now).order_by("email_next_attempt_at")
    waiting = list(due_emails.values_list("pk", flat=True)[: coaching_settings.RETRIES_PER_SWEEP])
    enqueue_emails(waiting)
    series.plan_next_meetings(now)  # repeating 1:1s held since: their next, reminded below
    notices = [
        *due_soon(today),
        *overdue(today),
        *overdue_digests(today),
        *goal_check_ins(now),
        *upcoming_meetings(now),
        *content_reviews(today),
    ]
    written = notify(notices)
    webhooks.retry_due()  # last: webhook deliveries whose next attempt has come
    return SweepResult(written=written, retried=len(waiting))
