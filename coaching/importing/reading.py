"""Reading an uploaded file of new hires into rows with the columns the import knows.

A CSV (comma or semicolon separated, as Excel saves it in English or Indonesian; UTF-8,
with or without a byte-order mark, else Windows-1252) or an XLSX workbook (its first
sheet). Headers are matched without regard to case, spaces or underscores, in English or
Indonesian. Reading stops past the row limit, so a huge file costs no more than the limit.
"""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import tablib
from django.utils.translation import gettext_lazy as _

from coaching.common.types import Text
from coaching.conf import coaching_settings

# The columns of the import, in order. "name" is split into first and last name.
COLUMNS = ["first_name", "last_name", "email", "start_date", "unit", "job_title", "coach", "buddy"]

# Each column's headers, compared once lower-cased and stripped of spaces, "_" and "-".
HEADERS = {
    "name": ["name", "fullname", "nama", "namalengkap"],
    "first_name": ["firstname", "givenname", "namadepan"],
    "last_name": ["lastname", "surname", "familyname", "namabelakang"],
    "email": ["email", "emailaddress", "workemail", "surel", "alamatemail"],
    "start_date": ["startdate", "start", "firstday", "tanggalmulai", "mulai", "tanggalmasuk"],
    "unit": ["unit", "businessunit", "department", "unitbisnis", "departemen"],
    "job_title": ["jobtitle", "title", "role", "position", "jabatan", "posisi"],
    "coach": ["coach", "coachemail", "manager", "manageremail", "pembimbing", "atasan"],
    "buddy": ["buddy", "buddyemail", "pendamping", "rekanpendamping"],
}
KNOWN = {alias: column for column, aliases in HEADERS.items() for alias in aliases}
# Columns past these are never read (a sheet with a stray cell far to the right).
MAX_COLUMNS = 30


class Unreadable(Exception):
    """The file cannot be imported; the message says why, beside the upload field."""

    def __init__(self, message: Text) -> None:
        super().__init__(str(message))
        self.message = message


def header_key(header: Any) -> str:
    text = "" if header is None else str(header)
    return "".join(ch for ch in text.lower() if ch not in " _-.\t\ufeff")


def file_format(name: str) -> str | None:
    lowered = name.lower()
    for extension in ("csv", "xlsx"):
        if lowered.endswith(f".{extension}"):
            return extension
    return None


def _csv_lines(content: bytes) -> Iterator[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise Unreadable(_("This file is not a CSV file: save the sheet as CSV or XLSX."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_lines(content: bytes) -> Iterator[tuple[Any, ...]]:

    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise Unreadable(
            _(
                "This file is not an Excel workbook (XLSX) that can be read: "
                "save it again as XLSX or CSV."
            )
        ) from error
    try:
        sheet = book.worksheets[0]
        yield from sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
    finally:
        book.close()


def _cell(value: Any) -> Any:
    """A cell as the resource reads it: text stripped, dates (from XLSX) as they are."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if hasattr(value, "year") else str(value)


def read_rows(content: bytes, file_format: str) -> tablib.Dataset:
    """The file's rows as a dataset with the import's COLUMNS; raises Unreadable."""
    lines: Iterable[Any] = _csv_lines(content) if file_format == "csv" else _xlsx_lines(content)
    try:
        rows = iter(lines)
        headers = [header_key(cell) for cell in next(rows, ())][:MAX_COLUMNS]
        columns = [KNOWN.get(header) for header in headers]
        if "email" not in columns or not {"name", "first_name"} & set(columns):
            raise Unreadable(
                _(
                    "The first row must name the columns: at least “name” (or “first name” "
                    "and “last name”) and “email”. Download the example file to see them all."
                )
            )
        dataset = tablib.Dataset(headers=COLUMNS)
        limit = coaching_settings.IMPORT_MAX_ROWS
        for line in rows:
            cells = {
                column: _cell(value) for column, value in zip(columns, line, strict=False) if column
            }
            if not any(value != "" for value in cells.values()):
                continue  # an empty line
            if len(dataset) >= limit:
                raise Unreadable(
                    _("This file has more than %(limit)s rows: split it into smaller files.")
                    % {"limit": limit}
                )
            if "name" in cells and not cells.get("first_name"):
                first, _space, last = str(cells["name"]).partition(" ")
                cells.setdefault("first_name", first)
                cells["first_name"] = first
                cells["last_name"] = cells.get("last_name") or last.strip()
            dataset.append([cells.get(column, "") for column in COLUMNS])
    except csv.Error as error:
        raise Unreadable(_("This CSV file cannot be read: save the sheet as CSV again.")) from error
    if not len(dataset):
        raise Unreadable(_("This file has no new hires: only the row of column names."))
    return dataset
