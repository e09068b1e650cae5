"""The onboarding audit trail: Wagtail's own action log, with the person each entry is about.

Entries are written through `wagtail.log_actions.log` (see `coaching.audit.trail`) into
this log model, registered for the coaching models in `wagtail_hooks`. Each entry names the
new hire it concerns (`trainee`), so HR can filter the trail by person; its label and data
never hold private record text, and erasing a person removes their free text from it.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry
from wagtail.models.audit_log import ModelLogEntryManager


class CoachingLogEntryManager(ModelLogEntryManager):
    def log_action(self, instance: models.Model, action: str, **kwargs: Any) -> BaseLogEntry:
        # Wagtail's own views log creations and edits of coaching models here too: the
        # instance says whose onboarding it concerns.
        kwargs.setdefault("trainee_id", getattr(instance, "trainee_id", None))
        return super().log_action(instance, action, **kwargs)

    def get_instance_title(self, instance: models.Model) -> str:
        # A model's str() may carry a person's name, which a trail kept after erasure must
        # not; the title names the kind of thing and its number.
        return f"{instance._meta.verbose_name} {instance.pk}"


class CoachingLogEntry(BaseLogEntry):
    """One coaching action: who did what, when, to whose onboarding."""

    object_id: "models.CharField[str, str]" = models.CharField(
        max_length=255, blank=False, db_index=True
    )
    trainee: "models.ForeignKey[Any, Any]" = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("new hire"),
    )

    objects = CoachingLogEntryManager()

    class Meta:
        ordering = ["-timestamp", "-id"]
        verbose_name = _("onboarding log entry")
        verbose_name_plural = _("onboarding log entries")
        indexes = [models.Index(fields=["trainee", "-timestamp"])]

    def __str__(self) -> str:
        return f"{self.action} · {self.label}"
