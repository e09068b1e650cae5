"""HR's erasure log: every erasure of a record or a person, when, by whom (or the retention
sweep), what and why; never what was erased. A person who was erased is named by their
account's number only; someone whose record alone was erased still works here, by name."""

from typing import Any

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.views.reports import ReportView

from coaching.common.names import name_from
from coaching.record.models import ErasureScope, RecordErasure

from .views import HROnlyMixin
from .viewset import HRMenuItem, HRReportViewSet

NAMESPACE = "onboarding_erasures"


class ErasureFilterSet(WagtailFilterSet):
    scope = django_filters.ChoiceFilter(label=_("Erased"), choices=ErasureScope.choices)
    erased_at = django_filters.DateFromToRangeFilter(label=_("When"), widget=DateRangePickerWidget)

    class Meta:
        model = RecordErasure
        fields = ["scope", "erased_at"]


def _who(erasure: Any) -> str:
    # An erasure row with the account's names annotated by `ErasureLogView.get_queryset`.
    if erasure.forgotten or erasure.username is None:
        return str(_("Person #%(id)s (erased)") % {"id": erasure.person_id_erased})
    name = name_from(erasure.first_name, erasure.last_name, erasure.username)
    return str(_("%(name)s (#%(id)s)") % {"name": name, "id": erasure.person_id_erased})


class ErasureLogView(HROnlyMixin, ReportView):
    """Erasures, newest first, for HR."""

    page_title = _("Erasures")
    header_icon = "bin"
    filterset_class = ErasureFilterSet
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:results"
    columns = [
        DateColumn("erased_at", label=_("When")),
        Column("who", label=_("Whose"), accessor=_who),
        Column("scope", label=_("What"), accessor="get_scope_display"),
        Column("entries_erased", label=_("Entries erased")),
        Column("reason", label=_("Reason")),
        UserColumn("erased_by", label=_("By"), blank_display_name=_("the retention sweep")),
    ]
    list_export = ["erased_at", "person_id_erased", "scope", "entries_erased", "reason"]
    export_headings = {
        "erased_at": _("When"),
        "person_id_erased": _("Person's id"),
        "scope": _("What"),
        "entries_erased": _("Entries erased"),
        "reason": _("Reason"),
    }

    def get_queryset(self):
        account = get_user_model().objects.filter(pk=OuterRef("person_id_erased"))
        forgotten = RecordErasure.objects.people().filter(
            person_id_erased=OuterRef("person_id_erased")
        )
        # Who erased: their name and avatar (Wagtail keeps it on their user profile).
        return RecordErasure.objects.select_related("erased_by__wagtail_userprofile").annotate(
            forgotten=Exists(forgotten),
            first_name=Subquery(account.values("first_name")[:1]),
            last_name=Subquery(account.values("last_name")[:1]),
            username=Subquery(account.values(get_user_model().USERNAME_FIELD)[:1]),
        )

    def get_filename(self):
        return "erasures"


class ErasureLogViewSet(HRReportViewSet):
    name = NAMESPACE
    url_prefix = "reports/erasures"
    report_view = ErasureLogView


def erasure_menu_item():
    return HRMenuItem(
        _("Erasures"),
        reverse(f"{NAMESPACE}:index"),
        name="onboarding-erasures",
        icon_name="bin",
        order=1391,
    )
