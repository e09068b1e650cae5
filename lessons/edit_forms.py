"""The edit forms of learnable pages and knowledge checks: the question publishing asks."""

from typing import Any

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

# The fields that answer "is this a change people must read (or pass)?", on the models
# that have them.
CHANGE_QUESTION = {"change_must_be_read": False, "change_note": "", "change_must_be_passed": False}


class AsksAfreshMixin:
    """Asks afresh at every edit whether this change is one people must read or pass: the
    answer belongs to one change (it travels in the revision, through moderation and
    scheduled publishing), so the form never carries the last one's over."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:  # type: ignore[attr-defined]
            for name, fresh in CHANGE_QUESTION.items():
                if name in self.fields:  # type: ignore[attr-defined]
                    self.initial[name] = fresh  # type: ignore[attr-defined]


class LearnablePageForm(AsksAfreshMixin, WagtailAdminPageForm):
    pass


class ChangeQuestionForm(AsksAfreshMixin, WagtailAdminModelForm):
    pass
