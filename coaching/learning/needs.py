"""What needs the coach, at the top of their dashboard: tasks waiting for their sign-off,
new hires with overdue paths, the 1:1s and check-ins coming up, and people nobody has
recognised for a while (a nudge, never a ranking). Each item names the person and links
to where the coach acts. Only the people this coach coaches now, HR included: HR's
"everyone" is the dashboard below, not what needs them as a coach. One query per list,
whatever the number of people.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import F, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from coaching.common.names import display_name, initials
from coaching.common.types import Text, User
from coaching.conf import coaching_settings
from coaching.learning.models import Assignment, StepProgress
from coaching.notifications.reminders import CHECK_IN_EVERY, goals_due_for_check_in
from coaching.people.access import currently_coached
from coaching.people.models import TraineeProfile
from coaching.record.models import OneOnOne, Recognition


@dataclass(frozen=True)
class Need:
    """One thing for the coach to do, about one person."""

    person: User
    text: str
    url: str
    action: Text  # the link's words: what the coach does there
    when: datetime | date | None = None

    @property
    def name(self) -> str:
        return display_name(self.person)

    @property
    def initials(self) -> str:
        return initials(self.person)

    @property
    def hue(self) -> int:
        """One of six avatar colours, the same for a person everywhere."""
        return self.person.pk % 6


@dataclass(frozen=True)
class NeedList:
    key: str
    heading: Text
    needs: list[Need]
    more_url: str = ""  # where the rest are, when there are more than a list shows


def _trainee_page(user_id: int, anchor: str = "") -> str:
    url = reverse("coaching:trainee", args=[user_id])
    return f"{url}#{anchor}" if anchor else url


def _cut(rows: list, size: int) -> tuple[list, bool]:
    return rows[:size], len(rows) > size


def waiting_for_sign_off(coach: User, size: int) -> tuple[list[Need], bool]:
    rows = list(
        StepProgress.objects.waiting_for_sign_off()
        .filter(assignment__trainee__in=currently_coached(coach))
        .select_related("assignment__trainee", "assignment__version", "step")
        .order_by("updated_at", "pk")[: size + 1]
    )
    rows, more = _cut(rows, size)
    return [
        Need(
            row.assignment.trainee,
            _("%(step)s in %(path)s")
            % {"step": row.step.localized_title, "path": row.assignment.version.localized_title},
            _trainee_page(
                row.assignment.trainee_id, f"step-{row.assignment_id}-{row.step.position + 1}"
            ),
            pgettext_lazy("a coach's to-do: a task handed in", "Review"),
            row.updated_at,
        )
        for row in rows
    ], more


def overdue(coach: User, today: date, size: int) -> tuple[list[Need], bool]:
    rows = list(
        Assignment.objects.overdue(today)
        .filter(trainee__in=currently_coached(coach))
        .select_related("trainee", "version")
        .order_by("due_on", "pk")[: size + 1]
    )
    rows, more = _cut(rows, size)
    return [
        Need(
            row.trainee,
            _overdue_text(row, today),
            _trainee_page(row.trainee_id, f"assignment-{row.pk}"),
            gettext_lazy("Open"),
            row.due_on,
        )
        for row in rows
    ], more


def _overdue_text(assignment: Assignment, today: date) -> str:
    assert assignment.due_on is not None  # an overdue assignment has a due date
    days = (today - assignment.due_on).days
    return ngettext(
        "%(path)s was due %(days)s day ago", "%(path)s was due %(days)s days ago", days
    ) % {"path": assignment.version.localized_title, "days": days}


def coming_up(coach: User, now: datetime, size: int) -> tuple[list[Need], bool]:
    """1:1s with this coach, check-in steps planned, and goal check-ins due, in the next
    days, soonest first (three queries)."""
    coached = currently_coached(coach)
    until = now + timedelta(days=coaching_settings.NEEDS_SOON_DAYS)
    needs = []
    meetings = (
        OneOnOne.objects.filter(trainee__in=coached, meets_at__gte=now, meets_at__lte=until)
        .filter(Q(coach=coach) | Q(coach__isnull=True))
        .select_related("trainee")
        .order_by("meets_at", "pk")[: size + 1]
    )
    for meeting in meetings:
        when = timezone.localtime(meeting.meets_at)
        needs.append(
            Need(
                meeting.trainee,
                _("1:1 on %(when)s") % {"when": _moment(when)},
                reverse("coaching:entry", args=[meeting.pk]),
                gettext_lazy("Prepare"),
                when,
            )
        )
    checkins = (
        StepProgress.objects.planned_check_ins()
        .filter(
            assignment__trainee__in=coached,
            scheduled_for__gte=now,
            scheduled_for__lte=until,
        )
        .select_related("assignment__trainee", "step")
        .order_by("scheduled_for", "pk")[: size + 1]
    )
    for row in checkins:
        assert row.scheduled_for is not None  # the filter asks for one
        when = timezone.localtime(row.scheduled_for)
        needs.append(
            Need(
                row.assignment.trainee,
                _("Check-in “%(step)s” on %(when)s")
                % {"step": row.step.localized_title, "when": _moment(when)},
                _trainee_page(
                    row.assignment.trainee_id, f"step-{row.assignment_id}-{row.step.position + 1}"
                ),
                gettext_lazy("Open"),
                when,
            )
        )
    goals = (
        goals_due_for_check_in(until)
        .filter(trainee__in=coached)
        .select_related("trainee")
        .order_by("last_check_in", "pk")[: size + 1]
    )
    for goal in goals:
        due = timezone.localtime(goal.last_check_in + CHECK_IN_EVERY[goal.cadence])
        needs.append(
            Need(
                goal.trainee,
                _("Goal check-in: %(goal)s") % {"goal": goal.title},
                reverse("coaching:goal_check_in", args=[goal.pk]),
                gettext_lazy("Check in"),
                max(due, timezone.localtime(now)),
            )
        )
    needs.sort(key=lambda need: need.when)  # type: ignore[arg-type, return-value]
    return _cut(needs, size)


def _moment(when: datetime) -> str:
    # In words ("Dec. 3, 2026, 2:22 p.m."), as notifications say it: 12/03/2026 reads as
    # 12 March to a reader who writes the day first.
    return date_format(timezone.localtime(when), "DATETIME_FORMAT")


def not_recognised(coach: User, now: datetime, size: int) -> tuple[list[Need], bool]:
    """New hires nobody has recognised for RECOGNITION_NUDGE_DAYS days (counted from their
    start date when they have had none yet), longest first."""
    days = coaching_settings.RECOGNITION_NUDGE_DAYS
    since = now - timedelta(days=days)
    last = Subquery(
        Recognition.objects.non_polymorphic()
        .filter(trainee=OuterRef("user_id"))
        .order_by()
        .values("trainee")
        .annotate(last=Max("created_at"))
        .values("last")[:1]
    )
    rows = list(
        TraineeProfile.objects.filter(user__in=currently_coached(coach), user__is_active=True)
        .annotate(last_recognised=last)
        .filter(
            Q(last_recognised__lt=since)
            | Q(last_recognised__isnull=True, start_date__lte=timezone.localdate(since))
        )
        .select_related("user")
        .order_by(F("last_recognised").asc(nulls_first=True), "start_date", "pk")[: size + 1]
    )
    rows, more = _cut(rows, size)
    text = _("no recognition in %(days)s days") % {"days": days}
    return [
        Need(
            row.user,
            text,
            f"{reverse('coaching:give_recognition')}?to={row.user_id}",
            gettext_lazy("Recognise"),
            row.last_recognised,
        )
        for row in rows
    ], more


def needs_of(coach: User, now: datetime | None = None) -> list[NeedList]:
    """What needs this coach, by list; the lists with nothing in them are left out."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    size = coaching_settings.NEEDS_LIST_SIZE
    dashboard = reverse("coaching:dashboard")
    lists = []
    for key, heading, (needs, more), more_url in (
        (
            "sign-off",
            gettext_lazy("Waiting for your sign-off"),
            waiting_for_sign_off(coach, size),
            f"{dashboard}?sort=waiting",
        ),
        (
            "overdue",
            gettext_lazy("Overdue"),
            overdue(coach, today, size),
            f"{dashboard}?overdue=1&sort=overdue",
        ),
        ("coming-up", gettext_lazy("Coming up"), coming_up(coach, now, size), ""),
        (
            "recognition",
            gettext_lazy("A word of thanks?"),
            not_recognised(coach, now, size),
            reverse("coaching:kudos"),
        ),
    ):
        if needs:
            lists.append(NeedList(key, heading, needs, more_url if more else ""))
    return lists
