"""One attempt at a webhook delivery: signed the Standard Webhooks way, POSTed to the
endpoint's URL only (no redirect is followed), within a timeout, and never to an address
of the site's own network unless the site's administrator allows it (SSRF)."""

import ipaddress
import json
import socket
from datetime import UTC, datetime, timedelta
from http.client import HTTPConnection, HTTPSConnection
from typing import Any
from urllib.parse import urlsplit

from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from coaching.conf import coaching_settings
from coaching.webhooks.models import RETRY_AFTER, Delivery, DeliveryStatus, Endpoint

# How long a worker holds a delivery it is sending, so that two never send it at once.
SENDING_LEASE_SECONDS = 300
USER_AGENT = "onboarding-coaching-webhooks/1"


class RefusedAddress(OSError):
    """The endpoint's host is at an address the site has not allowed."""


def address_allowed(address: str) -> bool:
    """A public address, or one in COACHING_WEBHOOK_ALLOWED_NETWORKS (none by default):
    never the site's own machine or its internal network unless the site admin says so."""
    ip = ipaddress.ip_address(address.split("%")[0])
    allowed = coaching_settings.WEBHOOK_ALLOWED_NETWORKS
    if any(ip in ipaddress.ip_network(network) for network in allowed):
        return True
    return ip.is_global and not ip.is_multicast


def _checked_connection(
    address: tuple[str, int], timeout: Any = None, source_address: Any = None
) -> socket.socket:
    """socket.create_connection to the endpoint's host, at an allowed address only: the
    name is resolved once, the addresses not allowed are dropped before anything connects,
    and the connection is made to the address checked (so a name that resolves elsewhere
    a second time, DNS rebinding, gains nothing)."""
    host, port = address
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    allowed = [info[4] for info in found if address_allowed(str(info[4][0]))]
    if not allowed:
        raise RefusedAddress(f"{host} is at an address that is not allowed")
    failed: OSError | None = None
    for sockaddr in allowed:
        try:
            return socket.create_connection((str(sockaddr[0]), port), timeout, source_address)
        except OSError as error:
            failed = error
    assert failed is not None
    raise failed


def _post(url: str, body: bytes, headers: dict[str, str]) -> int:
    """POST to `url` itself (no redirect is followed), within the timeout; its status."""
    parts = urlsplit(url)
    timeout = coaching_settings.WEBHOOK_TIMEOUT_SECONDS
    connection_class = HTTPSConnection if parts.scheme == "https" else HTTPConnection
    connection = connection_class(parts.hostname or "", parts.port, timeout=timeout)
    connection._create_connection = _checked_connection  # type: ignore[attr-defined]
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        response.read(65536)
        return response.status
    finally:
        connection.close()


def signed_headers(endpoint: Endpoint, delivery: Delivery, body: str, at: datetime) -> dict:
    signature = Webhook(endpoint.secret).sign(delivery.message_id, at, body)
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
    }


def deliver(pk: int) -> bool:
    """One attempt at a delivery that is due; True if the endpoint took it (2xx)."""
    now = timezone.now()
    lease = now + timedelta(seconds=SENDING_LEASE_SECONDS)
    claimed = Delivery.objects.filter(pk=pk).due().update(next_attempt_at=lease)
    if not claimed:
        return False  # sent already, given up, not due, or another worker has it
    delivery = Delivery.objects.select_related("endpoint").get(pk=pk)
    endpoint = delivery.endpoint
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":"))
    at = datetime.now(UTC)
    status, error, give_up = None, "", False
    try:
        status = _post(endpoint.url, body.encode(), signed_headers(endpoint, delivery, body, at))
    except RefusedAddress as refused:
        error, give_up = str(refused), True  # trying again changes nothing
    except (OSError, ValueError) as failed:
        error = f"{type(failed).__name__}: {failed}"
    return _attempted(delivery, status, error, give_up)


def _attempted(delivery: Delivery, status: int | None, error: str, give_up: bool) -> bool:
    now = timezone.now()
    attempts = delivery.attempts + 1
    taken = status is not None and 200 <= status < 300
    if taken:
        state, next_at = DeliveryStatus.DELIVERED, None
    elif give_up or attempts > len(RETRY_AFTER):
        state, next_at = DeliveryStatus.GIVEN_UP, None
    else:
        state, next_at = DeliveryStatus.RETRYING, now + RETRY_AFTER[attempts - 1]
    if status is not None and not taken:
        error = f"HTTP {status}"
    Delivery.objects.filter(pk=delivery.pk).update(
        status=state,
        attempts=attempts,
        last_attempt_at=now,
        last_status_code=status,
        last_error=error[:300],
        next_attempt_at=next_at,
    )
    return taken
