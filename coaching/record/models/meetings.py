"""1:1 check-ins: a dated meeting, an agenda both sides add to, notes, action items."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .entries import Entry, OwnedAction


class OneOnOne(Entry):
    """A 1:1 between a new hire and their coach. Open action items carry over."""

    meets_at = models.DateTimeField(_("meets at"))
    notes = models.TextField(_("notes"), blank=True)

    editable_fields = ("meets_at", "notes")
    kind_label = _("1:1 check-in")

    class Meta:
        verbose_name = _("1:1 check-in")
        verbose_name_plural = _("1:1 check-ins")


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
