"""Blameless learning reviews: what happened, what made it possible, what we learned.

There is no field for who is to blame, on purpose: reviews look at conditions and systems.
A review may propose a module so the whole company learns; an editor turns the proposal
into a draft module page in the admin, and both keep the link.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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

    editable_fields = (
        "title",
        "happened_on",
        "timeline",
        "conditions",
        "went_well",
        "learned",
        "proposed_module_title",
        "proposed_module_summary",
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
