"""Wagtail permission policies of the plugin's HR-only admin screens (provisioning tokens,
enrolment rules, imports): HR and superusers may do everything, nobody else anything."""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from wagtail.permission_policies import ModelPermissionPolicy

from coaching.people.access import HR_PERMISSION, is_hr


class HROnlyPolicy(ModelPermissionPolicy):
    """HR (and superusers) manage provisioning tokens; nobody else sees them."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return bool(user.is_active and is_hr(user))

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return self.user_has_permission(user, "")

    def users_with_any_permission(self, actions: Any) -> Any:
        return ModelBackend().with_perm(f"coaching.{HR_PERMISSION}")
