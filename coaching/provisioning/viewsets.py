"""HR's admin screen for provisioning tokens (Settings, Provisioning tokens): name one per
identity provider, see its key once, revoke it, see when it was last used. Registered
in coaching/wagtail_hooks.py, with `HROnlyPolicy` for the model."""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from coaching.people.access import HR_PERMISSION, is_hr
from coaching.provisioning.models import ProvisioningToken


class HROnlyPolicy(ModelPermissionPolicy):
    """HR (and superusers) manage provisioning tokens; nobody else sees them."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return bool(user.is_active and is_hr(user))

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return self.user_has_permission(user, "")

    def users_with_any_permission(self, actions: Any) -> Any:
        return ModelBackend().with_perm(f"coaching.{HR_PERMISSION}")


class NewTokenForm(WagtailAdminModelForm):
    class Meta:
        model = ProvisioningToken
        fields = ["name"]


class TokenForm(WagtailAdminModelForm):
    class Meta:
        model = ProvisioningToken
        fields = ["name", "is_active"]


class TokenCreateView(generic.CreateView):
    """Saves the token and shows its key on the page that answers: once, never stored,
    never put in a message or a URL."""

    def save_instance(self) -> ProvisioningToken:
        token = self.form.instance
        self.key = token.new_key()
        token.created_by = self.request.user
        return super().save_instance()

    def form_valid(self, form: Any) -> Any:
        self.form = form
        with transaction.atomic():
            self.object = self.save_instance()
        response = TemplateResponse(
            self.request,
            "coaching/provisioning/token_created.html",
            {
                "token": self.object,
                "key": self.key,
                "header_title": _("Your new provisioning token"),
                "page_title": _("Your new provisioning token"),
                "header_icon": "key",
                "base_url": self.request.build_absolute_uri(reverse("coaching:scim_users"))[
                    : -len("Users")
                ],
                "index_url": reverse("provisioning_tokens:index"),
            },
        )
        add_never_cache_headers(response)
        return response


class ProvisioningTokenViewSet(ModelViewSet):
    model = ProvisioningToken
    name = "provisioning_tokens"
    url_prefix = "onboarding/provisioning-tokens"
    icon = "key"
    menu_label = _("Provisioning tokens")
    add_to_admin_menu = False
    add_to_settings_menu = True
    copy_view_enabled = False
    add_view_class = TokenCreateView
    list_display = [
        "name",
        Column("key_hint", label=_("Starts with")),
        BooleanColumn("is_active", label=_("In use")),
        DateColumn("created_at", label=_("Created")),
        DateColumn("last_used_at", label=_("Last used")),
    ]

    def get_form_class(self, for_update: bool = False) -> Any:
        return TokenForm if for_update else NewTokenForm
