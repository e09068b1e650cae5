"""The kinds of entry people write on a record, and who may write each.

Recognition is given from the kudos wall to anyone, so it is not here; milestones are
written by the system.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from coaching import records
from coaching.access import is_hr
from coaching.record_forms import (
    FeedbackForm,
    GoalForm,
    LearningReviewForm,
    OneOnOneForm,
    RecognitionForm,
    ReflectionForm,
)

SELF = "self"  # the new hire, on their own record
COACH = "coach"  # their coaches and HR
EITHER = "either"  # any of them


@dataclass(frozen=True)
class Kind:
    slug: str
    form: type
    written_by: str
    add_label: str

    def allows(self, *, is_self, is_coach):
        if self.written_by == SELF:
            return is_self
        return is_coach or (self.written_by == EITHER and is_self)

    def may_write(self, user, trainee):
        return self.allows(**_roles(user, trainee))


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

FORMS_BY_MODEL = {kind.form._meta.model: kind.form for kind in KINDS.values()}
FORMS_BY_MODEL[RecognitionForm._meta.model] = RecognitionForm


def _roles(user, trainee):
    """Whether `user` writes on `trainee`'s record as themself, or as a coach (or HR)."""
    is_self = user == trainee
    return {
        "is_self": is_self,
        "is_coach": not is_self and (is_hr(user) or records.coaches(user, trainee)),
    }


def writable_kinds(user, trainee):
    """The kinds `user` may add to `trainee`'s record; their role is looked up once."""
    roles = _roles(user, trainee)
    return [kind for kind in KINDS.values() if kind.allows(**roles)]
