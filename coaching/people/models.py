"""People: new hires' profiles, and who coaches whom."""

from datetime import date
from typing import Self, TypedDict

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coaching.common.names import display_name
from coaching.common.types import User
from lessons.models.organisation import original_units


class TraineeProfile(models.Model):
    """A new hire: what the portal and the coach dashboard know about them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="trainee_profile",
        verbose_name=_("person"),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    business_unit = models.ForeignKey(
        "lessons.BusinessUnit",
        verbose_name=_("business unit"),
        limit_choices_to=original_units,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainees",
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    buddy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buddy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buddy_of",
        help_text=_("A colleague the new hire can ask about everyday things."),
    )
    # When they last changed, their account and coaches too (coaching/people/changes.py):
    # what the API's `updated_since` reads.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("new hire")
        verbose_name_plural = _("new hires")
        ordering = ["user__first_name", "user__last_name"]
        permissions = [
            ("manage_all_trainees", _("Can see and assign learning to every new hire")),
        ]

    def __str__(self) -> str:
        return display_name(self.user)

    @property
    def starts_later(self) -> bool:
        """Not started yet: a coach may prepare for them ("starts on 15 Dec")."""
        return self.start_date is not None and self.start_date > timezone.localdate()


class TraineeId(TypedDict):
    trainee: int


class CoachRelationshipQuerySet(models.QuerySet["CoachRelationship"]):
    def active(self, on: date | None = None) -> Self:
        on = on or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on), starts_on__lte=on)

    def trainees_of(
        self, coach: User, on: date | None = None
    ) -> models.QuerySet["CoachRelationship", TraineeId]:
        """The people `coach` coaches (on a day, today by default), as a subquery."""
        return self.active(on).filter(coach=coach).values("trainee")


class CoachRelationship(models.Model):
    """Who coaches whom, from when to when. A trainee may have several coaches; one is primary."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coaching_relationships",
        verbose_name=_("coach"),
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coach_relationships",
        verbose_name=_("new hire"),
    )
    is_primary = models.BooleanField(_("primary coach"), default=False)
    # Today by default, even for a new hire who starts later: the coach prepares before day one.
    starts_on = models.DateField(
        _("starts on"),
        default=timezone.localdate,
        help_text=_("Today by default, so the coach can prepare before the new hire's first day."),
    )
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    objects = CoachRelationshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("coach relationship")
        verbose_name_plural = _("coach relationships")
        ordering = ["trainee", "-is_primary", "starts_on"]
        permissions = [("coach_trainees", _("Can coach new hires and use the coach dashboard"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="coaching_relationship_ends_after_start",
                violation_error_message=_("The relationship cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(coach=models.F("trainee")),
                name="coaching_relationship_not_self",
                violation_error_message=_("A person cannot be their own coach."),
            ),
            models.UniqueConstraint(
                fields=["trainee"],
                condition=Q(is_primary=True, ends_on__isnull=True),
                name="coaching_one_open_primary_coach",
                violation_error_message=_(
                    "This new hire already has a primary coach; end that relationship first."
                ),
            ),
        ]

    def __str__(self) -> str:
        return _("%(coach)s coaches %(trainee)s") % {
            "coach": display_name(self.coach),
            "trainee": display_name(self.trainee),
        }

    @property
    def is_active(self) -> bool:
        """Whether the link holds today: `CoachRelationshipQuerySet.active`, for one row."""
        today = timezone.localdate()
        return self.starts_on <= today and (self.ends_on is None or self.ends_on >= today)
