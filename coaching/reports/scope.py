"""Whose figures a person may see in the reports.

HR (and superusers) see everyone's figures. Editors or L&D leads (admin access and the
right to change learning paths) see everyone's figures about the content (completion,
the step funnel, the questions), but not people data (goals, recognition) unless they
are HR, or coach: then only their own people's. A coach sees only the people they
actively coach. Nobody else sees reports at all.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from coaching.common.types import User
from coaching.learning.models import Assignment
from coaching.people.access import can_coach, is_hr
from coaching.people.models import CoachRelationship


def sees_everyone(user, people_data=False):
    """HR and superusers; for figures about the content (not `people_data`), editors / L&D
    leads who shape the learning paths too."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_hr(user) or (
        not people_data
        and user.has_perm("wagtailadmin.access_admin")
        and user.has_perm("lessons.change_learningpath")
    )


@dataclass(frozen=True)
class ReportScope:
    """The people a report may count: everyone, or the new hires of one coach."""

    coach: User | None = None  # None means everyone

    @property
    def everyone(self):
        return self.coach is None

    def limit(self, queryset, trainee_field="trainee"):
        """Keep the rows of `queryset` whose `trainee_field` is a person in scope."""
        if self.coach is None:  # everyone
            return queryset
        coached = CoachRelationship.objects.trainees_of(self.coach)
        return queryset.filter(**{f"{trainee_field}__in": coached})

    def assignments(self, filters):
        """The current assignments in scope that the report's filters select."""
        return filters.assignments(self.limit(Assignment.objects.current()))


def report_scope(user, people_data=False, coaching=can_coach):
    """The scope of `user`'s reports (of people data, such as goals and recognition, if
    `people_data`), or None if they may not see those reports. `coaching(user)`: whether
    they may coach."""
    user = user or AnonymousUser()
    if sees_everyone(user, people_data):
        return ReportScope()
    if user.is_authenticated and user.is_active and coaching(user):
        return ReportScope(coach=user)
    return None


def scope_for_request(request, people_data=False):
    """The person's report scope, worked out once a request (and whether they coach, once
    for both kinds of report): the view and every item of the admin menu ask for it."""
    cache = request.__dict__.setdefault("_onboarding_report_scopes", {})

    def coaching(user):
        if "coaching" not in cache:
            cache["coaching"] = can_coach(user)
        return cache["coaching"]

    if people_data not in cache:
        cache[people_data] = report_scope(request.user, people_data, coaching)
    return cache[people_data]


def require_report_scope(request, people_data=False):
    scope = scope_for_request(request, people_data)
    if scope is None:
        raise PermissionDenied
    return scope
