"""A person's calendar feed: their 1:1s, planned check-ins and due dates, as iCalendar.

Read by a calendar app with the feed's token, never with a session. It lists only what is
the person's own: 1:1s and check-ins they are the new hire of, those they run as the new
hire's coach today (a coach whose coaching ended sees them no more), and the due dates of
their own paths in progress. Five queries whatever the size: the feed and its person, the
1:1s, the check-ins, the due dates, and the invites' sequences.
"""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coaching.account.languages import recipient_language
from coaching.account.sites import site_url_for
from coaching.common.names import display_name
from coaching.common.titles import titles
from coaching.common.types import User
from coaching.conf import coaching_settings
from coaching.learning.models import Assignment, StepProgress
from coaching.people.models import CoachRelationship
from coaching.record.models import OneOnOne
from lessons.i18n import in_reader_language_all

from . import ical
from .models import InviteSequence


def _person(user: User | None) -> ical.Person | None:
    return ical.Person(display_name(user), user.email) if user is not None else None


def _coaches_now(coach_field: str, trainee_field: str) -> Exists:
    return Exists(
        CoachRelationship.objects.active().filter(
            coach=OuterRef(coach_field), trainee=OuterRef(trainee_field)
        )
    )


def _titles(version, step=None) -> dict:
    kept = titles(version, step)
    return in_reader_language_all(kept, kept.get("translations") or {})


def one_on_ones(person: User, since):
    return (
        OneOnOne.objects.non_polymorphic()
        .annotate(coach_keeps=_coaches_now("coach_id", "trainee_id"))
        .filter(Q(trainee=person) | Q(coach=person, coach_keeps=True), meets_at__gte=since)
        .select_related("trainee", "coach")
        .order_by("meets_at", "pk")
    )


def check_ins(person: User, since):
    return (
        StepProgress.objects.planned_check_ins()
        .annotate(coach_keeps=_coaches_now("reviewed_by_id", "assignment__trainee_id"))
        .filter(
            Q(assignment__trainee=person) | Q(reviewed_by=person, coach_keeps=True),
            scheduled_for__gte=since,
        )
        .select_related("step", "assignment__version", "assignment__trainee", "reviewed_by")
        .order_by("scheduled_for", "pk")
    )


def due_dates(person: User, since):
    return (
        Assignment.objects.active()
        .filter(trainee=person, due_on__gte=since.date())
        .select_related("version")
        .order_by("due_on", "pk")
    )


def _other(person: User, *people: User | None) -> str:
    return " · ".join(display_name(p) for p in people if p is not None and p.pk != person.pk)


def feed_for(person: User) -> bytes:
    """The person's calendar, in their language and time zone. Select the person with
    `wagtail_userprofile` and `preferences__site` to spare two queries."""
    since = timezone.now() - timedelta(days=int(coaching_settings.CALENDAR_PAST_DAYS))
    site_url = site_url_for(person)
    with translation.override(recipient_language(person)):
        meetings = []
        for meeting in one_on_ones(person, since):
            other = _other(person, meeting.trainee, meeting.coach)
            meetings.append(
                ical.Meeting(
                    key=ical.one_on_one_key(meeting.pk),
                    starts_at=meeting.meets_at,
                    summary=_("1:1 with %(other)s") % {"other": other}
                    if other
                    else _("1:1 with your coach"),
                    url=site_url + reverse("coaching:entry", args=[meeting.pk]),
                    organizer=_person(meeting.coach),
                    attendees=[p for p in (_person(meeting.trainee), _person(meeting.coach)) if p],
                )
            )
        for progress in check_ins(person, since):
            assert progress.scheduled_for is not None  # planned
            assignment, coach = progress.assignment, progress.reviewed_by
            shown = _titles(assignment.version, progress.step)
            other = _other(person, assignment.trainee, coach)
            words = {"other": other, "step": shown["step"]}
            if person.pk == assignment.trainee_id:
                number = progress.step.position + 1
                url = reverse("coaching:step", args=[assignment.pk, number])
            else:
                url = reverse("coaching:trainee", args=[assignment.trainee_id])
            meetings.append(
                ical.Meeting(
                    key=ical.check_in_key(progress.pk),
                    starts_at=progress.scheduled_for,
                    summary=_("Check-in with %(other)s: %(step)s") % words
                    if other
                    else _("Check-in: %(step)s") % words,
                    description=shown["path"],
                    url=site_url + url,
                    organizer=_person(coach),
                    attendees=[p for p in (_person(assignment.trainee), _person(coach)) if p],
                )
            )
        dues = [
            ical.DueDate(
                key=ical.due_key(assignment.pk),
                day=assignment.due_on,
                summary=_("Due: %(path)s") % {"path": _titles(assignment.version)["path"]},
                url=site_url + reverse("coaching:assignment", args=[assignment.pk]),
            )
            for assignment in due_dates(person, since)
            if assignment.due_on is not None
        ]
        if meetings:
            # The same SEQUENCE as the latest invite, so a calendar that has the invite
            # keeps the newest of the two.
            sequences = dict(
                InviteSequence.objects.filter(
                    key__in=[meeting.key for meeting in meetings]
                ).values_list("key", "sequence")
            )
            for meeting in meetings:
                meeting.sequence = sequences.get(meeting.key, 0)
        name = _("Onboarding: %(name)s") % {"name": display_name(person)}
        return ical.calendar(meetings, zone=ical.zone_of(person), due_dates=dues, name=name)
