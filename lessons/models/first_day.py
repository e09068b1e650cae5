"""A new hire's first day, as editors write it: when to arrive, where, who meets them,
what to bring, and anything else in rich text.

Each business unit has its own (fields on the `BusinessUnit` snippet); the company profile
page holds the company-wide default. A new hire reads their unit's, field by field: what
the unit leaves empty comes from the company profile, so a unit writes only what differs
(who meets them, say) and the address is written once. Both are translated like the rest
of the content; the arrival time is the same in every language.
"""

from dataclasses import dataclass
from datetime import time
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField

from lessons.blocks import RICH_TEXT_FEATURES
from lessons.i18n import once_each


class FirstDayFields(models.Model):
    """What a new hire needs to know for their first day."""

    first_day_arrival = models.TimeField(
        _("arrival time"),
        null=True,
        blank=True,
        help_text=_("When to arrive on the first day, for example 08:30."),
    )
    first_day_place = models.TextField(
        _("where"),
        blank=True,
        help_text=_("The address, and how to find the way in: the entrance, the floor, parking."),
    )
    first_day_host = models.CharField(
        _("who meets them"),
        max_length=200,
        blank=True,
        help_text=_("Who welcomes the new hire, and where: “Agus, at reception”."),
    )
    first_day_bring = models.TextField(
        _("what to bring"),
        blank=True,
        help_text=_("Documents, equipment, clothing: one thing a line."),
    )
    first_day_notes = RichTextField(
        _("more about the first day"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Anything else: the day's plan, lunch, who to call if they are late."),
    )

    class Meta:
        abstract = True


FIRST_DAY_FIELD_NAMES = [
    "first_day_arrival",
    "first_day_place",
    "first_day_host",
    "first_day_bring",
    "first_day_notes",
]
# The time is a time in every language: translators get the words only.
SAME_TIME_IN_EVERY_LANGUAGE = [SynchronizedField("first_day_arrival", overridable=False)]


def first_day_panel(help_text: Any) -> MultiFieldPanel:
    return MultiFieldPanel(
        [FieldPanel(name) for name in FIRST_DAY_FIELD_NAMES],
        heading=_("First day"),
        help_text=help_text,
        classname="collapsed",
    )


@dataclass(frozen=True)
class FirstDay:
    """A new hire's first day as they read it: each part from their unit, else from the
    company profile (`notes` is rich text as stored: expand and sanitize it to show it)."""

    arrival: time | None = None
    place: str = ""
    host: str = ""
    bring: str = ""
    notes: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.arrival or self.place or self.host or self.bring or self.notes)


def first_day(unit: FirstDayFields | None, company: FirstDayFields | None) -> FirstDay:
    """The first day of a new hire of `unit` (None: no unit), with `company` (the company
    profile; None: none) filling what the unit leaves empty. No query."""
    sources = [found for found in (unit, company) if found is not None]

    def part(name: str) -> Any:
        return next((value for found in sources if (value := getattr(found, name))), None)

    return FirstDay(
        arrival=part("first_day_arrival"),
        place=part("first_day_place") or "",
        host=part("first_day_host") or "",
        bring=part("first_day_bring") or "",
        notes=part("first_day_notes") or "",
    )


def company_profile_for(portal: models.Model | None) -> Any:
    """The live company profile of `portal` (a LearningPortalPage, in the language of its
    site's root) in the active language when it is translated, else as written; None when
    the portal has none. One query (none without a portal)."""
    # By name: lessons.models.pages imports this module.
    CompanyProfilePage = apps.get_model("lessons", "CompanyProfilePage")
    if portal is None:
        return None
    under_portal = CompanyProfilePage.objects.child_of(portal).values("translation_key")
    profiles = (
        CompanyProfilePage.objects.live()
        .filter(translation_key__in=under_portal)
        .defer_streamfields()
        .select_related("locale")
        .order_by("path")
    )
    found = once_each(profiles, portal.locale_id)  # type: ignore[attr-defined]
    return found[0] if found else None
