"""The admin's choosers of lessons' translatable snippets (units, values, checks, paths).

Whatever points at one of them points at its original row (lessons.models.organisation),
so a chooser offers the originals only, one row for each, named in the reader's language,
rather than every locale's copy: a translation chosen would be refused on save. The
chooser shows no locale filter or column, as there is one row for each thing."""

from typing import Any

from django import forms
from django.db.models import ForeignKey, QuerySet
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from wagtail.admin.forms.models import register_form_field_override
from wagtail.snippets.views.chooser import (
    BaseSnippetChooseView,
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.widgets import AdminSnippetChooser

from lessons.i18n import localized_all, localized_field, originals


def choosable(model: type[Any], name_field: str) -> QuerySet[Any]:
    """The originals of `model`, each annotated `shown_name` (its `name_field` in the
    reader's language) and in that order. One query; build it for each request."""
    rows = originals(model._default_manager.all())
    return rows.annotate(shown_name=localized_field(model, name_field)).order_by("shown_name", "pk")


class OriginalChoiceField(forms.ModelChoiceField):
    """A form's choice of a unit, value, check or path: the originals only, each named in
    the reader's language. The choices are made afresh for each form (Django copies a
    form's fields for each form), in the language of its request."""

    def __init__(self, *args: Any, name_field: str = "title", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.name_field = name_field

    def __deepcopy__(self, memo: dict[int, Any]) -> "OriginalChoiceField":
        result: OriginalChoiceField = super().__deepcopy__(memo)  # type: ignore[misc]
        result.queryset = choosable(self.queryset.model, self.name_field)  # type: ignore[union-attr]
        return result

    def label_from_instance(self, obj: Any) -> str:
        return shown_name(obj)


def shown_name(instance: Any) -> str:
    """A row's name as its chooser lists it: annotated in the reader's language."""
    return getattr(instance, "shown_name", None) or str(instance)


def named_for_reader(instance: Any) -> str:
    """One row's name in the reader's language (its translation's), in one query."""
    return str(localized_all([instance])[0])


class OriginalsChooseMixin(BaseSnippetChooseView):
    i18n_enabled = False  # one row for each thing: no locale filter, no locale column

    def filter_object_list(self, objects: QuerySet[Any]) -> Any:
        """A search finds words in any language, then lists the originals of what it
        found: the search backend filters only on plain fields, not on "the first row of
        its translation key". Two queries, whatever the number of matches."""
        if not self.filter_form.is_valid() or not self.filter_form.cleaned_data.get("q"):
            return super().filter_object_list(objects)
        found = super().filter_object_list(self.model_class._default_manager.all())
        return objects.filter(translation_key__in={row.translation_key for row in found})

    @property
    def title_column(self) -> Any:
        column = super().title_column
        column.accessor = shown_name
        return column


class OriginalsChooseView(OriginalsChooseMixin, ChooseView):
    pass


class OriginalsChooseResultsView(OriginalsChooseMixin, ChooseResultsView):
    pass


class OriginalChosenView(SnippetChosenView):
    def get_display_title(self, instance: Any) -> str:
        return named_for_reader(instance)


def _worded(text: str, model: type[Any]) -> Any:
    """Wagtail words the chooser's buttons once, when the form class is made (in the
    language of no one in particular); these are worded for each request's reader."""
    return lazy(lambda: gettext(text) % {"object": model._meta.verbose_name}, str)()


class OriginalsChooser(AdminSnippetChooser):
    """The chooser's field on a form: the chosen original, named in the reader's language."""

    def __init__(self, model: Any = None, **kwargs: Any) -> None:
        super().__init__(model=model, **kwargs)
        self.choose_one_text = _worded(gettext_noop("Choose %(object)s"), self.model)
        self.choose_another_text = _worded(gettext_noop("Choose another %(object)s"), self.model)
        self.link_to_chosen_text = _worded(gettext_noop("Edit this %(object)s"), self.model)

    def get_instance(self, value: Any) -> Any:
        """Nothing chosen for a posted value that is no id (text, markup): Wagtail looks it
        up as it is and raises ValueError, a 500 where the form should show its field's
        "Select a valid choice"."""
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, OverflowError):
            return None

    def get_display_title(self, instance: Any) -> str:
        return named_for_reader(instance)


class OriginalsChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser that lists originals, by `name_field` in the reader's language."""

    choose_view_class = OriginalsChooseView
    choose_results_view_class = OriginalsChooseResultsView
    chosen_view_class = OriginalChosenView
    base_widget_class = OriginalsChooser
    name_field = "title"

    def get_object_list(self) -> QuerySet[Any]:
        return choosable(self.model, self.name_field)

    def on_register(self) -> None:
        super().on_register()
        # A foreign key to the model in an admin form: the chooser, and the originals only
        # as its valid choices (a translation's id posted is refused beside the field).
        register_form_field_override(
            ForeignKey,
            to=self.model,
            override={
                "widget": self.widget_class,
                "form_class": OriginalChoiceField,
                "name_field": self.name_field,
            },
        )


class NamedOriginalsChooserViewSet(OriginalsChooserViewSet):
    """For business units and company values, which have a name rather than a title."""

    name_field = "name"
