"""/people: new hires as an HR system or a dashboard sees them. A token sees the people
its owner may see on the site (`coached_profiles`: HR everyone, a coach their new
hires); anyone else's id answers 404. Writing needs `write:people` and an owner in HR,
and goes through the admin's own form and `hire`, so the rules and messages are the
site's."""

from datetime import datetime
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from coaching.api.auth import require
from coaching.api.errors import PROBLEMS, Invalid, invalid_form
from coaching.api.models import Scope
from coaching.api.paging import Paged
from coaching.api.schemas import Id, NewPerson, PersonChange, PersonOut
from coaching.audit import trail
from coaching.audit.filters import PersonChoiceField
from coaching.people import hiring
from coaching.people.access import coached_profiles, is_hr
from coaching.people.models import CoachRelationship, TraineeProfile

router = Router(tags=["people"])

# The request's names for the admin form's fields.
FORM_NAMES = {"business_unit": "unit_id", "coach": "coach_id", "buddy": "buddy_id"}


class PeopleFilter(Schema):
    updated_since: datetime | None = None
    unit_id: Id | None = None
    active: bool | None = None


def people_seen(user: Any) -> QuerySet[TraineeProfile]:
    """The profiles `user` may see, with what a person's answer shows (4 queries a page:
    the count, the page, and the coaches of its people)."""
    coaches = (
        CoachRelationship.objects.active()
        .select_related("coach")
        .order_by("-is_primary", "starts_on")
    )
    return (
        coached_profiles(user)
        .select_related("user", "business_unit", "buddy")
        .prefetch_related(Prefetch("user__coach_relationships", coaches, to_attr="current_coaches"))
        .order_by("user_id")
    )


def person_or_404(user: Any, person_id: Id) -> TraineeProfile:
    return get_object_or_404(people_seen(user), user_id=person_id)


def require_hr(request: HttpRequest) -> None:
    require(request, Scope.WRITE_PEOPLE)
    if not is_hr(request.user):  # type: ignore[arg-type]
        raise PermissionDenied(_("Only HR can add or change people."))


@router.get("/", response={200: list[PersonOut], **PROBLEMS}, summary="List people")
@paginate(Paged)
def list_people(request: HttpRequest, filters: Query[PeopleFilter]) -> Any:
    require(request, Scope.READ_PEOPLE)
    people = people_seen(request.user)
    if filters.updated_since is not None:
        people = people.filter(updated_at__gte=filters.updated_since)
    if filters.unit_id is not None:
        people = people.filter(business_unit_id=filters.unit_id)
    if filters.active is not None:
        people = people.filter(user__is_active=filters.active)
    return people


@router.get("/{person_id}", response={200: PersonOut, **PROBLEMS}, summary="Read a person")
def read_person(request: HttpRequest, person_id: Id) -> Any:
    require(request, Scope.READ_PEOPLE)
    return person_or_404(request.user, person_id)


@router.post("/", response={201: PersonOut, **PROBLEMS}, summary="Add a new hire")
def add_person(request: HttpRequest, payload: NewPerson) -> Any:
    """The account, the profile and the coaching link, as HR's "Add a new hire" makes
    them, and the invitation to choose a password."""
    require_hr(request)
    data = payload.dict()
    form = hiring.NewHireForm(
        data={**data, **{name: data[field] for name, field in FORM_NAMES.items()}}
    )
    if not form.is_valid():
        raise invalid_form(form, FORM_NAMES)
    try:
        profile = hiring.hire_from(form, by=request.user)  # type: ignore[arg-type]
    except hiring.EmailTaken as taken:
        raise Invalid({"email": [str(hiring.EMAIL_TAKEN)]}) from taken
    return Status(201, person_or_404(request.user, profile.user_id))


class PersonChangeForm(forms.ModelForm):
    """The fields of a new hire the API changes, checked as the admin checks them."""

    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150, required=False)
    coach = PersonChoiceField(queryset=get_user_model().objects.none(), required=False)

    class Meta:
        model = TraineeProfile
        fields = ["start_date", "business_unit", "job_title", "buddy"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coach, buddy = self.fields["coach"], self.fields["buddy"]
        assert isinstance(coach, forms.ModelChoiceField)
        assert isinstance(buddy, forms.ModelChoiceField)
        coach.queryset = hiring.possible_coaches().exclude(pk=self.instance.user_id)
        buddy.queryset = hiring.possible_buddies()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        coach, buddy = cleaned.get("coach"), cleaned.get("buddy")
        if coach is not None and coach == buddy:
            self.add_error("buddy", _("Pick someone other than the coach as the buddy."))
        return cleaned


def _current(profile: TraineeProfile) -> dict[str, Any]:
    primary = next((link for link in profile.user.current_coaches if link.is_primary), None)  # type: ignore[attr-defined]
    return {
        "first_name": profile.user.first_name,
        "last_name": profile.user.last_name,
        "start_date": profile.start_date,
        "business_unit": profile.business_unit_id,
        "job_title": profile.job_title,
        "buddy": profile.buddy_id,
        "coach": primary.coach_id if primary else None,
    }


@router.patch("/{person_id}", response={200: PersonOut, **PROBLEMS}, summary="Change a new hire")
def change_person(request: HttpRequest, person_id: Id, payload: PersonChange) -> Any:
    """Change what is sent and leave the rest; the change is in the audit trail."""
    require_hr(request)
    profile = person_or_404(request.user, person_id)
    sent = payload.dict(exclude_unset=True)
    reverse_names = {field: name for name, field in FORM_NAMES.items()}
    asked = {reverse_names.get(field, field): value for field, value in sent.items()}
    form = PersonChangeForm(data={**_current(profile), **asked}, instance=profile)
    if not form.is_valid():
        raise invalid_form(form, FORM_NAMES)
    data = form.cleaned_data
    with transaction.atomic():
        person = profile.user
        person.first_name, person.last_name = data["first_name"], data["last_name"]
        person.save(update_fields=["first_name", "last_name"])
        form.save()
        if "coach" in asked:
            hiring.set_primary_coach(person, data["coach"], by=request.user)  # type: ignore[arg-type]
        trail.record(
            profile,
            "coaching.api_change",
            by=request.user,  # type: ignore[arg-type]
            trainee_id=person.pk,
            token=request.auth.token.name,  # type: ignore[attr-defined]
            fields=", ".join(sorted(sent)),
        )
    return person_or_404(request.user, person_id)
