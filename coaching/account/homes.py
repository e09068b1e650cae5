"""Where each person starts: the page they land on after signing in, unless they were
on their way somewhere else."""

from django.urls import reverse

from coaching.common.types import User
from coaching.people.access import can_coach, is_hr
from coaching.people.models import TraineeProfile


def is_new_hire(user: User) -> bool:
    """Whether `user` is onboarding: HR gave them a new hire's profile."""
    return TraineeProfile.objects.filter(user=user).exists()


def uses_admin(user: User) -> bool:
    return bool(user.has_perm("wagtailadmin.access_admin"))


def home_url(user: User) -> str:
    """A new hire's home is My onboarding; HR's the Wagtail admin (the coach dashboard if
    they have no admin access); a coach's the coach dashboard; an editor's the admin.
    Anyone else (a colleague) starts on the portal's My onboarding too."""
    if is_new_hire(user):
        return reverse("coaching:home")
    if is_hr(user):
        return reverse("wagtailadmin_home" if uses_admin(user) else "coaching:dashboard")
    if can_coach(user):
        return reverse("coaching:dashboard")
    if uses_admin(user):
        return reverse("wagtailadmin_home")
    return reverse("coaching:home")
