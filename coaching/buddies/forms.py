"""The new hire's question and the buddy's answer: plain text, with a length limit, and
errors beside the field."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coaching.buddies.models import ANSWER_MAX_LENGTH, QUESTION_MAX_LENGTH
from coaching.common.types import Text


def _text(label: Text, help_text: Text, max_length: int) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Write a few words first."),
            "max_length": _("Keep it under %(limit_value)s characters (it has %(show_value)s)."),
        },
    )


class QuestionForm(forms.Form):
    text = _text(
        _("Your question"),
        _("Anything about the everyday ways here: where things are, who to ask, how it is done."),
        QUESTION_MAX_LENGTH,
    )


class AnswerForm(forms.Form):
    text = _text(
        _("Your answer"),
        _("The new hire reads it on their buddy page and gets a notification."),
        ANSWER_MAX_LENGTH,
    )

    def __init__(self, *args: Any, question_id: int, **kwargs: Any) -> None:
        # Each question's form on one page has its own ids (its field's name stays "text").
        kwargs.setdefault("auto_id", f"question-{question_id}-%s")
        super().__init__(*args, **kwargs)
        self.question_id = question_id
