"""Forms for the portal and the coach dashboard. Errors land beside the field they concern."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coaching.common.ids import parse_id
from coaching.common.widgets import DateField, DateTimeField
from coaching.conf import coaching_settings
from coaching.learning import evidence
from coaching.people.access import coached_profiles
from coaching.people.models import TraineeProfile
from lessons.models import BusinessUnit, LearningPath

NOTE_LIMIT = 4000


class PeopleField(forms.ModelMultipleChoiceField):
    """Chosen people by id. An id that is not a whole number a database can hold is refused
    as not a valid choice, before the database is asked (SQLite would raise on it)."""

    def _check_values(self, value):
        for pk in value:
            if parse_id(pk) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        # Django's own (private) check, which django-stubs does not declare.
        return super()._check_values(value)  # type: ignore[misc]


class PathChoiceField(forms.ModelChoiceField):
    """An original learning path (its translations are the same path), labelled with its
    title in the reader's language; from `LearningPath.objects.assignable()`."""

    def label_from_instance(self, obj):
        return obj.current_version.localized_title


class AssignForm(forms.Form):
    """Assign a published path to people, a business unit or a start-date cohort."""

    TARGETS = [
        ("people", _("Chosen people")),
        ("unit", _("Everyone in a business unit")),
        ("cohort", _("Everyone starting in a month")),
    ]
    DUE_KINDS = [
        ("none", _("No due date")),
        ("date", _("On a date")),
        ("relative", _("A number of days after each person's start date")),
    ]

    path = PathChoiceField(
        label=_("Learning path"),
        queryset=LearningPath.objects.none(),
        empty_label=_("Choose a path"),
    )
    target = forms.ChoiceField(
        label=_("Assign to"), choices=TARGETS, widget=forms.RadioSelect, initial="people"
    )
    trainees = PeopleField(
        label=_("People"),
        queryset=TraineeProfile.objects.none(),  # narrowed to this person's trainees
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    business_unit = forms.ModelChoiceField(
        label=_("Business unit"), queryset=BusinessUnit.objects.none(), required=False
    )
    cohort = forms.DateField(
        label=_("Start month"),
        required=False,
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        help_text=_("Everyone whose start date falls in this month."),
    )
    due_kind = forms.ChoiceField(
        label=_("Due"), choices=DUE_KINDS, widget=forms.RadioSelect, initial="none"
    )
    due_on = DateField(label=_("Due date"), required=False)
    due_after_start_days = forms.IntegerField(
        label=_("Days after the start date"), required=False, min_value=1, max_value=730
    )
    change_due_dates = forms.BooleanField(
        label=_("Change the due date of anyone who has this path already"),
        required=False,
        help_text=_("Otherwise their due date stays as it is, and you are offered the change."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.coached = coached_profiles(user).select_related("user")
        trainees, path = self.fields["trainees"], self.fields["path"]
        assert isinstance(trainees, PeopleField) and isinstance(path, forms.ModelChoiceField)
        trainees.queryset = self.coached
        path.queryset = LearningPath.objects.assignable()
        unit = self.fields["business_unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = BusinessUnit.objects.for_choosing()  # named in the reader's language

    def clean(self):
        super().clean()
        data = self.cleaned_data
        target = data.get("target")
        if target == "people" and not data.get("trainees"):
            self.add_error("trainees", _("Choose at least one person."))
        if target == "unit" and not data.get("business_unit"):
            self.add_error("business_unit", _("Choose a business unit."))
        if target == "cohort" and not data.get("cohort"):
            self.add_error("cohort", _("Choose the month they start."))
        due_kind = data.get("due_kind")
        if due_kind == "date":
            if not data.get("due_on"):
                self.add_error("due_on", _("Choose the due date."))
            elif data["due_on"] < timezone.localdate():
                self.add_error("due_on", _("The due date has already passed."))
        if due_kind == "relative" and not data.get("due_after_start_days"):
            self.add_error("due_after_start_days", _("Say how many days after the start date."))
        return data

    def profiles(self):
        """The chosen people, always within those this person may assign to."""
        data = self.cleaned_data
        if data["target"] == "people":
            return data["trainees"]  # already narrowed to self.coached by the field
        if data["target"] == "unit":
            return self.coached.filter(business_unit=data["business_unit"])
        month = data["cohort"]
        return self.coached.filter(start_date__year=month.year, start_date__month=month.month)

    def due(self):
        data = self.cleaned_data
        return {
            "due_on": data["due_on"] if data["due_kind"] == "date" else None,
            "due_after_start_days": (
                data["due_after_start_days"] if data["due_kind"] == "relative" else None
            ),
            "change_due_dates": data["change_due_dates"],
        }


class DueDateForm(forms.Form):
    due_on = DateField(
        label=_("New due date"),
        required=False,
        help_text=_("Leave empty for no due date."),
    )


class MoveVersionForm(forms.Form):
    """Move an assignment to its path's latest version, with a new due date if need be.
    `version` is the version offered: a path published again since is not moved blindly."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    due_on = DateField(
        label=_("Due date"),
        required=False,
        help_text=_("Leave empty for no due date."),
    )


def _note_field(label, *, required=False, compact=False):
    # Compact: two rows, and the width a browser gives a textarea by default (Django's
    # Textarea asks for 40 columns), so that several fit side by side on a step.
    size = {"rows": 2, "cols": 20} if compact else {"rows": 3}
    return forms.CharField(
        label=label,
        required=required,
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs=size),
    )


class NoteForm(forms.Form):
    """A short optional text: a trainee's note on a task."""

    text = _note_field(_("Note"))


class EvidenceInput(forms.FileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Files or photos for a practical task, each checked on its content and size
    (`evidence.check`): the field's error names every file refused and why."""

    widget = EvidenceInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data or []) if upload]
        errors, accepted = [], []
        for upload in uploads:
            try:
                kind = evidence.check(upload, upload.name, upload.size)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                accepted.append((upload, kind))
        if errors:
            raise ValidationError(errors)
        return accepted


class TaskForm(NoteForm):
    """A practical task sent for sign-off: a note, and evidence files to attach."""

    evidence = EvidenceField(label=_("Evidence (optional)"))

    def __init__(self, *args, already=0, **kwargs):
        """`already`: the files attached to the task before, counted within the limit."""
        super().__init__(*args, **kwargs)
        self.already = already
        field = self.fields["evidence"]
        field.widget.attrs.update(accept=evidence.accepted_extensions(), multiple=True)
        field.help_text = _(
            "A photo or a file that shows what you did: %(types)s, up to %(limit)s each."
        ) % {
            "types": evidence.accepted_extensions(),
            "limit": filesizeformat(coaching_settings.EVIDENCE_MAX_BYTES),
        }

    def clean(self):
        data = super().clean() or {}
        files = data.get("evidence") or []
        if self.already + len(files) > coaching_settings.EVIDENCE_MAX_FILES:
            self.add_error("evidence", evidence.too_many(self.already))
        return data


# The coach's forms on a new hire's page: one set per step, so compact.
class SignOffForm(NoteForm):
    text = _note_field(_("Comment (optional)"), compact=True)


class RequiredNoteForm(NoteForm):
    """Sending a task back says what is missing: the comment is required."""

    text = _note_field(_("What is missing"), required=True, compact=True)


class ReadAgainForm(NoteForm):
    """Ask a new hire to read a module again; the message is shown to them."""

    text = _note_field(_("Why read it again? (optional, shown to the new hire)"), compact=True)


class CheckinNotesForm(NoteForm):
    text = _note_field(_("Notes (optional)"), compact=True)


class GrantAttemptsForm(forms.Form):
    """More attempts at a knowledge check, for one new hire on one step."""

    attempts = forms.IntegerField(label=_("More attempts"), min_value=1, max_value=10, initial=1)
    reason = _note_field(_("Why (required)"), required=True, compact=True)


class WaiveForm(forms.Form):
    """Excuse a new hire from a step; the reason is shown to them."""

    reason = _note_field(
        _("Why is this step waived? (shown to the new hire)"), required=True, compact=True
    )


class PlanCheckinForm(forms.Form):
    when = DateTimeField(
        label=_("Plan for"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class KnowledgeCheckForm(forms.Form):
    """One field per question of a knowledge check, in the check's order."""

    def __init__(self, *args, check, wording=None, **kwargs):
        """`check` is the one graded (a step's own), `wording` its translation the reader
        sees: answers are keyed by `check`'s question ids and answer keys either way."""
        super().__init__(*args, **kwargs)
        for number, question in enumerate(check.question_choices(wording), start=1):
            multiple = question["kind"] == "multiple_choice"
            field_class = forms.MultipleChoiceField if multiple else forms.ChoiceField
            widget = forms.CheckboxSelectMultiple if multiple else forms.RadioSelect
            self.fields[question["id"]] = field_class(
                label=question["question"],
                choices=question["choices"],
                widget=widget,
                help_text=_("Choose every answer that applies.") if multiple else "",
                error_messages={"required": _("Answer this question.")},
            )
            # The template numbers the questions; Field has no such attribute to mypy.
            self.fields[question["id"]].number = number  # type: ignore[attr-defined]

    def answers(self):
        return {
            question_id: value if isinstance(value, list) else [value]
            for question_id, value in self.cleaned_data.items()
        }
