"""The kinds of entry people write on a record, and who may write each.

Recognition is given from the kudos wall to anyone, so it is not here; milestones are
written by the system.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coaching.common.types import Text
from coaching.record.forms import (
    EntryForm,
    FeedbackForm,
    GoalForm,
    LearningReviewForm,
    OneOnOneForm,
    RecognitionForm,
    ReflectionForm,
)
from coaching.record.models import Entry, Recognition

SELF = "self"  # the new hire, on their own record
COACH = "coach"  # their coaches and HR
EITHER = "either"  # any of them


@dataclass(frozen=True)
class Kind:
    slug: str
    form: type[EntryForm]
    written_by: str
    add_label: Text

    def allows(self, role):
        """Whether someone with `role` (a records.RecordRole) on a record may write this."""
        if self.written_by == SELF:
            return role.is_self
        return role.is_coach or (self.written_by == EITHER and role.is_self)


KINDS = {
    kind.slug: kind
    for kind in (
        Kind("feedback", FeedbackForm, COACH, _("Give feedback")),
        Kind("reflection", ReflectionForm, SELF, _("Write a reflection")),
        Kind("goal", GoalForm, EITHER, _("Set a goal")),
        Kind("one-on-one", OneOnOneForm, EITHER, _("Plan a 1:1")),
        Kind("review", LearningReviewForm, COACH, _("Write a learning review")),
    )
}

FORMS_BY_MODEL: dict[type[Entry], type[forms.ModelForm[Any]]] = {
    kind.form._meta.model: kind.form for kind in KINDS.values()
}
FORMS_BY_MODEL[Recognition] = RecognitionForm


def writable_kinds(role):
    """The kinds someone with `role` on a record may add to it."""
    return [kind for kind in KINDS.values() if kind.allows(role)]
