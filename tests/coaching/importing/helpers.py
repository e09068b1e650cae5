"""Files of new hires for the import's tests, and the people they name."""

import datetime
import io

import openpyxl
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests import builders

HEADERS = ["name", "email", "start date", "unit", "job title", "coach", "buddy"]
IN_TWO_WEEKS = timezone.localdate() + datetime.timedelta(days=14)


def make_coach(username="citra"):
    coach = builders.make_user(username)
    coach.user_permissions.add(Permission.objects.get(codename="coach_trainees"))
    return coach


def row(
    name="Putri Maharani",
    email="putri@example.com",
    start=None,
    unit="Customer Service",
    title="Agent",
    coach="citra@example.com",
    buddy="",
):
    return [name, email, start or IN_TWO_WEEKS.isoformat(), unit, title, coach, buddy]


def csv_bytes(rows, headers=HEADERS, delimiter=","):
    lines = [headers, *rows]
    return "\n".join(delimiter.join(str(cell) for cell in line) for line in lines).encode()


def xlsx_bytes(rows, headers=HEADERS):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for line in rows:
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(content, name="new-hires.csv"):
    return SimpleUploadedFile(name, content)


def many_rows(count, coach="citra@example.com"):
    return [row(f"Person {n}", f"person{n}@example.com", coach=coach) for n in range(count)]
