"""Enrolment rules: who gets which learning paths without anybody assigning them by hand,
and the log of what each rule did (applying.py applies them)."""

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from lessons.models.organisation import original_units


class DueRule(models.TextChoices):
    NONE = "none", _("No due date")
    AFTER_START = "after_start", _("Days after the start date")
    FIXED = "fixed", _("On a fixed date")


class CoachChoice(models.TextChoices):
    KEEP = "keep", _("Keep their current coaches")
    UNIT_LEAD = "unit_lead", _("The lead of their business unit")
    PERSON = "person", _("A named person")


class EnrolmentRuleQuerySet(models.QuerySet["EnrolmentRule"]):
    def active(self) -> "EnrolmentRuleQuerySet":
        return self.filter(active=True)


class EnrolmentRule(ClusterableModel):
    """Who (a unit, a job title, a start-date window, or everyone with a profile) gets which
    paths, due when, assigned by whom, with which coach."""

    name = models.CharField(_("name"), max_length=120)
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Only active rules assign paths, when people are added or change."),
    )
    business_unit = models.ForeignKey(
        "lessons.BusinessUnit",
        verbose_name=_("business unit"),
        limit_choices_to=original_units,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for every unit."),
    )
    job_title = models.CharField(
        _("job title"),
        max_length=120,
        blank=True,
        help_text=_("Exactly this job title (capitals do not matter). Leave empty for any."),
    )
    starts_within_days = models.PositiveIntegerField(
        _("start date within the next … days"),
        null=True,
        blank=True,
        help_text=_("Only people whose start date is between today and this many days ahead."),
    )
    starts_from = models.DateField(_("start date from"), null=True, blank=True)
    starts_until = models.DateField(_("start date until"), null=True, blank=True)
    due = models.CharField(
        _("due date"), max_length=12, choices=DueRule.choices, default=DueRule.AFTER_START
    )
    due_after_days = models.PositiveIntegerField(
        _("days after the start date"), null=True, blank=True
    )
    due_on = models.DateField(_("fixed due date"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to have the rule itself named as the one who assigned."),
    )
    coach = models.CharField(
        _("coach"), max_length=12, choices=CoachChoice.choices, default=CoachChoice.KEEP
    )
    coach_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("named coach"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Becomes the primary coach of new hires who have none."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = EnrolmentRuleQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("active"),
        MultiFieldPanel(
            [
                FieldPanel("business_unit"),
                FieldPanel("job_title"),
                FieldPanel("starts_within_days"),
                FieldRowPanel([FieldPanel("starts_from"), FieldPanel("starts_until")]),
            ],
            heading=_("Who"),
        ),
        InlinePanel("rule_paths", min_num=1, label=_("learning path"), heading=_("Paths")),
        MultiFieldPanel(
            [FieldPanel("due"), FieldPanel("due_after_days"), FieldPanel("due_on")],
            heading=_("Due"),
        ),
        MultiFieldPanel(
            [FieldPanel("assigned_by"), FieldPanel("coach"), FieldPanel("coach_person")],
            heading=_("Assigned by and coach"),
        ),
    ]

    class Meta:
        verbose_name = _("enrolment rule")
        verbose_name_plural = _("enrolment rules")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, list[Any]] = {}
        if self.due == DueRule.AFTER_START and self.due_after_days is None:
            errors["due_after_days"] = [_("Say how many days after the start date it is due.")]
        if self.due == DueRule.FIXED and self.due_on is None:
            errors["due_on"] = [_("Choose the date it is due.")]
        if self.coach == CoachChoice.PERSON and self.coach_person_id is None:
            errors["coach_person"] = [_("Choose the person who coaches them.")]
        if self.starts_from and self.starts_until and self.starts_from > self.starts_until:
            errors["starts_until"] = [_("The end of the window cannot be before its start.")]
        if errors:
            raise ValidationError(errors)

    def who(self, today: date | None = None) -> Q:
        """The profiles this rule is about, as a filter on TraineeProfile."""
        today = today or timezone.localdate()
        who = Q()
        if self.business_unit_id is not None:
            who &= Q(business_unit_id=self.business_unit_id)
        if self.job_title.strip():
            who &= Q(job_title__iexact=self.job_title.strip())
        if self.starts_within_days is not None:
            who &= Q(
                start_date__gte=today,
                start_date__lte=today + timedelta(days=self.starts_within_days),
            )
        if self.starts_from is not None:
            who &= Q(start_date__gte=self.starts_from)
        if self.starts_until is not None:
            who &= Q(start_date__lte=self.starts_until)
        return who

    def due_arguments(self) -> dict[str, object]:
        """How `assign_path` is told the due date."""
        if self.due == DueRule.AFTER_START and self.due_after_days is not None:
            return {"due_after_start_days": self.due_after_days}
        if self.due == DueRule.FIXED and self.due_on is not None:
            return {"due_on": self.due_on}
        return {}


class EnrolmentRulePath(Orderable):
    """One path a rule gives, in order."""

    rule = ParentalKey(EnrolmentRule, on_delete=models.CASCADE, related_name="rule_paths")
    path = models.ForeignKey(
        "lessons.LearningPath",
        verbose_name=_("learning path"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("path")]

    class Meta(Orderable.Meta):
        verbose_name = _("path of a rule")
        verbose_name_plural = _("paths of a rule")
        constraints = [
            models.UniqueConstraint(fields=["rule", "path"], name="coaching_rule_path_once")
        ]


class Trigger(models.TextChoices):
    PERSON_CREATED = "created", _("Person added")
    PERSON_CHANGED = "changed", _("Unit, role or start date changed")
    DAILY_SWEEP = "sweep", _("Daily sweep")
    RUN_NOW = "run_now", _("Run now")
    RULE_SAVED = "saved", _("Rule saved")


class RuleRun(models.Model):
    """What one application of a rule did."""

    rule = models.ForeignKey(
        EnrolmentRule, on_delete=models.CASCADE, related_name="runs", verbose_name=_("rule")
    )
    ran_at = models.DateTimeField(_("when"), default=timezone.now)
    trigger = models.CharField(_("trigger"), max_length=12, choices=Trigger.choices)
    matched = models.PositiveIntegerField(_("people matched"), default=0)
    assigned = models.PositiveIntegerField(_("people assigned"), default=0)
    skipped = models.PositiveIntegerField(_("people skipped"), default=0)
    assignments = models.PositiveIntegerField(_("assignments made"), default=0)
    ran_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("run of a rule")
        verbose_name_plural = _("runs of rules")
        ordering = ["-ran_at", "-pk"]
        indexes = [models.Index(fields=["rule", "-ran_at"])]

    def __str__(self) -> str:
        return _("%(rule)s, %(trigger)s") % {
            "rule": self.rule_id,
            "trigger": self.get_trigger_display(),
        }
