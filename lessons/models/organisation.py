"""The organisation that content is about: business units and company values.

Both are translatable snippets (Wagtail's TranslatableMixin, translated with
wagtail-localize): each translation is a row of its own, sharing the original's
`translation_key`. Whatever points at a unit or a value (profiles, pages, paths,
recognition) points at the original row, the first one written; readers see its name in
their language (`lessons.i18n.localized_all`, `lessons.i18n.localized_field`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from lessons.i18n import localized_field, originals

from .first_day import SAME_TIME_IN_EVERY_LANGUAGE, FirstDayFields, first_day_panel


class OriginalsQuerySet(models.QuerySet):
    def originals(self):
        """One row per unit or value: the original, the first row of its translation key
        (wagtail-localize writes translations after their source), in whatever locale it
        was written. What choosers offer and foreign keys point at."""
        return originals(self)

    def for_choosing(self):
        """The originals for a chooser or a filter, each named (`str`) in the active
        language, in the model's order by that name. One query."""
        ordering = [
            "shown_name" if field == "name" else field for field in self.model._meta.ordering
        ]
        return self.originals().annotate(shown_name=localized_field(self.model)).order_by(*ordering)


# The slug names the unit or value in every language (the demo and links find it by its
# slug), so translators do not get it as a segment to translate.
SAME_IN_EVERY_LANGUAGE = [SynchronizedField("slug", overridable=False)]


class BusinessUnit(TranslatableMixin, index.Indexed, FirstDayFields, models.Model):
    """A part of the company. Pages describe it, paths can target it, people belong to it;
    its new hires read its first day (`first_day.py`) before they start."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    description = models.TextField(_("what the unit does"), blank=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("lead"),
        first_day_panel(
            _(
                "What this unit's new hires read before they start. Leave a part empty to "
                "show the company profile's."
            )
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    override_translatable_fields = [*SAME_IN_EVERY_LANGUAGE, *SAME_TIME_IN_EVERY_LANGUAGE]

    objects = OriginalsQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("business unit")
        verbose_name_plural = _("business units")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "locale"], name="lessons_unit_name_unique_per_locale"
            ),
            models.UniqueConstraint(
                fields=["slug", "locale"], name="lessons_unit_slug_unique_per_locale"
            ),
        ]

    def __str__(self):
        # The name in the reader's language when the row was fetched with it (for_choosing).
        return getattr(self, "shown_name", None) or self.name


class CompanyValue(TranslatableMixin, index.Indexed, models.Model):
    """A value the company lives by; recognition names one."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("what it means in practice"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("position"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    override_translatable_fields = SAME_IN_EVERY_LANGUAGE

    objects = OriginalsQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("company value")
        verbose_name_plural = _("company values")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "locale"], name="lessons_value_name_unique_per_locale"
            ),
            models.UniqueConstraint(
                fields=["slug", "locale"], name="lessons_value_slug_unique_per_locale"
            ),
        ]

    def __str__(self):
        # The name in the reader's language when the row was fetched with it (for_choosing).
        return getattr(self, "shown_name", None) or self.name


# For `limit_choices_to` on whatever points at a unit or a value: forms and choosers take
# the original row only, whichever language a translator chose it in.
def original_units():
    return Q(pk__in=BusinessUnit.objects.originals().values("pk"))


def original_values():
    return Q(pk__in=CompanyValue.objects.originals().values("pk"))
