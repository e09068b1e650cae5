"""Pre-boarding: what a new hire sees before their first day.

As soon as their account exists a new hire can sign in and open their welcome page: how
many days are left, their first day (their unit's, else the company's: `lessons`' first
day), who coaches them and who their buddy is, and the steps of their paths that they can
do before day one (`before_day_one` on a path's steps).
"""

from dataclasses import dataclass, field
from datetime import date

import nh3
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.rich_text import expand_db_html

from coaching.common.numbers import figure
from coaching.common.types import User
from coaching.conf import coaching_settings
from coaching.learning.journeys import StepState
from coaching.learning.models import Assignment, StepProgress
from coaching.people.models import CoachRelationship, TraineeProfile
from lessons.models import PathVersionStep

# What an editor's rich text may keep on the welcome page (the editor's features: bold,
# italic, links, lists), whatever was written into the field by other means than the editor.
RICH_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li"}


@dataclass(frozen=True)
class Countdown:
    """Days from today to a start date: what the welcome page and My onboarding say."""

    start_date: date | None
    today: date

    @property
    def days(self) -> int | None:
        """Days to go: 0 on the first day, negative once started, None without a date."""
        return None if self.start_date is None else (self.start_date - self.today).days

    @property
    def starts_later(self) -> bool:
        return self.days is not None and self.days > 0

    @property
    def has_started(self) -> bool:
        return self.days is not None and self.days < 0

    @property
    def headline(self) -> str:
        """ "5 days to go", "Tomorrow is your first day", "Today is your first day"."""
        days = self.days
        if days is None:
            return _("Your start date is not set yet")
        if days == 0:
            return _("Today is your first day")
        if days == 1:
            return _("Tomorrow is your first day")
        if days > 1:
            return ngettext("%(days)s day to go", "%(days)s days to go", days) % {
                "days": figure(days)
            }
        return _("You started on %(date)s") % {"date": self.date_label}

    @property
    def date_label(self) -> str:
        return date_format(self.start_date, "DATE_FORMAT") if self.start_date else ""


def countdown(start_date: date | None, today: date | None = None) -> Countdown:
    """The countdown to `start_date`, from `today` (the site's today by default). No query."""
    return Countdown(start_date, today or timezone.localdate())


@dataclass
class Contact:
    """A person the new hire can reach: for `coaching/people/person_card.html`."""

    person: User
    role: str
    job_title: str = ""

    @property
    def phone(self) -> str:
        """Their phone number, when the site's user model has one (`PHONE_ATTRIBUTE`)."""
        name = coaching_settings.PHONE_ATTRIBUTE
        value = getattr(self.person, name, "") if name else ""
        return str(value or "").strip()


def job_title_of(person: User) -> str:
    """Their job title when they have a new hire's profile (fetched with them), else ""."""
    try:
        return str(person.trainee_profile.job_title)
    except TraineeProfile.DoesNotExist:
        return ""


def coaches_of(user: User, today: date | None = None) -> list[Contact]:
    """The new hire's coaches, primary first: those whose coaching has not ended, even if
    it starts on the first day (a new hire meets their coach before). One query, with each
    coach's Wagtail profile (their photo) and new hire's profile (their job title)."""
    today = today or timezone.localdate()
    links = (
        CoachRelationship.objects.filter(trainee=user)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("coach__wagtail_userprofile", "coach__trainee_profile")
        .order_by("-is_primary", "starts_on", "pk")
    )
    seen: set[int] = set()
    contacts = []
    for link in links:
        if link.coach_id in seen:
            continue
        seen.add(link.coach_id)
        role = _("Your coach") if link.is_primary else _("Also coaching you")
        contacts.append(Contact(link.coach, role, job_title_of(link.coach)))
    return contacts


@dataclass
class EarlyPath:
    """One of the new hire's paths, with only its steps that can be done before day one."""

    assignment: Assignment
    steps: list[StepState] = field(default_factory=list)

    @property
    def done_count(self) -> int:
        return sum(1 for state in self.steps if state.is_done)


def before_day_one(user: User) -> list[EarlyPath]:
    """The new hire's current paths that have steps to do before day one, each with those
    steps in order and their progress; by due date. Three queries whatever the number of
    paths and steps: the assignments, their steps, their progress."""
    early_steps = PathVersionStep.objects.filter(before_day_one=True)
    rows = (
        Assignment.objects.for_trainee(user)
        .current()
        .filter(Exists(early_steps.filter(version=OuterRef("version"))))
        .select_related("version")
        .prefetch_related(
            Prefetch("version__steps", queryset=early_steps.with_withdrawal()),
            Prefetch(
                "progress",
                queryset=StepProgress.objects.filter(step__before_day_one=True),
            ),
        )
        .order_by("due_on", "pk")
    )
    paths = []
    for assignment in rows:
        by_step = {progress.step_id: progress for progress in assignment.progress.all()}
        states = [
            StepState(step, by_step.get(step.pk), step.position + 1)
            for step in assignment.version.steps.all()
        ]
        if states:
            paths.append(EarlyPath(assignment, states))
    return paths


def rich_text(value: str) -> SafeString:
    """An editor's rich text (as stored) as safe HTML: Wagtail's links expanded, then only
    the editor's own tags kept (nh3), so nothing written around the editor runs."""
    if not value:
        return mark_safe("")
    cleaned = nh3.clean(
        expand_db_html(value),
        tags=RICH_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # sanitized by nh3 just above


@dataclass(frozen=True)
class Starting:
    """Whether a person is a new hire, and their countdown: for My onboarding."""

    is_new_hire: bool
    countdown: Countdown


def starting(user: User) -> Starting:
    """One query: the person's new hire's profile, if any, and its start date."""
    found = list(TraineeProfile.objects.filter(user=user).values_list("start_date", flat=True))
    return Starting(bool(found), countdown(found[0] if found else None))
