"""A question a new hire asks their buddy, and the buddy's answer."""

from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

QUESTION_MAX_LENGTH = 2000
ANSWER_MAX_LENGTH = 4000


class BuddyQuestionQuerySet(models.QuerySet["BuddyQuestion"]):
    def open(self) -> Self:
        return self.filter(answered_at__isnull=True)

    def answered(self) -> Self:
        return self.filter(answered_at__isnull=False)

    def asked_by(self, user: object) -> Self:
        return self.filter(asker=user)

    def for_buddy(self, user: object) -> Self:
        """The questions `user` is to answer now: asked by a new hire they buddy today (a
        question follows the new hire's buddy, see `coaching.buddies.questions`)."""
        return self.filter(buddy=user)


class BuddyQuestion(models.Model):
    """One question from a new hire to their buddy. It belongs to the new hire (their
    personal-data export holds it); the buddy reads and answers it, nobody else does."""

    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="buddy_questions",
        verbose_name=_("new hire"),
    )
    # Whoever is the new hire's buddy now: open questions move to a new buddy (None while
    # the new hire has none).
    buddy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="buddy_questions_to_answer",
        verbose_name=_("buddy"),
    )
    text = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    answer = models.TextField(_("answer"), max_length=ANSWER_MAX_LENGTH, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = BuddyQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question to a buddy")
        verbose_name_plural = _("questions to buddies")
        ordering = ["-asked_at", "-pk"]
        indexes = [
            models.Index(fields=["asker", "-asked_at"]),
            models.Index(fields=["buddy", "answered_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(answer=""),
                name="coaching_buddy_answer_has_text",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
