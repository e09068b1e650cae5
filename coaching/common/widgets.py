"""The browser's own date and date-time pickers, for every form of the plugin.

Their value is always ISO (2026-12-15, 2026-12-15T09:30), as HTML asks of `type="date"`
and `type="datetime-local"`, never the reader's date format: Indonesian would write
15-12-2026, which a date picker shows as empty. Django's date fields read ISO input in
every language.
"""

from typing import Any

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")
