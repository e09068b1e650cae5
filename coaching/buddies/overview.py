"""What a buddy sees of their new hires, in a fixed number of queries however many there
are: path progress, the check-ins and 1:1s coming up (when and with whom, never what is
written in them), and the questions waiting for an answer."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from coaching.buddies.models import BuddyQuestion
from coaching.common.types import User
from coaching.conf import coaching_settings
from coaching.learning.journeys import PathSummary, summaries
from coaching.learning.models import Assignment, StepProgress
from coaching.people.access import buddied_profiles
from coaching.people.models import TraineeProfile
from coaching.record.models import OneOnOne


@dataclass
class Upcoming:
    """A check-in step or a 1:1 coming up: when, what (a step's title, or None for a 1:1)
    and with whom (the coach, when known)."""

    when: datetime
    step_title: str | None
    path_title: str | None
    coach: User | None


@dataclass
class BuddyView:
    """One new hire as their buddy sees them."""

    profile: TraineeProfile
    paths: list[PathSummary] = field(default_factory=list)
    upcoming: list[Upcoming] = field(default_factory=list)

    @property
    def person(self) -> User:
        return self.profile.user


def _window() -> tuple[datetime, datetime]:
    now = timezone.now()
    return now, now + timedelta(days=coaching_settings.BUDDY_UPCOMING_DAYS)


def upcoming_for(trainee_ids: list[int]) -> dict[int, list[Upcoming]]:
    """Planned check-in steps and 1:1s of these new hires in the coming days, soonest
    first: two queries for any number of people."""
    start, end = _window()
    found: dict[int, list[Upcoming]] = defaultdict(list)
    check_ins = (
        StepProgress.objects.planned_check_ins()
        .filter(
            assignment__trainee_id__in=trainee_ids,
            scheduled_for__gte=start,
            scheduled_for__lte=end,
        )
        .select_related("step", "assignment__version", "reviewed_by")
    )
    for row in check_ins:
        assert row.scheduled_for is not None  # the filter asks for one
        found[row.assignment.trainee_id].append(
            Upcoming(
                row.scheduled_for,
                row.step.localized_title,
                row.assignment.version.localized_title,
                row.reviewed_by,  # the coach who planned it
            )
        )
    meetings = (
        OneOnOne.objects.filter(trainee_id__in=trainee_ids, meets_at__gte=start, meets_at__lte=end)
        .select_related("coach")
        .order_by("meets_at", "pk")
    )
    for meeting in meetings:
        found[meeting.trainee_id].append(Upcoming(meeting.meets_at, None, None, meeting.coach))
    for items in found.values():
        items.sort(key=lambda item: item.when)
    return found


def with_open_questions(
    profiles: QuerySet[TraineeProfile], buddy: User
) -> QuerySet[TraineeProfile]:
    """Annotate `open_questions`: what each new hire asked `buddy` and is not answered."""
    return profiles.annotate(
        open_questions=Count(
            "user__buddy_questions",
            filter=Q(
                user__buddy_questions__buddy=buddy,
                user__buddy_questions__answered_at__isnull=True,
            ),
        )
    )


def my_buddies(buddy: User) -> list[BuddyView]:
    """Every new hire `buddy` is the buddy of: profiles, their paths, what is coming up.
    Four queries."""
    profiles = list(
        with_open_questions(buddied_profiles(buddy), buddy)
        .select_related("user__wagtail_userprofile", "business_unit")
        .order_by("user__first_name", "user__last_name", "pk")
    )
    views = {profile.user_id: BuddyView(profile) for profile in profiles}
    ids = list(views)
    if not ids:
        return []
    assignments = (
        Assignment.objects.filter(trainee_id__in=ids).current().order_by("status", "due_on")
    )
    for summary in summaries(assignments):
        views[summary.assignment.trainee_id].paths.append(summary)
    for trainee_id, items in upcoming_for(ids).items():
        views[trainee_id].upcoming = items
    return list(views.values())


def one_new_hire(profile: TraineeProfile) -> BuddyView:
    """One new hire's page for their buddy: paths and what is coming up (three queries)."""
    view = BuddyView(profile)
    assignments = (
        Assignment.objects.for_trainee(profile.user).current().order_by("status", "due_on")
    )
    view.paths = summaries(assignments)
    view.upcoming = upcoming_for([profile.user_id]).get(profile.user_id, [])
    return view


def questions_between(asker: User, buddy: User | None = None) -> list[BuddyQuestion]:
    """The latest questions of `asker` (to `buddy`, if named), open ones first, each with
    who answered it."""
    rows = BuddyQuestion.objects.asked_by(asker).select_related("answered_by", "buddy")
    if buddy is not None:
        rows = rows.filter(Q(buddy=buddy) | Q(answered_by=buddy))
    latest = rows.order_by("-asked_at", "-pk")[: coaching_settings.BUDDY_QUESTIONS_SHOWN]
    return sorted(latest, key=lambda question: question.is_answered)
