"""Reading a report back: the numbers of its page table, its CSV and its XLSX."""

import csv
import io
import re
from html import unescape

from openpyxl import load_workbook

CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S)
ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S)
TAG = re.compile(r"<[^>]+>")


def text(html):
    return " ".join(unescape(TAG.sub(" ", html)).split())


def page_table(response):
    """The rows of the report's listing table (header first), as text."""
    html = response.content.decode()
    table = html[html.index('<table class="listing') :]
    table = table[: table.index("</table>")]
    return [[text(cell) for cell in CELL.findall(row)] for row in ROW.findall(table)]


def split_preamble(rows):
    """(the rows saying what was exported, the table): an empty row ends the first."""
    blank = next(n for n, row in enumerate(rows) if not any(row))
    return rows[:blank], rows[blank + 1 :]


def csv_all_rows(response):
    content = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(content)))


def csv_rows(response):
    """The table of a CSV export, without the rows before it."""
    return split_preamble(csv_all_rows(response))[1]


def xlsx_sheet(response):
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return workbook.worksheets[0]


def xlsx_all_rows(response):
    return [
        ["" if value is None else str(value) for value in row]
        for row in xlsx_sheet(response).values
    ]


def xlsx_rows(response):
    """The table of an XLSX export, without the rows before it."""
    rows = split_preamble(xlsx_all_rows(response))[1]
    width = len(rows[0])  # a row may end early where its last cells are empty
    return [row + [""] * (width - len(row)) for row in rows]


def as_numbers(rows):
    """Cells that are numbers as floats (XLSX keeps 8.0 as 8), the rest as text."""

    def cell(value):
        try:
            return float(value)
        except ValueError:
            return value

    return [[cell(value) for value in row] for row in rows]
