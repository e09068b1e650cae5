"""Forms for the development record. Text is plain text (links and line breaks kept on
output); every text field has a length limit, and errors land beside their field."""

import re
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxLengthValidator
from django.db import models
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coaching.common.names import display_name
from coaching.common.numbers import plain
from coaching.common.widgets import DateField, DateTimeField
from coaching.people.models import CoachRelationship
from coaching.record.forgetting import identifiers
from coaching.record.models import (
    ActionItem,
    AgendaItem,
    AgendaTemplate,
    Confidence,
    Feedback,
    Goal,
    GoalStatus,
    KeyResult,
    LearningReview,
    OneOnOne,
    Recognition,
    Reflection,
    Reply,
    ReviewAction,
)
from lessons.models import CompanyValue

TEXT_LIMIT = 10_000


class LimitedTextMixin:
    """Give every free-text field a length limit, so oversized input gets a message, and
    text boxes four rows high, which fit a phone."""

    fields: dict[str, forms.Field]  # the form's, which this mixin comes before

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not field.max_length:
                field.max_length = TEXT_LIMIT
                field.validators.append(MaxLengthValidator(TEXT_LIMIT))
            if isinstance(field.widget, forms.Textarea) and field.widget.attrs.get("rows") == "10":
                field.widget.attrs["rows"] = 4  # Django's ten rows make a phone scroll past each


class EntryForm(LimitedTextMixin, forms.ModelForm):
    """An entry's form: its fields are the kind's `editable_fields`, so what a person may
    edit and what an edit's history keeps are one list. A new entry's form is told whose
    record it is on (`trainee`) and who writes it (`author`), for the kinds that ask."""

    def __init__(self, *args, trainee=None, author=None, **kwargs):
        super().__init__(*args, **kwargs)


class FeedbackForm(EntryForm):
    class Meta:
        model = Feedback
        fields = Feedback.editable_fields
        widgets = {"feedback_kind": forms.RadioSelect}


class ReflectionForm(EntryForm):
    class Meta:
        model = Reflection
        fields = Reflection.editable_fields


class GoalForm(EntryForm):
    class Meta:
        model = Goal
        fields = Goal.editable_fields


class KeyResultForm(forms.ModelForm):
    NUMBERS = ("start_value", "target_value", "current_value")

    class Meta:
        model = KeyResult
        fields = ["title", "is_binary", "start_value", "target_value", "current_value", "unit"]
        # Typed and shown the reader's way: 12,5 in Indonesian; 12, never 12.00.
        localized_fields = ("start_value", "target_value", "current_value")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.NUMBERS:
            self.fields[name].widget.attrs["inputmode"] = "decimal"
            self.initial[name] = plain(Decimal(self.initial.get(name) or 0))

    def clean(self):
        super().clean()
        data = self.cleaned_data
        start, target = data.get("start_value"), data.get("target_value")
        if not data.get("is_binary") and start is not None and start == target:
            self.add_error("target_value", _("The target must differ from the starting value."))
        return data


KeyResultFormSet = inlineformset_factory(
    Goal,
    KeyResult,
    form=KeyResultForm,
    extra=3,
    max_num=10,
    can_delete=True,
    min_num=1,
    validate_min=True,
)


