"""Content that someone keeps true: an owner, and when it is next to be reviewed (a date,
or a period from its last review). Mixed into learnable pages and learning paths.

wagtail-periodic-review (0.5, the release on the package index) was evaluated first: it
is made for Wagtail 6 and 7, covers pages only (paths are snippets here), sets one
frequency per page type in the site settings, has no owner (a "compiled by" text) and no
reminders. These few fields do what this product needs on both kinds of content.
"""

import calendar
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

# How soon before its review-by date a review shows on its owner's dashboard.
REVIEW_SOON_DAYS = 14


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has no such day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class OwnerField(models.ForeignKey[Any, Any]):
    """A person chosen in a list that says, when empty, that nobody keeps it yet."""

    def formfield(self, **kwargs: Any) -> Any:  # type: ignore[override]
        return super().formfield(**{"empty_label": _("Nobody yet"), **kwargs})


class ReviewedContent(models.Model):
    """Who keeps this content true, and when it is next to be reviewed."""

    content_owner = OwnerField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kept up to date by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person who reviews it when its review is due."),
    )
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    review_every_months = models.PositiveSmallIntegerField(
        _("review every … months"),
        null=True,
        blank=True,
        help_text=_("Sets the next review from the last one. Leave empty to set a date."),
    )
    review_by = models.DateField(
        _("next review by"),
        null=True,
        blank=True,
        help_text=_("Worked out from the period when there is one."),
    )

    review_panel = MultiFieldPanel(
        [
            FieldPanel("content_owner"),
            FieldPanel("last_reviewed_on"),
            FieldPanel("review_every_months"),
            FieldPanel("review_by"),
        ],
        heading=_("Review"),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.review_every_months and self.last_reviewed_on:
            self.review_by = months_after(self.last_reviewed_on, self.review_every_months)
        super().save(*args, **kwargs)
