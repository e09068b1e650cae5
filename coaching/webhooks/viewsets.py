"""HR's admin screens for webhooks (Settings, Webhooks): register an endpoint (its URL,
the events it hears of, Standard Webhooks or Slack), see its signing secret once, turn it
off, send it a test event, and read its delivery log. Registered in
coaching/wagtail_hooks.py, with `HROnlyPolicy` for the model."""

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from coaching.common.shown_once import ShownOncePage, keep_to_show_once
from coaching.people.access import is_hr
from coaching.webhooks.delivery import address_allowed
from coaching.webhooks.models import Endpoint, WebhookEvent
from coaching.webhooks.sending import send_test

# The events HR can choose (the test event is the button's).
CHOSEN_EVENTS = [(event.value, event.label) for event in WebhookEvent if event != WebhookEvent.TEST]
# Where the new secret waits, in the session, for the one page that shows it.
NEW_SECRET = "coaching_webhook_secret"
LOG_LENGTH = 50


class EndpointForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=gettext_lazy("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy("Events are POSTed here, and nowhere else."),
    )
    events = forms.MultipleChoiceField(
        label=gettext_lazy("Events"),
        choices=CHOSEN_EVENTS,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "What it hears of. A Slack endpoint receives only the events with a message: "
            "public recognition, paths completed and new hires added."
        ),
    )

    class Meta:
        model = Endpoint
        fields = ["name", "url", "format", "events", "is_enabled"]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise ValidationError(_("Use an https:// (or http://) address."))
        name = parts.hostname or ""
        if name == "localhost" or name.endswith(".localhost"):
            raise ValidationError(_("This address is this machine, where events are never sent."))
        try:
            literal = ipaddress.ip_address(name)
        except ValueError:
            return url  # a name: the address it leads to is checked at every delivery
        if not address_allowed(str(literal)):
            raise ValidationError(
                _(
                    "This address is on the site's own network, where events are sent only "
                    "if the site's administrator allows it (COACHING_WEBHOOK_ALLOWED_NETWORKS)."
                )
            )
        return url


class EndpointCreateView(generic.CreateView):
    """Saves the endpoint with a new secret and sends HR to the page that shows it, once."""

    def save_instance(self) -> Endpoint:
        endpoint = self.form.instance
        secret = endpoint.new_secret()
        endpoint.created_by = self.request.user
        saved = super().save_instance()
        keep_to_show_once(self.request, NEW_SECRET, saved.pk, secret)
        return saved

    def get_success_url(self) -> str:
        return reverse("webhook_endpoints:secret", args=[self.object.pk])

    def get_success_message(self, instance: Any) -> None:
        return None


class HROnlyView(WagtailAdminTemplateMixin, TemplateView):
    permission_policy: Any = None

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_hr(request.user):
            raise PermissionDenied
        self.endpoint = get_object_or_404(Endpoint, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return str(self.page_title)


class EndpointSecretView(ShownOncePage):
    """The new endpoint's signing secret and how to check a signature; opened again, it
    says the secret was shown once."""

    model = Endpoint
    slot = NEW_SECRET
    template_name = "coaching/webhooks/secret.html"
    page_title = gettext_lazy("Your new webhook endpoint")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "endpoint": self.object,
            "secret": self.shown_once(),
            "deliveries_url": reverse("webhook_endpoints:deliveries", args=[self.object.pk]),
        }


class DeliveriesView(HROnlyView):
    """The endpoint's delivery log: the latest deliveries, their status and attempts."""

    template_name = "coaching/webhooks/deliveries.html"
    page_title = gettext_lazy("Deliveries")
    header_icon = "list-ul"

    def get_page_subtitle(self) -> str:
        return self.endpoint.name

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "endpoint": self.endpoint,
            "deliveries": list(self.endpoint.deliveries.all()[:LOG_LENGTH]),
            "edit_url": reverse("webhook_endpoints:edit", args=[self.endpoint.pk]),
            "no_figure": "\N{EN DASH}",
        }


@require_POST
def send_test_event(request: Any, pk: int) -> Any:
    """The "Send a test event" button: one delivery now, then the log to see how it went."""
    if not is_hr(request.user):
        raise PermissionDenied
    endpoint = get_object_or_404(Endpoint, pk=pk)
    send_test(endpoint)
    messages.success(request, _("A test event was sent to “%(name)s”.") % {"name": endpoint})
    return redirect("webhook_endpoints:deliveries", pk=endpoint.pk)


class EndpointViewSet(ModelViewSet):
    model = Endpoint
    name = "webhook_endpoints"
    url_prefix = "onboarding/webhooks"
    icon = "link-external"
    menu_label = gettext_lazy("Webhooks")
    add_to_admin_menu = False
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    add_view_class = EndpointCreateView
    form_fields = ["name", "url", "format", "events", "is_enabled"]
    list_display = [
        "name",
        Column("address", label=gettext_lazy("Address")),
        Column("format", label=gettext_lazy("Message format"), accessor="get_format_display"),
        Column("secret_hint", label=gettext_lazy("Secret starts with")),
        BooleanColumn("is_enabled", label=gettext_lazy("Enabled")),
    ]

    def get_form_class(self, for_update: bool = False) -> Any:
        return EndpointForm

    def get_urlpatterns(self) -> Any:
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/secret/", EndpointSecretView.as_view(), name="secret"),
            path("<int:pk>/deliveries/", DeliveriesView.as_view(), name="deliveries"),
            path("<int:pk>/test/", send_test_event, name="test"),
        ]
