"""Exports that say what they hold: a sheet named after the report, and before its table a
few rows naming the report, the filters applied and when it was exported.

Wagtail's `SpreadsheetExportMixin` writes the table (its headings, rows and cell
preprocessing are kept as they are); this mixin only writes the rows before it, and
gives the XLSX sheet its name instead of "Sheet1".
"""

import csv
import re

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter, SpreadsheetExportMixin

# Excel refuses these in a sheet's name, and names longer than 31 characters.
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_LENGTH = 31


def sheet_title(title):
    """`title` as Excel accepts a sheet's name (the full title is in the first row)."""
    title = " ".join(SHEET_FORBIDDEN.sub(" ", str(title)).split())
    if len(title) > SHEET_LENGTH:  # cut between words, not inside one
        title = title[: SHEET_LENGTH + 1].rsplit(" ", 1)[0][:SHEET_LENGTH]
    return title.rstrip() or "Report"


class DescribedExportMixin(SpreadsheetExportMixin):
    """For a Wagtail `ReportView`: exports start with what was exported, and how."""

    def get_export_title(self):
        """The report's name as the page heads it ("Completion by learning path")."""
        subtitle = self.get_page_subtitle()
        return f"{self.page_title} {subtitle}" if subtitle else str(self.page_title)

    def get_export_notes(self):
        """More [label, text] rows about what the figures count; none by default."""
        return []

    def get_export_preamble(self):
        """The rows before the table: the report, each filter applied (or that none was),
        any notes, when it was exported, and an empty row."""
        rows = [[_("Report"), self.get_export_title()]]
        applied = [[str(item.field_label), str(item.value)] for item in self.active_filters]
        rows += applied or [[_("Filters"), _("None")]]
        rows += self.get_export_notes()
        exported = date_format(timezone.localtime(), "DATETIME_FORMAT")
        rows += [[_("Exported"), exported], []]
        return rows

    def stream_csv(self, queryset):
        # The rows are written while the response streams, after the view has returned
        # and the reader's language was let go: keep it for them.
        return self._stream_csv_in(translation.get_language(), queryset)

    def _stream_csv_in(self, language, queryset):
        with translation.override(language):
            writer = csv.writer(Echo())
            for row in self.get_export_preamble():
                yield writer.writerow(row)
            yield from super().stream_csv(queryset)

    def write_xlsx(self, queryset, output):
        """Wagtail's `write_xlsx`, on a named sheet, after the preamble's rows."""
        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_title(self.get_export_title()))
        for row in self.get_export_preamble():
            worksheet.append(self._text_cells(worksheet, row))
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format_xlsx = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(
                    worksheet, self.to_row_dict(item), date_format=date_format_xlsx
                )
            )
        workbook.save(output)

    @staticmethod
    def _text_cells(worksheet, row):
        """Cells that hold text as text: a unit named "=1+1" is no formula."""
        for value in row:
            cell = WriteOnlyCell(worksheet, value)
            cell.data_type = "s"
            yield cell
