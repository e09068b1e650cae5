"""Webhook endpoints HR registers, and each delivery of an event to one of them, with its
attempts: the delivery log an endpoint's page shows."""

import base64
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A Standard Webhooks secret: "whsec_" and 32 random bytes in base64.
SECRET_PREFIX = "whsec_"
# When a failed delivery is tried again: after each failed attempt, the next waits longer;
# after the last, it is given up (about a day and a half in all).
RETRY_AFTER = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=8),
    timedelta(hours=24),
)


class WebhookEvent(models.TextChoices):
    """What an endpoint can hear of, each named as its payload's `type` (docs/webhooks.md)."""

    PATH_ASSIGNED = "path.assigned", _("A learning path is assigned")
    STEP_COMPLETED = "step.completed", _("A step is completed")
    TASK_SUBMITTED = "task.submitted", _("A practical task waits for sign-off")
    TASK_SIGNED_OFF = "task.signed_off", _("A practical task is signed off")
    TASK_SENT_BACK = "task.sent_back", _("A practical task is sent back")
    PATH_COMPLETED = "path.completed", _("A learning path is completed")
    PATH_OVERDUE = "path.overdue", _("A learning path is overdue")
    RECOGNITION_GIVEN = "recognition.given", _("Public recognition is given")
    PERSON_CREATED = "person.created", _("A new hire is added")
    PERSON_DEACTIVATED = "person.deactivated", _("A person is deactivated")
    TEST = "webhook.test", _("A test event (the “Send a test event” button)")


class EndpointFormat(models.TextChoices):
    STANDARD = "standard", _("Standard Webhooks (signed JSON)")
    SLACK = "slack", _("Slack incoming webhook (a message)")


class Endpoint(models.Model):
    """Where events are sent: a URL, the events it hears of, and its signing secret (kept,
    since each delivery is signed with it, and shown to HR once)."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("What receives it, e.g. “HR system” or “#kudos”.")
    )
    url = models.URLField(
        _("URL"),
        max_length=500,
        help_text=_("Events are POSTed here, and nowhere else."),
    )
    events = models.JSONField(_("events"), default=list)
    format = models.CharField(
        _("message format"),
        max_length=10,
        choices=EndpointFormat.choices,
        default=EndpointFormat.STANDARD,
    )
    secret = models.CharField(max_length=80, editable=False)
    is_enabled = models.BooleanField(
        _("enabled"), default=True, help_text=_("Untick to stop sending events here at once.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def new_secret(self) -> str:
        """Give the endpoint a new signing secret and return it: HR sees it once."""
        self.secret = SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()
        return self.secret

    @property
    def secret_hint(self) -> str:
        """How the secret starts, to tell endpoints apart (the secret itself is shown once)."""
        return self.secret[:12]

    @property
    def address(self) -> str:
        """The URL without its path and query, which for a Slack webhook are its secret."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}/…"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    RETRYING = "retrying", _("Failed, to be tried again")
    DELIVERED = "delivered", _("Delivered")
    GIVEN_UP = "given_up", _("Given up")


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def due(self) -> "DeliveryQuerySet":
        """Deliveries to try now: waiting, or failed and their next attempt come."""
        return self.filter(
            status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING],
            next_attempt_at__lte=timezone.now(),
        )


class Delivery(models.Model):
    """One event for one endpoint: its payload as it was when the event happened (sent as
    it is at every attempt, under the same `webhook-id`), and how its attempts went."""

    endpoint = models.ForeignKey(
        Endpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    message_id = models.CharField(_("message id"), max_length=40, unique=True)
    event = models.CharField(_("event"), max_length=30, choices=WebhookEvent.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("happened at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("last answer"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.get_event_display()} → {self.endpoint}"

    @property
    def last_answer(self) -> str:
        """The last attempt's error, or the HTTP status the endpoint answered, or a dash."""
        if self.last_error:
            return self.last_error
        if self.last_status_code:
            return f"HTTP {self.last_status_code}"
        return "\N{EN DASH}"
