"""Sending events to webhook endpoints: `emit` records a delivery for each endpoint that
hears of the event, in the transaction of what happened, and hands them to a background
task once it commits (which makes one attempt each: coaching.webhooks.delivery).

A dead endpoint never slows or breaks the page that caused the event: the page writes a
row; a worker (django-tasks) sends it, and the reminder sweep tries failed ones again."""

import logging
import secrets
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from coaching.webhooks.models import (
    Delivery,
    Endpoint,
    EndpointFormat,
    WebhookEvent,
)
from coaching.webhooks.tasks import deliver_webhooks

logger = logging.getLogger(__name__)

# The payloads' shape (docs/webhooks.md): raised when a field changes meaning or goes.
PAYLOAD_VERSION = 1
# The enabled endpoints and their events, cached: an event costs no query when no
# endpoint hears of it. Cleared whenever an endpoint is saved or deleted (apps.py).
ENDPOINTS_CACHE_KEY = "coaching:webhooks:endpoints"


def _endpoints() -> list[dict[str, Any]]:
    found = cache.get(ENDPOINTS_CACHE_KEY)
    if found is None:
        found = list(Endpoint.objects.filter(is_enabled=True).values("pk", "events", "format"))
        cache.set(ENDPOINTS_CACHE_KEY, found, None)
    return found


def heard(event: WebhookEvent) -> bool:
    """Whether any enabled endpoint hears of `event` (from the cache: no query)."""
    return any(event in found["events"] for found in _endpoints())


def forget_endpoints(**kwargs: Any) -> None:
    """Connected to Endpoint's post_save and post_delete (CoachingConfig.ready)."""
    cache.delete(ENDPOINTS_CACHE_KEY)


def new_message_id() -> str:
    return "msg_" + secrets.token_urlsafe(18)


def envelope(event: str, data: dict[str, Any], at: datetime) -> dict[str, Any]:
    """A Standard Webhooks payload: its type, when it happened, and what it needs."""
    return {"type": event, "version": PAYLOAD_VERSION, "timestamp": at.isoformat(), "data": data}


def emit(
    event: WebhookEvent,
    data: Callable[[], dict[str, Any]],
    slack: Callable[[], str] | None = None,
) -> int:
    """Record `event` for every enabled endpoint that hears of it (and, for a Slack
    endpoint, only if the event has a message, `slack`, written in the site's language),
    and send them once the transaction commits. `data` and `slack` are called only when
    some endpoint hears of it: an event nobody hears of costs nothing. Returns how many
    deliveries were recorded."""
    chosen = [
        found
        for found in _endpoints()
        if event in found["events"]
        and (found["format"] != EndpointFormat.SLACK or slack is not None)
    ]
    if not chosen:
        return 0
    now = timezone.now()
    standard = envelope(event, data(), now)
    text = None
    if slack is not None and any(found["format"] == EndpointFormat.SLACK for found in chosen):
        with translation.override(settings.LANGUAGE_CODE):
            text = slack()
    return _record(
        Delivery(
            endpoint_id=found["pk"],
            message_id=new_message_id(),
            event=event,
            payload={"text": text} if found["format"] == EndpointFormat.SLACK else standard,
            created_at=now,
            next_attempt_at=now,
        )
        for found in chosen
    )


def send_test(endpoint: Endpoint) -> Delivery:
    """A test event for one endpoint (its "Send a test event" button), sent at once."""
    now = timezone.now()
    if endpoint.format == EndpointFormat.SLACK:
        with translation.override(settings.LANGUAGE_CODE):
            payload: dict[str, Any] = {"text": str(WebhookEvent.TEST.label)}
    else:
        payload = envelope(WebhookEvent.TEST, {"endpoint": endpoint.name}, now)
    delivery = Delivery(
        endpoint=endpoint,
        message_id=new_message_id(),
        event=WebhookEvent.TEST,
        payload=payload,
        created_at=now,
        next_attempt_at=now,
    )
    _record([delivery])
    return delivery


def _record(deliveries: Iterable[Delivery]) -> int:
    created = Delivery.objects.bulk_create(list(deliveries))
    ids = [delivery.pk for delivery in created]
    transaction.on_commit(lambda: _enqueue(deliver_webhooks, ids))
    return len(ids)


def _enqueue(task: Any, ids: list[int]) -> None:
    try:
        task.enqueue(ids)
    except Exception:  # the sweep tries them again; the page that caused them goes on
        logger.exception("Could not queue webhook deliveries %s", ids)


def retry_due(limit: int = 500) -> int:
    """Queue the deliveries whose next attempt has come (the reminder sweep calls it)."""
    ids = list(Delivery.objects.due().order_by("next_attempt_at").values_list("pk", flat=True))
    ids = ids[:limit]
    if ids:
        _enqueue(deliver_webhooks, ids)
    return len(ids)
