"""Where each new hire's onboarding stands, for HR: not started, in progress, overdue or
completed, worked out by the database so a list or a count of any size is one query.

- overdue: a path in progress is past its due date;
- completed: every path they were given is completed (none in progress, none overdue);
- in progress: at least one step of a current path is done;
- not started: nothing done yet (or nothing assigned yet).
"""

from datetime import date, datetime, time, timedelta
from typing import TypedDict, cast

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coaching.people.models import TraineeProfile

# "Starting soon" on HR's overview: a start date within this many days from today.
STARTING_SOON_DAYS = 14


class OnboardingStatus:
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    COMPLETED = "completed"

    choices = [
        (NOT_STARTED, _("Not started")),
        (IN_PROGRESS, _("In progress")),
        (OVERDUE, _("Overdue")),
        (COMPLETED, _("Completed")),
    ]

    @classmethod
    def label(cls, value: str) -> str:
        return str(dict(cls.choices).get(value, ""))


def with_status(
    profiles: QuerySet[TraineeProfile], today: date | None = None
) -> QuerySet[TraineeProfile]:
    """Annotate each profile with `onboarding_status` and `finished_at` (when its last
    path was completed), from each new hire's stored figures (TraineeFigures, coaching/
    learning/stored.py): columns, not counts over their assignments, so that HR's figures
    over every new hire cost the same at any number of them."""
    today = today or timezone.localdate()
    figures = "user__learning_figures__"
    return profiles.annotate(
        finished_at=F(f"{figures}finished_at"),
        onboarding_status=Case(
            When(**{f"{figures}next_due__lt": today}, then=Value(OnboardingStatus.OVERDUE)),
            When(
                **{f"{figures}paths_current__gt": 0, f"{figures}paths_active": 0},
                then=Value(OnboardingStatus.COMPLETED),
            ),
            When(**{f"{figures}steps_done__gt": 0}, then=Value(OnboardingStatus.IN_PROGRESS)),
            default=Value(OnboardingStatus.NOT_STARTED),
        ),
    )


def starting_soon(today: date) -> Q:
    return Q(start_date__gte=today, start_date__lte=today + timedelta(days=STARTING_SOON_DAYS))


def completed_this_month(today: date) -> Q:
    month_start = timezone.make_aware(datetime.combine(today.replace(day=1), time.min))
    return Q(onboarding_status=OnboardingStatus.COMPLETED, finished_at__gte=month_start)


class Figures(TypedDict):
    starting_soon: int
    in_progress: int
    overdue: int
    completed_this_month: int


def overview_figures(today: date | None = None) -> Figures:
    """HR's four figures over every new hire, in one query."""
    today = today or timezone.localdate()
    figures = with_status(TraineeProfile.objects.all(), today).aggregate(
        starting_soon=Coalesce(Count("pk", filter=starting_soon(today)), 0),
        in_progress=Coalesce(
            Count("pk", filter=Q(onboarding_status=OnboardingStatus.IN_PROGRESS)), 0
        ),
        overdue=Coalesce(Count("pk", filter=Q(onboarding_status=OnboardingStatus.OVERDUE)), 0),
        completed_this_month=Coalesce(Count("pk", filter=completed_this_month(today)), 0),
    )
    return cast(Figures, figures)
