"""What one cell of an import means: a day, a business unit, a person by their address.

Days: ISO (2027-01-31), day first with slashes, dashes or dots (31/01/2027, 31-01-2027,
31.01.2027, 31/01/27), the month by name in English or Indonesian (31 January 2027,
31 Jan 2027, 31 Januari 2027, 5 Agu 2027), or a date cell of an Excel sheet. Month-first
days (the US 01/31/2027) are not read: 03/04/2027 is 3 April.
"""

import re
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from import_export import widgets

NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
NAMED = re.compile(r"^(\d{1,2})[\s./\-]+([^\W\d_]+)\.?[\s./\-,]+(\d{4})$")
# A month by its first three letters, in English and Indonesian (Agustus: agu, agt, ags).
MONTHS = {
    **{
        name: number
        for number, name in enumerate(
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
        )
    },
    "mei": 5,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "okt": 10,
    "des": 12,
}


ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T].*)?$")


def read_day(value: Any) -> date | None:
    """The day a cell names (see the formats above), or None if it names none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    numeric, named = NUMERIC.match(text), NAMED.match(text)
    try:
        if ISO.match(text):
            return date.fromisoformat(text[:10])
        if numeric:
            day_of, month, year = (int(part) for part in numeric.groups())
            return date(year + 2000 if year < 100 else year, month, day_of)
        if named and named.group(2)[:3].lower() in MONTHS:
            month = MONTHS[named.group(2)[:3].lower()]
            return date(int(named.group(3)), month, int(named.group(1)))
    except ValueError:
        return None
    return None


class DayWidget(widgets.Widget):
    """A start date; an empty cell keeps what is known (None)."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> date | None:
        if value in ("", None):
            return None
        day = read_day(value)
        if day is None:
            raise ValueError(
                _("“%(value)s” is not a day: write it as 2027-01-31 or 31/01/2027.")
                % {"value": value}
            )
        return day


class TextWidget(widgets.Widget):
    """Plain text up to a length; an empty cell keeps what is known (None)."""

    def __init__(self, max_length: int) -> None:
        super().__init__()
        self.max_length = max_length

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str | None:
        text = " ".join(str(value or "").split())
        if not text:
            return None
        if len(text) > self.max_length:
            raise ValueError(
                _("This is longer than %(limit)s characters.") % {"limit": self.max_length}
            )
        return text


def clean_address(value: Any) -> str:
    """An email address, lower-cased; "" for an empty cell; ValueError if it is none."""
    address = str(value or "").strip().lower()
    if not address:
        return ""
    try:
        validate_email(address)
    except ValidationError as error:
        raise ValueError(_("“%(value)s” is not an email address.") % {"value": value}) from error
    return address


class AddressWidget(widgets.Widget):
    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        return clean_address(value)


class LookupWidget(widgets.Widget):
    """A cell that names something the import looked up before reading the rows (a unit by
    its name, a person by their address): `find(cell)` returns its id or raises
    ValueError with the reason. An empty cell keeps what is known (None)."""

    def __init__(self, find: Any) -> None:
        super().__init__()
        self.find = find

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> int | None:
        if value in ("", None):
            return None
        found: int = self.find(value, row or {})
        return found
