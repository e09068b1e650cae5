"""Who may see and act on whose onboarding. Every view asks here.

A trainee sees only their own data; a coach only that of the people they actively coach;
HR (the `coaching.manage_all_trainees` permission) everyone's. Anything else answers 404,
so a foreign id reveals nothing. (Assignments and steps: `coaching.learning.lookups`.)
"""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from coaching.common.types import User
from coaching.people.models import CoachRelationship, TraineeId, TraineeProfile

# The permission (of the app `coaching`) that makes someone HR.
HR_PERMISSION = "manage_all_trainees"


def is_hr(user: User) -> bool:
    return user.is_superuser or user.has_perm(f"coaching.{HR_PERMISSION}")


def coaches_someone(user: User) -> bool:
    """Whether `user` coaches anybody now."""
    return CoachRelationship.objects.active().filter(coach=user).exists()


def can_coach(user: User) -> bool:
    """HR, members of a coaches group, and anyone who coaches somebody now."""
    return is_hr(user) or user.has_perm("coaching.coach_trainees") or coaches_someone(user)


def require_coach(user: User) -> None:
    if not can_coach(user):
        raise Http404


def coached_profiles(user: User) -> QuerySet[TraineeProfile]:
    """The new hires whose onboarding this person may see and assign to."""
    profiles = TraineeProfile.objects.all()
    if is_hr(user):
        return profiles
    return profiles.filter(user__in=CoachRelationship.objects.trainees_of(user))


def currently_coached(user: User) -> QuerySet[CoachRelationship, TraineeId]:
    """The people this person coaches today, as a subquery of their ids: HR too see only
    their own trainees here (what needs them as a coach), not everyone."""
    return CoachRelationship.objects.trainees_of(user)


def coached_trainee_or_404(user: User, trainee_id: int) -> User:
    profile = get_object_or_404(coached_profiles(user).select_related("user"), user_id=trainee_id)
    return profile.user


# Buddies: a colleague named on a new hire's profile. A buddy sees the new hire's path
# progress and upcoming check-ins, answers their questions and may recognise them; the
# private development record stays with the keepers above (coaching.record.roles).


def buddied_profiles(user: User) -> QuerySet[TraineeProfile]:
    """The new hires `user` is the buddy of now (active accounts only)."""
    return TraineeProfile.objects.filter(buddy=user, user__is_active=True)


def is_buddy(user: User) -> bool:
    """Whether `user` is somebody's buddy now."""
    return buddied_profiles(user).exists()


def buddied_profile_or_404(user: User, trainee_id: int) -> TraineeProfile:
    """The profile of a new hire `user` is the buddy of; anyone else's answers 404 (HR and
    coaches too: they have their own pages)."""
    profiles = buddied_profiles(user).select_related("user__wagtail_userprofile")
    return get_object_or_404(profiles, user_id=trainee_id)
