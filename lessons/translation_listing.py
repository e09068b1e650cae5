"""The admin listing of a translatable snippet, with wagtail-localize's buttons for a whole
page of rows in three queries.

wagtail-localize adds "Translate" and "Sync translated snippets" to every row of a
translatable snippet's listing through `register_snippet_listing_buttons`, asking the
database twice or three times per row. This index view offers the same buttons, to the same
people, from what it asked once for the page's rows, and leaves every other hook alone.
"""

from collections import defaultdict
from typing import Any

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView
from wagtail_localize.models import TranslationSource
from wagtail_localize.wagtail_hooks import (
    register_snippet_listing_buttons as localize_listing_buttons,
)

HOOK = "register_snippet_listing_buttons"


def listing_buttons_elsewhere(snippet, user, next_url=None):
    """wagtail-localize's listing buttons, for the snippets whose listing is not a
    `TranslatableIndexView` (that one adds them itself, for a page of rows at once)."""
    viewset = getattr(type(snippet), "snippet_viewset", None)
    if viewset is not None and issubclass(viewset.index_view_class, TranslatableIndexView):
        return []
    return localize_listing_buttons(snippet, user, next_url)


def batch_translation_buttons() -> None:
    """Put `listing_buttons_elsewhere` in place of wagtail-localize's own listing hook.
    Wagtail's hook registry has no way to replace a hook: its list is changed in place,
    once, from lessons' wagtail_hooks."""
    registered = hooks._hooks.setdefault(HOOK, [])
    for index, (function, order) in enumerate(registered):
        if function is localize_listing_buttons:
            registered[index] = (listing_buttons_elsewhere, order)
            return
    hooks.register(HOOK, listing_buttons_elsewhere)


class TranslatableIndexView(IndexView):
    """The index view of a translatable snippet (TranslatableMixin), with wagtail-localize's
    listing buttons."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        self._learn_translations(list(context["object_list"]))
        return context

    def _learn_translations(self, rows: list[Any]) -> None:
        """For the page's rows: which have a locale left to translate into, and the
        wagtail-localize source of those that are translated (with an enabled
        translation)."""
        model = self.model
        keys = {row.translation_key for row in rows}
        locales_by_key: dict[Any, set[int]] = defaultdict(set)
        for key, locale_id in model._default_manager.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id"
        ):
            locales_by_key[key].add(locale_id)
        every_locale = set(Locale.objects.values_list("pk", flat=True))
        self._untranslated = {
            row.pk for row in rows if every_locale - locales_by_key[row.translation_key]
        }
        sources = TranslationSource.objects.filter(
            object_id__in=keys,
            specific_content_type__model=model._meta.model_name,
            specific_content_type__app_label=model._meta.app_label,
            translations__enabled=True,
        ).values_list("object_id", "locale_id", "pk")
        by_object = {(key, locale_id): pk for key, locale_id, pk in sources}
        self._sources = {
            row.pk: by_object[key]
            for row in rows
            if (key := (row.translation_key, row.locale_id)) in by_object
        }

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if not self.request.user.has_perm("wagtail_localize.submit_translation"):
            return buttons
        model = self.model
        if instance.pk in getattr(self, "_untranslated", ()):
            buttons.append(
                Button(
                    _("Translate"),
                    reverse(
                        "wagtail_localize:submit_snippet_translation",
                        args=[model._meta.app_label, model._meta.model_name, quote(instance.pk)],
                    ),
                    attrs={"aria-label": _("Translate '%(title)s'") % {"title": str(instance)}},
                    icon_name="wagtail-localize-language",
                    priority=100,
                )
            )
        source = getattr(self, "_sources", {}).get(instance.pk)
        if source is not None:
            url = reverse("wagtail_localize:update_translations", args=[source])
            buttons.append(
                Button(
                    _("Sync translated snippets"),
                    f"{url}?{urlencode({'next': self.request.path})}",
                    attrs={
                        "aria-label": _("Sync translations of '%(title)s'")
                        % {"title": str(instance)}
                    },
                    icon_name="resubmit",
                    priority=106,
                )
            )
        return buttons
