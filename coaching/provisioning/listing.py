"""What the SCIM endpoints list, fetched up front: a page of people or units costs the
same few queries whatever its size."""

from typing import Any

from django.db.models import Prefetch, QuerySet

from coaching.people.models import CoachRelationship, TraineeProfile
from coaching.provisioning.people import provisioned_people
from lessons.models import BusinessUnit


def people_listed() -> QuerySet[Any]:
    """People with their profile, unit, the identity provider's id for them (joined) and
    their open primary coaching link (one more query for the page)."""
    primary = CoachRelationship.objects.filter(is_primary=True, ends_on__isnull=True)
    return (
        provisioned_people()
        .select_related("trainee_profile__business_unit", "provisioned")
        .prefetch_related(
            Prefetch(
                "coach_relationships",
                queryset=primary.select_related("coach"),
                to_attr="scim_primary_links",
            )
        )
        .order_by("pk")
    )


def units_listed(*, with_members: bool) -> QuerySet[Any]:
    """Business units (one row per unit: the originals) with the identity provider's id
    for each; with their members' profiles and names, one more query for the page."""
    units = BusinessUnit.objects.originals().select_related("provisioned").order_by("pk")
    if not with_members:
        return units
    members = TraineeProfile.objects.select_related("user").order_by("user_id")
    return units.prefetch_related(Prefetch("trainees", queryset=members, to_attr="scim_members"))
