"""Adding a new hire in one step: HR types who they are, when they start, where, and who
coaches them; `hire` makes the account, the profile and the coaching link together and
sends the invitation to set a password once it is all saved."""

from datetime import date
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from coaching.audit import trail
from coaching.audit.filters import PersonChoiceField
from coaching.common.types import User
from coaching.people.access import HR_PERMISSION
from coaching.people.invitation import invite
from coaching.people.models import CoachRelationship, TraineeProfile

EMAIL_TAKEN = _(
    "Someone already has an account with this email address. Find them under New hires or "
    "Coach relationships, or use another address."
)


class EmailTaken(Exception):
    """Another account has the address: typed twice, or from two tabs at once."""


def people() -> QuerySet[Any]:
    return get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name")


def possible_buddies() -> QuerySet[Any]:
    """Active people who are not onboarding themselves: a buddy knows the everyday ways
    already, so no new hire (someone with a new hire's profile) is offered."""
    return people().filter(trainee_profile__isnull=True)


def possible_coaches() -> QuerySet[Any]:
    """Active people who may coach: members of a coaches group, HR, and current coaches.
    Django's ModelBackend.with_perm finds who holds a permission (superusers, a group's or
    their own) with a subquery, where joining groups and permissions needed DISTINCT."""
    backend = ModelBackend()
    holders = backend.with_perm("coaching.coach_trainees") | backend.with_perm(
        f"coaching.{HR_PERMISSION}"
    )
    coaching_now = people().filter(pk__in=CoachRelationship.objects.active().values("coach"))
    return (holders | coaching_now).order_by("first_name", "last_name")


class NewHireForm(WagtailAdminModelForm):
    """Who the new hire is, when and where they start, their coach and buddy (with the
    admin's widgets: a date picker for the start date)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Email"),
        max_length=150,
        help_text=_("Their work address: the invitation to set a password goes here."),
    )
    coach = PersonChoiceField(
        label=_("Coach"),
        queryset=get_user_model().objects.none(),  # possible_coaches(), today's: __init__
        required=False,
        empty_label=_("No coach yet"),
        help_text=_("Their primary coach, from today: the coach can prepare before the first day."),
    )

    class Meta:
        model = TraineeProfile
        fields = ["start_date", "business_unit", "job_title", "buddy"]
        field_classes = {"buddy": PersonChoiceField}

    field_order = [
        "first_name",
        "last_name",
        "email",
        "start_date",
        "business_unit",
        "job_title",
        "coach",
        "buddy",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start_date"].required = True
        unit, coach, buddy = (self.fields[name] for name in ("business_unit", "coach", "buddy"))
        assert isinstance(unit, forms.ModelChoiceField)
        assert isinstance(coach, forms.ModelChoiceField)
        assert isinstance(buddy, forms.ModelChoiceField)
        unit.empty_label = _("No unit yet")
        buddy.empty_label = _("No buddy")
        # Built for each form: who coaches today, not on the day this module was imported.
        coach.queryset = possible_coaches()
        buddy.queryset = possible_buddies()

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if email_taken(email):
            raise forms.ValidationError(EMAIL_TAKEN)
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        coach, buddy = cleaned.get("coach"), cleaned.get("buddy")
        if coach is not None and coach == buddy:
            self.add_error("buddy", _("Pick someone other than the coach as the buddy."))
        return cleaned


def email_taken(email: str) -> bool:
    user_model = get_user_model()
    taken = Q(**{f"{user_model.USERNAME_FIELD}__iexact": email})
    taken |= Q(**{f"{user_model.get_email_field_name()}__iexact": email})
    return user_model.objects.filter(taken).exists()


def _new_account(first_name: str, last_name: str, email: str) -> User:
    """An account with no password yet: the new hire chooses one from the invitation.
    They sign in with their email address."""
    user_model = get_user_model()
    if email_taken(email):
        raise EmailTaken
    try:
        with transaction.atomic():
            account: User = user_model.objects.create_user(
                **{user_model.USERNAME_FIELD: email, user_model.get_email_field_name(): email},
                first_name=first_name,
                last_name=last_name,
            )
    except IntegrityError as taken:  # another tab created it a moment ago
        raise EmailTaken from taken
    return account


def hire(
    *,
    first_name: str,
    last_name: str,
    email: str,
    start_date: date,
    business_unit: Any = None,
    job_title: str = "",
    coach: User | None = None,
    buddy: User | None = None,
    by: User | None,
) -> TraineeProfile:
    """Make the account, the profile and (with a coach) the coaching link, all or nothing;
    the invitation is sent once they are saved. Raises EmailTaken if the address is used."""
    with transaction.atomic():
        person = _new_account(first_name, last_name, email)
        profile = TraineeProfile.objects.create(
            user=person,
            start_date=start_date,
            business_unit=business_unit,
            job_title=job_title,
            buddy=buddy,
        )
        trail.record(
            profile,
            "coaching.hire",
            by=by,
            trainee_id=person.pk,
            start_date=start_date.isoformat(),
        )
        if coach is not None:
            link = CoachRelationship.objects.create(
                coach=coach, trainee=person, is_primary=True, starts_on=timezone.localdate()
            )
            trail.record_on_link(link, "coaching.link_start", by=by)
        invite(profile, by=by)
    return profile


def set_primary_coach(person: User, coach: User | None, *, by: User | None) -> bool:
    """`coach` becomes the primary coach from today (None: nobody); the former one's link
    ends. Returns whether anything changed."""
    today = timezone.localdate()
    current = (
        CoachRelationship.objects.filter(trainee=person, is_primary=True, ends_on__isnull=True)
        .select_related("coach")
        .first()
    )
    if current is not None and coach is not None and current.coach_id == coach.pk:
        return False
    if current is None and coach is None:
        return False
    if current is not None:
        current.ends_on = max(today, current.starts_on)
        current.save(update_fields=["ends_on"])
        trail.record_on_link(current, "coaching.link_end", by=by)
    if coach is not None:
        link = CoachRelationship.objects.create(
            coach=coach, trainee=person, is_primary=True, starts_on=today
        )
        trail.record_on_link(link, "coaching.link_start", by=by)
    return True


def hire_from(form: NewHireForm, *, by: User | None) -> TraineeProfile:
    data = form.cleaned_data
    return hire(
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data["email"],
        start_date=data["start_date"],
        business_unit=data["business_unit"],
        job_title=data["job_title"],
        coach=data["coach"],
        buddy=data["buddy"],
        by=by,
    )
