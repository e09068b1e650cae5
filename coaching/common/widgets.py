"""Dates typed day first, for every date in the plugin's forms, with a calendar button.

A native `<input type="date">` types in the order of the browser's own language, not
the page's: in an English (US) Chromium its boxes read mm/dd/yyyy, so 15/12/2026 typed
into it became 12 December, while the hint beside it said day first. So a date here is
one text box that reads the way this company writes dates, day first, in either
language (15/12/2026, 15-12-2026, 15.12.2026, and ISO too), shows its value that way,
and says so in a hint the field names with aria-describedby: what a person is told is
what the field does, whatever their browser's language, with the keyboard alone, and
for a screen reader (a plain labelled text box, no spin buttons). Where scripts run, a
"Choose a date" button beside it opens the browser's own calendar (a native date input
kept out of sight and out of the tab order) and writes the day chosen into the box, day
first. Without scripts the button stays hidden and typing is all there is.

The widget hands the field ISO, which Django's date fields accept in every language; so
15/12/2026 is never read as a month 15 (English's own formats are month first). What
none of the formats reads gets the field's own message beside it.
"""

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

DAY_FIRST = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")
TIMES = ("%H:%M", "%H.%M", "%H:%M:%S")
ISO_DATE, ISO_DATE_TIME = "%Y-%m-%d", "%Y-%m-%dT%H:%M"
SHOWN_DATE, SHOWN_DATE_TIME = "%d/%m/%Y", "%d/%m/%Y %H:%M"


def _read(value: str, formats: tuple[str, ...]) -> datetime | None:
    for fmt in formats:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


class _TypedDateMixin:
    """Reads a typed day-first date into ISO, shows its value day first, names the format
    in a hint, and offers the browser's calendar through a button."""

    template_name = "coaching/widgets/typed_date.html"
    formats: tuple[str, ...]
    iso: str
    picker_type: str
    format_hint: Any
    picker_label: Any

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = super().value_from_datadict(data, files, name)  # type: ignore[misc]
        if isinstance(value, str) and value.strip():
            read = _read(" ".join(value.split()), self.formats)
            if read is not None:
                return read.strftime(self.iso)
        return value

    def format_value(self, value: Any) -> Any:
        # A form sent back shows what was typed; a value read into ISO (above) or one
        # from the database shows day first, as the hint says.
        if isinstance(value, str):
            read = _read(" ".join(value.split()), (self.iso,))
            if read is not None:
                value = read
        return super().format_value(value)  # type: ignore[misc]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)  # type: ignore[misc]
        widget = context["widget"]
        widget["picker_type"] = self.picker_type
        widget["picker_label"] = self.picker_label
        widget_attrs = widget["attrs"]
        widget_attrs.setdefault("autocomplete", "off")
        if widget_attrs.get("id"):  # the hint beside the field describes it
            described = widget_attrs.get("aria-describedby", "")
            widget_attrs["aria-describedby"] = f"{described} {widget_attrs['id']}_format".strip()
        return context


class DateInput(_TypedDateMixin, forms.DateInput):
    input_type = "text"
    formats = DAY_FIRST
    iso = ISO_DATE
    picker_type = "date"
    format_hint = _("Type it day/month/year, for example 15/12/2026.")
    picker_label = _("Choose a date")

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=SHOWN_DATE)


class DateTimeInput(_TypedDateMixin, forms.DateTimeInput):
    input_type = "text"
    formats = tuple(
        f"{day}{sep}{time}" for day in DAY_FIRST for sep in (" ", "T") for time in TIMES
    )
    iso = ISO_DATE_TIME
    picker_type = "datetime-local"
    format_hint = _("Type them day/month/year hour:minute, for example 15/12/2026 09:30.")
    picker_label = _("Choose a date and time")

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=SHOWN_DATE_TIME)


class DateField(forms.DateField):
    """A date typed day first or chosen from a calendar (DateInput), which says what it
    expects when the input is not a date, rather than Django's bare "Enter a valid date."."""

    widget = DateInput
    default_error_messages = {
        "invalid": _("This is not a date. Type it day/month/year, for example 15/12/2026.")
    }


class DateTimeField(forms.DateTimeField):
    """A date and time typed day first or chosen from a calendar (DateTimeInput), which
    says what it expects when the input is not one."""

    widget = DateTimeInput
    default_error_messages = {
        "invalid": _(
            "This is not a date and time. Type them day/month/year hour:minute, for example "
            "15/12/2026 09:30."
        )
    }
