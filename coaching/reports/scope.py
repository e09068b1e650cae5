"""Whose figures a person may see in the reports.

HR (and superusers), and editors or L&D leads (admin access and the right to change
learning paths) see everyone's figures. A coach sees only the people they actively
coach. Nobody else sees reports at all.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from coaching.common.types import User
from coaching.learning.models import Assignment
from coaching.people.access import can_coach, is_hr
from coaching.people.models import CoachRelationship


def sees_everyone(user):
    """HR, superusers, and editors / L&D leads who shape the learning paths."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_hr(user) or (
        user.has_perm("wagtailadmin.access_admin") and user.has_perm("lessons.change_learningpath")
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


def report_scope(user):
    """The scope of `user`'s reports, or None if they may not see reports."""
    user = user or AnonymousUser()
    if sees_everyone(user):
        return ReportScope()
    if user.is_authenticated and user.is_active and can_coach(user):
        return ReportScope(coach=user)
    return None


def scope_for_request(request):
    """The person's report scope, worked out once a request: the view and every item of
    the admin menu ask for it."""
    if not hasattr(request, "_onboarding_report_scope"):
        request._onboarding_report_scope = report_scope(request.user)
    return request._onboarding_report_scope


def require_report_scope(request):
    scope = scope_for_request(request)
    if scope is None:
        raise PermissionDenied
    return scope
