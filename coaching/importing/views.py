"""HR's admin screens for importing new hires: the list of imports, the upload, the
dry-run preview with its confirmation, and the example files."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton

from coaching.audit.views import HROnlyMixin

from . import imports
from .example import example_csv, example_xlsx
from .forms import UploadForm
from .models import ImportStatus, PeopleImport

NAMESPACE = "people_imports"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def url(name: str, *args: Any) -> str:
    return reverse(f"{NAMESPACE}:{name}", args=args)


class ImportIndexView(HROnlyMixin, generic.IndexView):
    """The imports HR confirmed, newest first: who, when, which file, what it did."""

    model = PeopleImport
    page_title = _("Imports of new hires")
    header_icon = "upload"
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:results"
    default_ordering = "-uploaded_at"
    any_permission_required = None  # HR's, not a model permission: HROnlyMixin
    columns = [
        Column("file_name", label=_("File name")),
        DateColumn("applied_at", label=_("Imported at")),
        UserColumn("uploaded_by", label=_("Imported by")),
        Column("created", label=_("New")),
        Column("updated", label=_("Updated")),
        Column("unchanged", label=_("Unchanged")),
    ]

    def get_base_queryset(self) -> Any:
        return PeopleImport.objects.applied().select_related("uploaded_by__wagtail_userprofile")

    @property
    def header_buttons(self) -> list[HeaderButton]:
        return [
            HeaderButton(_("Import new hires"), url=url("upload"), icon_name="upload"),
            HeaderButton(_("Example file (CSV)"), url=url("example_csv"), icon_name="download"),
            HeaderButton(_("Example file (XLSX)"), url=url("example_xlsx"), icon_name="download"),
        ]

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": self.page_title},
        ]


class UploadView(HROnlyMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a CSV or XLSX file; the next screen shows what it would do."""

    form_class = UploadForm
    template_name = "coaching/importing/upload.html"
    page_title = _("Import new hires")
    header_icon = "upload"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            example_csv_url=url("example_csv"),
            example_xlsx_url=url("example_xlsx"),
            index_url=url("index"),
        )
        return context

    def form_valid(self, form: UploadForm) -> HttpResponse:
        people_import = imports.take_upload(
            form.cleaned_data["file"],
            form.cleaned_data["file_format"],
            by=self.request.user,  # type: ignore[arg-type]
        )
        return redirect(url("preview", people_import.pk))


class PreviewView(HROnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """What the upload would do, row by row (a dry run); confirming applies it once."""

    template_name = "coaching/importing/preview.html"
    header_icon = "upload"

    @cached_property
    def people_import(self) -> PeopleImport:
        # Someone's upload is theirs: another person's id answers 404. Looked up once the
        # visitor is known to be HR (HROnlyMixin), so anyone else is turned back first.
        return get_object_or_404(
            PeopleImport.objects.defer("content"),
            pk=self.kwargs["pk"],
            uploaded_by=self.request.user.pk,
        )

    def get_page_title(self) -> str:
        return str(_("Check the import of %(file)s") % {"file": self.people_import.file_name})

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.people_import.status == ImportStatus.APPLIED:
            messages.info(request, _("This file has been imported."))
            return redirect(url("index"))
        self.people_import.refresh_from_db(fields=["content"])
        return self.render_to_response(
            self.get_context_data(preview=imports.preview(self.people_import))
        )

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        self.people_import.refresh_from_db(fields=["content"])
        try:
            applied = imports.apply(self.people_import, by=request.user)
        except imports.NotApplied as refused:
            messages.error(
                request,
                _(
                    "Nothing was imported: some rows have problems now. "
                    "Fix them in the file and upload it again."
                ),
            )
            return self.render_to_response(self.get_context_data(preview=refused.preview))
        if not applied:
            messages.info(
                request, _("This file has been imported already: nothing was done twice.")
            )
            return redirect(url("index"))
        done = self.people_import
        done.refresh_from_db()
        messages.success(
            request,
            _(
                "Imported %(file)s: %(created)s new hires, %(updated)s updated, "
                "%(unchanged)s unchanged."
            )
            % {
                "file": done.file_name,
                "created": done.created,
                "updated": done.updated,
                "unchanged": done.unchanged,
            },
        )
        return redirect(url("index"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        preview = kwargs.get("preview")
        context.update(
            people_import=self.people_import,
            upload_url=url("upload"),
            counts=preview
            and [
                (_("new"), preview.count(imports.NEW)),
                (_("updated"), preview.count(imports.UPDATED)),
                (_("unchanged"), preview.count(imports.UNCHANGED)),
                (_("with a problem"), preview.count(imports.PROBLEM)),
            ],
            outcomes={
                imports.NEW: _("New"),
                imports.UPDATED: _("Updated"),
                imports.UNCHANGED: _("Unchanged"),
                imports.PROBLEM: _("Problem"),
            },
        )
        return context


class ExampleView(HROnlyMixin, View):
    """The example file, with the columns and three rows to start from."""

    file_format = "csv"

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.file_format == "csv":
            content, content_type = example_csv(), "text/csv; charset=utf-8"
        elif self.file_format == "xlsx":
            content, content_type = example_xlsx(), XLSX
        else:
            raise Http404
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="new-hires.{self.file_format}"'
        return response
