"""The browser's own date and date-time pickers, for every date typed in the plugin's forms.

What the browser sends from `type="date"` and `type="datetime-local"` is always ISO
(2026-12-15, 2026-12-15T09:30), and that is what these widgets render, as HTML asks: a
date picker shows any other format as empty. A person typing a date by hand (a browser
without a picker, a screen reader's text mode, a script) writes it the way this company
does, day first, in either language: 15/12/2026, 15-12-2026 or 15.12.2026, and ISO too.
The widget reads those and hands the field ISO, which Django's date fields accept in
every language; so 15/12/2026 is never read as a month 15 (English's own formats are
month first) and the one rule holds for every date field that uses these widgets. A
hint beside the field says the format; what none of them reads gets the field's own
message beside it.
"""

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

DAY_FIRST = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")
TIMES = ("%H:%M", "%H.%M", "%H:%M:%S")
ISO_DATE, ISO_DATE_TIME = "%Y-%m-%d", "%Y-%m-%dT%H:%M"


def _read(value: str, formats: tuple[str, ...]) -> datetime | None:
    for fmt in formats:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


class _TypedDateMixin:
    """Reads a typed day-first date into ISO, and names the format in a hint."""

    formats: tuple[str, ...]
    iso: str
    format_hint: Any

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = super().value_from_datadict(data, files, name)  # type: ignore[misc]
        if isinstance(value, str) and value.strip():
            read = _read(" ".join(value.split()), self.formats)
            if read is not None:
                return read.strftime(self.iso)
        return value

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)  # type: ignore[misc]
        widget_attrs = context["widget"]["attrs"]
        if widget_attrs.get("id"):  # the hint beside the field describes it
            described = widget_attrs.get("aria-describedby", "")
            widget_attrs["aria-describedby"] = f"{described} {widget_attrs['id']}_format".strip()
        return context


class DateInput(_TypedDateMixin, forms.DateInput):
    input_type = "date"
    formats = DAY_FIRST
    iso = ISO_DATE
    format_hint = _("Pick a date, or type it day/month/year: 15/12/2026.")

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=ISO_DATE)


class DateTimeInput(_TypedDateMixin, forms.DateTimeInput):
    input_type = "datetime-local"
    formats = tuple(
        f"{day}{sep}{time}" for day in DAY_FIRST for sep in (" ", "T") for time in TIMES
    )
    iso = ISO_DATE_TIME
    format_hint = _(
        "Pick a date and time, or type them day/month/year hour:minute: 15/12/2026 09:30."
    )

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=ISO_DATE_TIME)


class DateField(forms.DateField):
    """A date typed day first or picked (DateInput), which says what it expects when the
    input is not a date, rather than Django's bare "Enter a valid date."."""

    widget = DateInput
    default_error_messages = {
        "invalid": _("This is not a date. Type it day/month/year, for example 15/12/2026.")
    }


class DateTimeField(forms.DateTimeField):
    """A date and time typed day first or picked (DateTimeInput), which says what it
    expects when the input is not one."""

    widget = DateTimeInput
    default_error_messages = {
        "invalid": _(
            "This is not a date and time. Type them day/month/year hour:minute, for example "
            "15/12/2026 09:30."
        )
    }
