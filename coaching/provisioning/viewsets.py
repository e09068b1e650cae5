"""HR's admin screen for provisioning tokens (Settings, Provisioning tokens): name one per
identity provider, see its key once, revoke it, see when it was last used. Registered
in coaching/wagtail_hooks.py, with `HROnlyPolicy` for the model."""

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from coaching.common.shown_once import ShownOncePage, keep_to_show_once
from coaching.provisioning.models import ProvisioningToken


class NewTokenForm(WagtailAdminModelForm):
    class Meta:
        model = ProvisioningToken
        fields = ["name"]


class TokenForm(WagtailAdminModelForm):
    class Meta:
        model = ProvisioningToken
        fields = ["name", "is_active"]


# Where the new key waits, in the session, for the one page that shows it.
NEW_KEY = "coaching_provisioning_key"


class TokenCreateView(generic.CreateView):
    """Saves the token and sends HR to the page that shows its key, once: the key waits
    in the session for that page, which takes it out; it is never stored in the token,
    a message or a URL."""

    def save_instance(self) -> ProvisioningToken:
        token = self.form.instance
        key = token.new_key()
        token.created_by = self.request.user
        saved = super().save_instance()
        keep_to_show_once(self.request, NEW_KEY, saved.pk, key)
        return saved

    def get_success_url(self) -> str:
        return reverse("provisioning_tokens:key", args=[self.object.pk])

    def get_success_message(self, instance: Any) -> None:
        return None


class TokenKeyView(ShownOncePage):
    """The new token's key and what to type in the identity provider; opened again, it
    says the key was shown once."""

    model = ProvisioningToken
    slot = NEW_KEY
    template_name = "coaching/provisioning/token_created.html"
    page_title = _("Your new provisioning token")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        users = reverse("coaching:scim_users")
        return {
            **super().get_context_data(**kwargs),
            "token": self.object,
            "key": self.shown_once(),
            "base_url": self.request.build_absolute_uri(users)[: -len("Users")],
            "index_url": reverse("provisioning_tokens:index"),
        }


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

    def get_urlpatterns(self) -> Any:
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/key/", TokenKeyView.as_view(), name="key"),
        ]
