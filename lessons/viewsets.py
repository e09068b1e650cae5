"""Wagtail admin screens for onboarding content. Registered in wagtail_hooks.py."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lessons.choosers import NamedOriginalsChooserViewSet, OriginalsChooserViewSet
from lessons.models import BusinessUnit, CompanyValue, KnowledgeCheck, LearningPath
from lessons.models.listing import with_listing_status
from lessons.translation_listing import TranslatableIndexView


class LearningPathFilterSet(WagtailFilterSet):
    class Meta:
        model = LearningPath
        fields = ["business_unit", "live"]


# The listings' search (?q=) asks Wagtail's search backend over what each model indexes in
# its own `search_fields` (AutocompleteFields, for the admin's search as you type). A viewset
# gives no `search_fields` of its own: naming fields there restricts the backend to them,
# which the database backend on SQLite cannot do (its full-text table has only a title, a
# body and an autocomplete column: "no such column: description").


class SaysWhenEmptyColumn(Column):
    """A column whose empty value means something, said in words: a path without a unit is
    for everyone, a check without an attempt limit has no limit."""

    def __init__(self, name, *, when_empty, **kwargs):
        super().__init__(name, **kwargs)
        self.empty_value_display = when_empty

    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else value


class NamedSnippetViewSet(SnippetViewSet):
    """A viewset of one of lessons' translatable snippets: its add, copy and edit forms
    have their h1, as every other admin page has (Wagtail's snippet form templates leave the
    header's h1 out), its listing adds wagtail-localize's buttons for a page of rows at
    once (lessons.translation_listing), and its chooser offers originals only, named in the
    reader's language (lessons.choosers)."""

    create_template_name = "lessons/admin/snippet_create.html"
    edit_template_name = "lessons/admin/snippet_edit.html"
    index_view_class = TranslatableIndexView
    chooser_viewset_class = OriginalsChooserViewSet


class LearningPathViewSet(NamedSnippetViewSet):
    model = LearningPath
    icon = "list-ol"
    menu_label = _("Learning paths")
    list_display = [
        "title",
        SaysWhenEmptyColumn(
            "business_unit",
            label=_("Who it is for"),
            sort_key="business_unit__name",
            when_empty=_("Everyone"),
        ),
        Column("step_count", label=_("Steps")),
        Column("current_version", label=_("Published version")),
        LiveStatusTagColumn(),
    ]
    filterset_class = LearningPathFilterSet

    def get_queryset(self, request):
        paths = LearningPath.objects.select_related(
            "business_unit", "current_version", "latest_revision"
        ).annotate(step_count=Count("steps"))
        return with_listing_status(paths).order_by("title")


class KnowledgeCheckViewSet(NamedSnippetViewSet):
    model = KnowledgeCheck
    icon = "help"
    menu_label = _("Knowledge checks")
    list_display = [
        "title",
        "pass_mark",
        SaysWhenEmptyColumn("max_attempts", label=_("Attempt limit"), when_empty=_("No limit")),
        LiveStatusTagColumn(),
    ]

    def get_queryset(self, request):
        return with_listing_status(KnowledgeCheck.objects.select_related("latest_revision"))


class BusinessUnitViewSet(NamedSnippetViewSet):
    model = BusinessUnit
    icon = "group"
    menu_label = _("Business units")
    chooser_viewset_class = NamedOriginalsChooserViewSet
    list_display = ["name", "lead"]

    def get_queryset(self, request):
        return BusinessUnit.objects.select_related("lead")


class CompanyValueViewSet(NamedSnippetViewSet):
    model = CompanyValue
    icon = "pick"
    menu_label = _("Company values")
    chooser_viewset_class = NamedOriginalsChooserViewSet
    list_display = ["name", "sort_order"]


class OnboardingContentGroup(SnippetViewSetGroup):
    items = (LearningPathViewSet, KnowledgeCheckViewSet, BusinessUnitViewSet, CompanyValueViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Onboarding")
    menu_name = "onboarding"
