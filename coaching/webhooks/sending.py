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
# endpoint hears of it. Cleared whenever an endpoint is saved or deleted (apps.py), and
# kept five minutes at most whatever happens.
ENDPOINTS_CACHE_KEY = "coaching:webhooks:endpoints"
ENDPOINTS_CACHE_SECONDS = 300


def _endpoints() -> list[dict[str, Any]]:
    found = cache.get(ENDPOINTS_CACHE_KEY)
    if found is None:
        found = list(Endpoint.objects.filter(is_enabled=True).values("pk", "events", "format"))
        cache.set(ENDPOINTS_CACHE_KEY, found, ENDPOINTS_CACHE_SECONDS)
    return found


def heard(event: WebhookEvent) -> bool:
    """Whether any enabled endpoint hears of `event` (from the cache: no query)."""
    return any(event in found["events"] for found in _endpoints())


def forget_endpoints(**kwargs: Any) -> None:
    """Connected to Endpoint's post_save and post_delete (CoachingConfig.ready): now, and
    again once the change commits (another process may have cached the list before)."""
    cache.delete(ENDPOINTS_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(ENDPOINTS_CACHE_KEY))


def new_message_id() -> str:
    return "msg_" + secrets.token_urlsafe(18)


def envelope(event: str, data: dict[str, Any], at: datetime) -> dict[str, Any]:
    """A Standard Webhooks payload: its type, when it happened, and what it needs."""
    return {"type": event, "version": PAYLOAD_VERSION, "timestamp": at.isoformat(), "data": data}


def slack_escaped(text: str) -> str:
    """People's words in a Slack message: as text, never a mention (<!channel>) or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


Message = Callable[[], str]


def emit(
    event: WebhookEvent, data: Callable[[], dict[str, Any]], slack: Message | None = None
) -> int:
    """Record `event` for every enabled endpoint that hears of it (and, for a Slack
    endpoint, only if the event has a message, `slack`, written in the site's language),
    and send them once the transaction commits. Returns how many deliveries were recorded."""
    return emit_each(event, [(data, slack)])


def emit_each(
    event: WebhookEvent, happened: list[tuple[Callable[[], dict[str, Any]], Message | None]]
) -> int:
    """`emit` for several of the same event at once (a path assigned to many people): one
    INSERT for them all. `data` and `slack` are called only when some endpoint hears of it,
    so an event nobody hears of costs nothing. Whatever goes wrong here is logged and
    undone, and never fails what caused the event."""
    listening = [found for found in _endpoints() if event in found["events"]]
    if not listening or not happened:
        return 0
    try:
        with transaction.atomic():
            return _record(_deliveries(event, happened, listening))
    except Exception:
        logger.exception("Webhook event %s was not recorded", event)
        return 0


def _deliveries(
    event: WebhookEvent,
    happened: list[tuple[Callable[[], dict[str, Any]], Message | None]],
    listening: list[dict[str, Any]],
) -> list[Delivery]:
    # The endpoints as they are now (the cache may be a moment old): never a deleted one.
    enabled = set(
        Endpoint.objects.filter(
            pk__in=[found["pk"] for found in listening], is_enabled=True
        ).values_list("pk", flat=True)
    )
    now = timezone.now()
    deliveries = []
    for data, slack in happened:
        standard = envelope(event, data(), now)
        text = None
        for found in listening:
            if found["pk"] not in enabled:
                continue
            if found["format"] == EndpointFormat.SLACK:
                if slack is None:
                    continue
                if text is None:
                    with translation.override(settings.LANGUAGE_CODE):
                        text = slack()
                payload: dict[str, Any] = {"text": text}
            else:
                payload = standard
            deliveries.append(_delivery(found["pk"], event, payload, now))
    return deliveries


def _delivery(endpoint_id: int, event: str, payload: dict[str, Any], now: datetime) -> Delivery:
    """A delivery due now, under a message id of its own (the same at every attempt)."""
    return Delivery(
        endpoint_id=endpoint_id,
        message_id=new_message_id(),
        event=event,
        payload=payload,
        created_at=now,
        next_attempt_at=now,
    )


def send_test(endpoint: Endpoint) -> Delivery:
    """A test event for one endpoint (its "Send a test event" button), sent at once."""
    now = timezone.now()
    if endpoint.format == EndpointFormat.SLACK:
        with translation.override(settings.LANGUAGE_CODE):
            payload: dict[str, Any] = {"text": str(WebhookEvent.TEST.label)}
    else:
        payload = envelope(WebhookEvent.TEST, {"endpoint": endpoint.name}, now)
    delivery = _delivery(endpoint.pk, WebhookEvent.TEST, payload, now)
    _record([delivery])
    return delivery


def _record(deliveries: Iterable[Delivery]) -> int:
    created = Delivery.objects.bulk_create(list(deliveries))
    ids = [delivery.pk for delivery in created]
    if ids:
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
