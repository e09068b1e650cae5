"""Blameless learning reviews: what happened, what made it possible, what we learned.

There is no field for who is to blame, on purpose: reviews look at conditions and systems.
A review may propose a module so the whole company learns; an editor turns the proposal
into a draft module page in the admin, and both keep the link.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lessons.models.organisation import original_units

from .entries import Entry, OwnedAction


class LearningReview(Entry):
    title = models.CharField(
        _("what happened, in a line"),
        max_length=200,
        help_text=_('Name the event, not a person: "Outage call queue overflowed".'),
    )
    happened_on = models.DateField(_("when it happened"))
    timeline = models.TextField(
        pgettext_lazy("learning review", "timeline"),
        help_text=_("What happened, in order, as the people involved saw it at the time."),
    )
    conditions = models.TextField(
        _("conditions and systems"),
        help_text=_(
            "What made it possible: tools, processes, time pressure, missing information. "
            "Ask how it made sense to act as people did."
        ),
    )
    went_well = models.TextField(_("what went well"), blank=True)
    learned = models.TextField(_("what we learned"))
    proposed_module_title = models.CharField(
        _("proposed module"),
        max_length=200,
        blank=True,
        help_text=_("A module or path step that would help everyone learn this. Optional."),
    )
    proposed_module_summary = models.TextField(_("what the module would teach"), blank=True)
    module = models.ForeignKey(
        "lessons.ModulePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_reviews",
        verbose_name=_("module made from this review"),
    )
    # Who must learn it, and by when (coaching/record/loops.py): once the module is
    # published it is assigned to them as a one-step path, and the loop closes itself
    # when completion reaches the target. The learners never see who was in the review.
    learners_unit = models.ForeignKey(
        "lessons.BusinessUnit",
        verbose_name=_("who must learn it: business unit"),
        limit_choices_to=original_units,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Once the proposed module is published, it is assigned to them. Leave empty for "
            "every unit."
        ),
    )
    learners_job_title = models.CharField(
        _("who must learn it: job title"),
        max_length=120,
        blank=True,
        help_text=_("Exactly this job title (capitals do not matter). Leave empty for any."),
    )
    target_percent = models.PositiveSmallIntegerField(
        _("target: share who complete it (%)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    target_days = models.PositiveSmallIntegerField(
        _("target: within … days of its publishing"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    learning_path = models.ForeignKey(
        "lessons.LearningPath",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("path that assigns the module"),
    )
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    loop_action = models.ForeignKey(
        "coaching.ReviewAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("follow-up action that closes at the target"),
    )
    target_met_at = models.DateTimeField(_("target met at"), null=True, blank=True)

    editable_fields = (
        "title",
        "happened_on",
        "timeline",
        "conditions",
        "went_well",
        "learned",
        "proposed_module_title",
        "proposed_module_summary",
        "learners_unit",
        "learners_job_title",
        "target_percent",
        "target_days",
    )
    kind_label = _("Learning review")

    class Meta:
        verbose_name = _("learning review")
        verbose_name_plural = _("learning reviews")

    def __str__(self):
        return self.title


class ReviewAction(OwnedAction):
    review = models.ForeignKey(LearningReview, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("follow-up action"), max_length=500)

    class Meta(OwnedAction.Meta):
        verbose_name = _("follow-up action")
