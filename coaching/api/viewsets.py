"""HR's admin screen for API tokens (Settings, Onboarding API tokens): make a token for a
person with scopes, see its key once, change its name or scopes, revoke it, see when it
was last used. The tokens are Wagtail's own (`APIToken`: a keyed hash, never the key);
their scopes are ours. Registered in coaching/wagtail_hooks.py, with `HROnlyPolicy`."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.models import APIToken

from coaching.api.models import HR_SCOPES, SCOPE_NAMES, Scope, TokenScopes
from coaching.audit.filters import PersonChoiceField
from coaching.common.names import display_name
from coaching.common.shown_once import ShownOncePage, keep_to_show_once
from coaching.people.access import is_hr

# Where the new key waits, in the session, for the one page that shows it.
NEW_KEY = "coaching_api_token_key"


def possible_owners(creator: Any) -> QuerySet[Any]:
    """Active people; a superuser's token only by a superuser (a token does what its
    owner may, so HR cannot make one that does more than HR)."""
    people = get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name")
    return people if creator.is_superuser else people.filter(is_superuser=False)


class TokenForm(WagtailAdminModelForm):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=255,
        help_text=gettext_lazy("What uses it, e.g. “HR system sync” or “Team dashboard”."),
    )
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("Scopes"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "What it may do. It acts as its owner: it sees only the people its owner "
            "sees on the site, and never more than these scopes."
        ),
    )

    class Meta:
        model = TokenScopes
        fields = ["scopes"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["name"].initial = self.instance.token.name

    def token_owner(self) -> Any:
        return self.instance.token.user

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        owner = self.token_owner() if self.instance.pk else cleaned.get("owner")
        if owner is not None and not is_hr(owner):
            held = sorted(set(cleaned.get("scopes") or ()) & HR_SCOPES)
            if held:
                self.add_error(
                    "scopes",
                    _("Only a token of someone in HR can have %(scopes)s.")
                    % {"scopes": ", ".join(held)},
                )
        return cleaned


class NewTokenForm(TokenForm):
    owner = PersonChoiceField(
        label=gettext_lazy("Owner"),
        queryset=get_user_model().objects.none(),  # possible_owners(the creator): __init__
        help_text=gettext_lazy(
            "Whose token it is: it acts as them. A coach's token sees only their new hires."
        ),
    )
    field_order = ["name", "owner", "scopes"]

    def __init__(self, *args: Any, creator: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = possible_owners(creator)


class TokenCreateView(generic.CreateView):
    """Makes the token and sends HR to the page that shows its key, once: the key waits
    in the session for that page (never stored, nor in a message or a URL)."""

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "creator": self.request.user}

    def save_instance(self) -> TokenScopes:
        data = self.form.cleaned_data
        token, key = APIToken.create_token(user=data["owner"], name=data["name"])
        held: TokenScopes = self.form.save(commit=False)
        held.token, held.scopes, held.created_by = token, sorted(data["scopes"]), self.request.user
        held.save()
        keep_to_show_once(self.request, NEW_KEY, held.pk, key)
        return held

    def get_success_url(self) -> str:
        return reverse("onboarding_api_tokens:key", args=[self.object.pk])

    def get_success_message(self, instance: Any) -> None:
        return None


class TokenKeyView(ShownOncePage):
    """The new token's key and how to use it; opened again, it says it was shown once."""

    model = TokenScopes
    slot = NEW_KEY
    template_name = "coaching/api/token_created.html"
    page_title = gettext_lazy("Your new API token")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "held": self.object,
            "key": self.shown_once(),
            "api_url": self.request.build_absolute_uri(reverse("coaching:onboarding_api:api-root")),
            "docs_url": reverse("coaching:onboarding_api:openapi-view"),
            "index_url": reverse("onboarding_api_tokens:index"),
        }


class TokenEditView(generic.EditView):
    def save_instance(self) -> TokenScopes:
        held: TokenScopes = super().save_instance()
        held.token.name = self.form.cleaned_data["name"]
        held.token.save(update_fields=["name"])
        return held


class TokenRevokeView(generic.DeleteView):
    """Revoking keeps the token, marked revoked: its use stays on record."""

    template_name = "coaching/api/confirm_revoke.html"
    page_title = gettext_lazy("Revoke")

    @property
    def confirmation_message(self) -> str:
        return _("Revoke the API token “%(name)s”?") % {"name": self.object.token.name}

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        if self.object.token.revoked_at is None:
            self.object.token.revoke()
            log(self.object, "wagtail.apitoken.revoke", user=request.user)
        messages.success(
            request, _("API token “%(name)s” revoked.") % {"name": self.object.token.name}
        )
        return redirect(self.get_success_url())


class TokenIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet[TokenScopes]:
        return TokenScopes.objects.select_related("token__user").order_by("-token__created")


def _in_use(held: TokenScopes) -> bool:
    return held.token.revoked_at is None


def _status(held: TokenScopes) -> str:
    return str(_("In use") if _in_use(held) else _("Revoked"))


def _owner(held: TokenScopes) -> str:
    return display_name(held.token.user)


def _prefix(held: TokenScopes) -> str:
    return held.token.prefix


def _scopes(held: TokenScopes) -> str:
    return ", ".join(str(SCOPE_NAMES.get(scope, scope)) for scope in held.scopes)


def _created(held: TokenScopes) -> Any:
    return held.token.created


def _last_used(held: TokenScopes) -> Any:
    return held.token.last_used_at


class TokenViewSet(ModelViewSet):
    model = TokenScopes
    name = "onboarding_api_tokens"
    url_prefix = "onboarding/api-tokens"
    icon = "key"
    menu_label = gettext_lazy("Onboarding API tokens")
    add_to_admin_menu = False
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    add_view_class = TokenCreateView
    edit_view_class = TokenEditView
    delete_view_class = TokenRevokeView
    index_view_class = TokenIndexView
    list_display = [
        "__str__",
        Column("owner", label=gettext_lazy("Owner"), accessor=_owner),
        Column("prefix", label=gettext_lazy("Starts with"), accessor=_prefix),
        Column("scopes", label=gettext_lazy("Scopes"), accessor=_scopes),
        StatusTagColumn("status", label=gettext_lazy("Status"), accessor=_status, primary=_in_use),
        DateColumn("created", label=gettext_lazy("Created"), accessor=_created),
        DateColumn("last_used", label=gettext_lazy("Last used"), accessor=_last_used),
    ]

    def get_form_class(self, for_update: bool = False) -> Any:
        return TokenForm if for_update else NewTokenForm

    def get_urlpatterns(self) -> Any:
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/key/", TokenKeyView.as_view(), name="key"),
        ]
