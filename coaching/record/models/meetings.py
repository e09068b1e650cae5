"""1:1 check-ins: a dated meeting, an agenda both sides add to, notes, action items; a 1:1
can repeat, and a person keeps a default agenda to start each new one from."""

import calendar
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .entries import Entry, OwnedAction


class Repeats(models.TextChoices):
    NEVER = "", _("Does not repeat")
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")


def _next_month(when: datetime) -> datetime:
    """The same day next month, or its last day when it has fewer (31 Jan: 28 Feb)."""
    year, month = (when.year + 1, 1) if when.month == 12 else (when.year, when.month + 1)
    return when.replace(
        year=year, month=month, day=min(when.day, calendar.monthrange(year, month)[1])
    )


STEP = {
    Repeats.WEEKLY: lambda when: when + timedelta(weeks=1),
    Repeats.FORTNIGHTLY: lambda when: when + timedelta(weeks=2),
    Repeats.MONTHLY: _next_month,
}


class OneOnOne(Entry):
    """A 1:1 between a new hire (the record's owner) and one of their coaches, planned by
    either of them. Open action items carry over."""

    meets_at = models.DateTimeField(_("meets at"))
    notes = models.TextField(_("notes"), blank=True)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="one_on_ones_as_coach",
        verbose_name=_("with coach"),
        help_text=_(
            "The coach the new hire meets. Empty if it is not known (the reminder then "
            "says “your coach”)."
        ),
    )

    repeats = models.CharField(
        _("repeats"),
        max_length=12,
        choices=Repeats.choices,
        default=Repeats.NEVER,
        blank=True,
        help_text=_("Once this 1:1 is held, the next one is planned at the same time."),
    )
    follows = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_meeting",
        verbose_name=_("follows"),
        help_text=_("The 1:1 of the same series this one was planned after."),
    )

    editable_fields = ("meets_at", "repeats", "notes")
    kind_label = _("1:1 check-in")

    class Meta:
        verbose_name = _("1:1 check-in")
        verbose_name_plural = _("1:1 check-ins")

    def save(self, *args, **kwargs):
        # Planned by a coach (or HR), it is with them; the new hire chooses their coach.
        if self.coach_id is None and self.author_id not in (None, self.trainee_id):
            self.coach_id = self.author_id
        super().save(*args, **kwargs)

    def next_meets_at(self, after: datetime | None = None) -> datetime | None:
        """When the next 1:1 of its series meets: the same time of day, one step on, and
        later than `after` if given (a sweep that did not run for a while skips the
        dates already past). None when it does not repeat."""
        step = STEP.get(Repeats(self.repeats)) if self.repeats else None
        if step is None:
            return None
        # Stepped in local time, so a weekly 09:00 stays at 09:00 across a clock change.
        when = step(timezone.localtime(self.meets_at).replace(tzinfo=None))
        while after is not None and timezone.make_aware(when) <= after:
            when = step(when)
        return timezone.make_aware(when)

    def people_ids(self) -> set[int]:
        """Who the 1:1 is with: the new hire and (when known) the coach."""
        return {self.trainee_id} | ({self.coach_id} if self.coach_id else set())


class AgendaItem(models.Model):
    meeting = models.ForeignKey(OneOnOne, on_delete=models.CASCADE, related_name="agenda")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.CharField(_("agenda item"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("agenda item")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text


class ActionItem(OwnedAction):
    """Something to do after a 1:1; shown at every later 1:1 of the same person until done."""

    meeting = models.ForeignKey(OneOnOne, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action item"), max_length=500)

    class Meta(OwnedAction.Meta):
        verbose_name = _("action item")


class AgendaTemplateQuerySet(models.QuerySet):
    def agenda_of(self, person) -> str:
        """The agenda `person` saved to start each new 1:1 from ("" if none)."""
        return self.filter(owner=person).values_list("items", flat=True).first() or ""


class AgendaTemplate(models.Model):
    """The agenda a person starts each new 1:1 from: one item a line, saved when they
    plan a 1:1 and pre-filled the next time they plan one."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agenda_template",
        verbose_name=_("owner"),
    )
    items = models.TextField(_("default agenda"), help_text=_("One item a line."))
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgendaTemplateQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda template")
        verbose_name_plural = _("agenda templates")

    def __str__(self):
        return str(self.owner)


def agenda_lines(text: str) -> list[str]:
    """An agenda typed one item a line: the items, without empty lines or repeats."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        line = " ".join(line.split())[:500]
        if line:
            seen.setdefault(line, None)
    return list(seen)
