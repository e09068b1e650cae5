"""The edit form of a learnable page: the question its publishing asks."""

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm


class LearnablePageForm(WagtailAdminPageForm):
    """Asks afresh at every edit whether this change is one people must read: the answer
    belongs to one change (it travels in the revision, through moderation and scheduled
    publishing), so the form never carries the last one's over."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["change_must_be_read"] = False
            self.initial["change_note"] = ""
