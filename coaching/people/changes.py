"""When a new hire last changed, as the API's `updated_since` reads it
(`TraineeProfile.updated_at`): their profile, their account (name, email, active) and
their coaches are all part of them. A profile's ordinary save writes it (auto_now); these
receivers, wired in `CoachingConfig.ready`, write it when the rest changes, and when a
profile is saved with `update_fields` that leave it out."""

from typing import Any

from django.utils import timezone

from coaching.people.models import TraineeProfile

# A sign-in writes only this: it is no change to the person.
NOT_A_CHANGE = frozenset({"last_login"})


def touch(trainee_ids: Any) -> None:
    """Mark these people's profiles (by user id, or a subquery of them) changed now."""
    TraineeProfile.objects.filter(user__in=trainee_ids).update(updated_at=timezone.now())


def profile_saved(instance: TraineeProfile, update_fields: Any = None, **kwargs: Any) -> None:
    if update_fields is not None and "updated_at" not in update_fields:
        touch([instance.user_id])


def user_saved(
    instance: Any, update_fields: Any = None, created: bool = False, **kwargs: Any
) -> None:
    if created or (update_fields is not None and NOT_A_CHANGE.issuperset(update_fields)):
        return
    touch([instance.pk])


def link_changed(instance: Any, **kwargs: Any) -> None:
    """A coaching link started, changed or ended: its new hire's coaches changed."""
    touch([instance.trainee_id])
