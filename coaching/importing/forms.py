"""The upload form: a CSV or XLSX file, within the size and row limits."""

from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from coaching.conf import coaching_settings

from .reading import Unreadable, file_format, read_rows


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File of new hires"),
        help_text=_(
            "A CSV or XLSX file with a row of column names first: name (or first name and "
            "last name), email, start date, unit, job title, coach, buddy."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = coaching_settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is larger than %(limit)s: split it into smaller files.")
                % {"limit": filesizeformat(limit)}
            )
        kind = file_format(upload.name)
        if kind is None:
            raise forms.ValidationError(
                _("Upload a CSV or XLSX file (its name ends in .csv or .xlsx).")
            )
        content = upload.read()
        upload.seek(0)
        try:
            read_rows(content, kind)
        except Unreadable as unreadable:
            raise forms.ValidationError(unreadable.message) from unreadable
        self.cleaned_data["file_format"] = kind
        return upload
