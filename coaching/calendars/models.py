"""What calendars need remembered: each meeting's invite sequence, and each person's feed
link."""

import secrets

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeedQuerySet(models.QuerySet):
    def link_of(self, person) -> "CalendarFeed":
        """The person's feed link, made the first time they ask for it."""
        feed, _created = self.get_or_create(person=person)
        return feed


class CalendarFeed(models.Model):
    """A person's private calendar feed: whoever has its token reads their calendar, so a
    new link revokes the old one."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("person"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.person)

    def renew(self) -> None:
        """A new token: the old link stops working at once."""
        self.token = new_token()
        self.created_at = timezone.now()
        self.save(update_fields=["token", "created_at"])


class InviteSequence(models.Model):
    """How often a meeting's invite has changed (RFC 5545 SEQUENCE), by the meeting's key
    ("one-on-one-12", "check-in-34"): calendar apps apply an update only when it is higher
    than the one they have."""

    key = models.CharField(_("meeting"), max_length=100, unique=True)
    sequence = models.PositiveIntegerField(_("sequence"), default=0)

    class Meta:
        verbose_name = _("invite sequence")
        verbose_name_plural = _("invite sequences")

    def __str__(self):
        return f"{self.key} #{self.sequence}"


def next_sequence(key: str) -> int:
    """The sequence of the meeting's next invite: 0 the first time, one more each change
    (an atomic increment: two changes at once get two numbers)."""
    with transaction.atomic():
        row, created = InviteSequence.objects.get_or_create(key=key)
        if created:
            return 0
        InviteSequence.objects.filter(pk=row.pk).update(sequence=F("sequence") + 1)
        return InviteSequence.objects.values_list("sequence", flat=True).get(pk=row.pk)
