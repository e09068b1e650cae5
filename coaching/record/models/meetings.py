"""1:1 check-ins: a dated meeting, an agenda both sides add to, notes, action items."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .entries import Entry, OwnedAction


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

    editable_fields = ("meets_at", "notes")
    kind_label = _("1:1 check-in")

    class Meta:
        verbose_name = _("1:1 check-in")
        verbose_name_plural = _("1:1 check-ins")

    def save(self, *args, **kwargs):
        # Planned by a coach (or HR), it is with them; the new hire chooses their coach.
        if self.coach_id is None and self.author_id not in (None, self.trainee_id):
            self.coach_id = self.author_id
        super().save(*args, **kwargs)

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