class OneOnOneForm(EntryForm):
    """Planning a 1:1. A coach plans one with themself (`OneOnOne.save`); the new hire
    chooses which of their current coaches it is with, the primary coach first. A new 1:1
    starts with an agenda, pre-filled with the author's default one, which they can keep
    as their default for the next."""

    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One item a line. Either of you can add more before you meet."),
    )
    save_agenda = forms.BooleanField(label=_("Start my next 1:1s with this agenda"), required=False)

    class Meta:
        model = OneOnOne
        fields = ["coach", "meets_at", "repeats", "agenda", "save_agenda", "notes"]
        field_classes = {"meets_at": DateTimeField}
        labels = {"coach": _("With which coach")}
        help_texts = {"coach": _("They are told it is planned, and you both get a reminder.")}

    def __init__(self, *args, trainee=None, author=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:  # the agenda of a planned 1:1 is on its page
            del self.fields["agenda"], self.fields["save_agenda"]
        elif author is not None:
            self.fields["agenda"].initial = AgendaTemplate.objects.agenda_of(author)
        coach = self.fields["coach"]
        assert isinstance(coach, forms.ModelChoiceField)
        first = None
        if self.instance.pk is None and trainee is not None and trainee == author:
            links = CoachRelationship.objects.active().filter(trainee=trainee)
            coach.queryset = (
                get_user_model()
                .objects.filter(pk__in=links.values("coach"))
                .order_by("first_name", "last_name", "username")
            )
            primary = links.filter(is_primary=True).values_list("coach", flat=True).first()
            first = primary or coach.queryset.values_list("pk", flat=True).first()
        if first is None:  # a coach planning, an edit, or a new hire with no coach now
            del self.fields["coach"]
            return
        coach.required, coach.initial, coach.empty_label = True, first, None
        coach.label_from_instance = display_name  # type: ignore[method-assign,assignment]


class LearningReviewForm(EntryForm):
    # Who must learn the proposed module, and the target: each has a sensible default, so
    # a review that proposes no module asks nothing more.
    TARGET = ("target_percent", "target_days")

    class Meta:
        model = LearningReview
        fields = LearningReview.editable_fields
        field_classes = {"happened_on": DateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.TARGET:
            self.fields[name].required = False

    def _or_default(self, name):
        value = self.cleaned_data.get(name)
        field = LearningReview._meta.get_field(name)
        assert isinstance(field, models.Field)
        return field.get_default() if value is None else value

    def clean_target_percent(self):
        return self._or_default("target_percent")

    def clean_target_days(self):
        return self._or_default("target_days")


class RecognitionForm(EntryForm):
    recipient = forms.ModelChoiceField(
        label=pgettext_lazy("recognition's recipient", "Who"),
        queryset=get_user_model().objects.none(),
        empty_label=_("Choose a person"),
    )

    class Meta:
        model = Recognition
        fields = ["recipient", *Recognition.editable_fields]
        labels = {"is_public": _("Show it on the kudos wall")}

    def __init__(self, *args, giver, **kwargs):
        super().__init__(*args, **kwargs)
        recipient, value = self.fields["recipient"], self.fields["value"]
        assert isinstance(recipient, forms.ModelChoiceField)
        assert isinstance(value, forms.ModelChoiceField)
        recipient.queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .exclude(pk=giver.pk)
            .order_by("first_name", "last_name", "username")
        )
        # Choices named by replacing this field's method (a common idiom); mypy sees a method.
        recipient.label_from_instance = display_name  # type: ignore[method-assign,assignment]
        value.queryset = CompanyValue.objects.for_choosing()  # named in the reader's language
        value.empty_label = _("Choose a company value")
        self.fields["is_public"].initial = self.instance.pk is None or self.instance.is_public
        if self.instance.pk:
            del self.fields["recipient"]  # who it is for does not change after it is given


class ReplyForm(LimitedTextMixin, forms.ModelForm):
    class Meta:
        model = Reply
        fields = ["text"]
        labels = {"text": _("Your reply")}

    def __init__(self, *args, autofocus=False, **kwargs):
        super().__init__(*args, **kwargs)
        if autofocus:
            self.fields["text"].widget.attrs["autofocus"] = True


class CheerForm(forms.Form):
    """A colleague joining in a recognition, with an optional short message."""

    message = forms.CharField(
        label=_("Add your cheer (optional message)"), max_length=280, required=False
    )


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["text"]


class OwnedItemForm(forms.ModelForm):
    """An action item with an owner among the people of the record."""

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = people
        owner.label_from_instance = display_name  # type: ignore[method-assign,assignment]


class ActionItemForm(OwnedItemForm):
    class Meta:
        model = ActionItem
        fields = ["text", "owner"]


class ReviewActionForm(OwnedItemForm):
    class Meta:
        model = ReviewAction
        fields = ["text", "owner"]


class GoalCheckInForm(LimitedTextMixin, forms.Form):
    """Status, confidence, a comment, and one field per key result."""

    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)
    confidence = forms.TypedChoiceField(
        label=_("How confident are you?"),
        choices=Confidence.choices,
        coerce=int,
        widget=forms.RadioSelect,
        initial=Confidence.MEDIUM,
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea)

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_results = list(goal.key_results.all())
        self.fields["status"].initial = goal.status
        for result in self.key_results:
            field: forms.Field
            if result.is_binary:
                field = forms.BooleanField(label=result.title, required=False)
                field.initial = result.done
            else:
                field = forms.DecimalField(
                    label=result.title,
                    max_digits=12,
                    decimal_places=2,
                    localize=True,
                    help_text=result.span(),
                )
                field.widget.attrs["inputmode"] = "decimal"
                field.initial = plain(result.current_value)
            self.fields[f"result_{result.pk}"] = field

    def values(self):
        return {result.pk: self.cleaned_data[f"result_{result.pk}"] for result in self.key_results}

    def result_fields(self):
        return [self[f"result_{result.pk}"] for result in self.key_results]


class EraseForm(forms.Form):
    """Confirm an erasure: the person's username, and why (kept in the log, so never their
    name: the log outlives it)."""

    confirm_name = forms.CharField(max_length=150)
    reason = forms.CharField(
        label=_("Reason (for the log)"),
        max_length=255,
        help_text=_("For example: asked to be forgotten, by email on 2 March. Leave names out."),
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        # Ask for what the page shows: the username, beside the person's name.
        shown = {"username": person.get_username(), "name": display_name(person)}
        self.fields["confirm_name"].label = _("Type %(username)s to confirm") % shown
        self.fields["confirm_name"].help_text = (
            _("The username of %(name)s, as shown above.") % shown
        )

    def clean_confirm_name(self):
        name = self.cleaned_data["confirm_name"].strip()
        if name != self.person.get_username():
            raise forms.ValidationError(
                _("This is not %(username)s: type the username as shown.")
                % {"username": self.person.get_username()}
            )
        return name

    def clean_reason(self):
        reason = self.cleaned_data["reason"]
        for name in identifiers(self.person):
            if re.search(rf"\b{re.escape(name)}\b", reason, flags=re.IGNORECASE):
                raise forms.ValidationError(
                    _("Leave the person's name, username and email out of the reason.")
                )
        return reason


class ExportForm(forms.Form):
    """HR exports a person's data on their request (a subject access request)."""

    DOCUMENT, JSON = "document", "json"

    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            (DOCUMENT, _("A readable document, to print or save as PDF")),
            (JSON, _("JSON, for another system")),
        ],
        initial=DOCUMENT,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("The request (for the log)"),
        max_length=255,
        help_text=_("For example: asked for a copy of their data, by email on 2 March."),
    )
