"""What the portal's home (My onboarding) shows of buddies: a new hire's buddy, and the new
hires a person is the buddy of. Two queries, for anyone."""

from typing import Any

from coaching.buddies.overview import with_open_questions
from coaching.common.types import User
from coaching.people.access import buddied_profiles
from coaching.people.models import TraineeProfile

# New hires listed on the buddy's home; the rest are on My buddies.
SHOWN_ON_HOME = 5


def home_context(user: User) -> dict[str, Any]:
    profile = (
        TraineeProfile.objects.select_related("buddy__wagtail_userprofile")
        .filter(user=user)
        .first()
    )
    buddy = profile.buddy if profile is not None else None
    buddying = list(
        with_open_questions(buddied_profiles(user), user)
        .select_related("user__wagtail_userprofile")
        .order_by("user__first_name", "user__last_name", "pk")[: SHOWN_ON_HOME + 1]
    )
    return {
        "my_buddy": buddy if buddy is not None and buddy.is_active else None,
        "has_profile": profile is not None,
        "buddying": buddying[:SHOWN_ON_HOME],
        "more_buddying": len(buddying) > SHOWN_ON_HOME,
    }
