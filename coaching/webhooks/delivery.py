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

from django.db.models import F
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from coaching.conf import coaching_settings
from coaching.webhooks.models import RETRY_AFTER, Delivery, DeliveryStatus, Endpoint

# How long a worker holds a delivery it is sending, so that two never send it at once.
SENDING_LEASE_SECONDS = 300
USER_AGENT = "onboarding-coaching-webhooks/1"


class RefusedAddress(OSError):
    """The endpoint's host is at an address the site has not allowed."""


# IPv6 ranges that carry an IPv4 address inside (NAT64, 6to4): the IPv4 one is checked.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def address_allowed(address: str) -> bool:
    """A public address, or one in COACHING_WEBHOOK_ALLOWED_NETWORKS (none by default):
    never the site's own machine or its internal network unless the site admin says so,
    nor an IPv6 address that carries such an IPv4 one (mapped, 6to4, NAT64)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    allowed = coaching_settings.WEBHOOK_ALLOWED_NETWORKS
    if any(ip in ipaddress.ip_network(network) for network in allowed):
        return True
    if isinstance(ip, ipaddress.IPv6Address):
        inside = ip.ipv4_mapped or ip.sixtofour
        if inside is None and ip in NAT64:
            inside = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inside is not None and not address_allowed(str(inside)):
            return False
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
    port = parts.port or (443 if parts.scheme == "https" else 80)
    connection = connection_class(parts.hostname or "", port, timeout=timeout)
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
    """One attempt at a delivery that is due; True if the endpoint took it (2xx). Never
    raises: whatever goes wrong is the delivery's last error, and it is tried again."""
    now = timezone.now()
    lease = now + timedelta(seconds=SENDING_LEASE_SECONDS)
    # One table, so that of two workers at once only one claims it (the attempt counts now:
    # one that dies midway is not tried for ever).
    claimed = Delivery.objects.filter(
        pk=pk,
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING],
        next_attempt_at__lte=now,
    ).update(next_attempt_at=lease, attempts=F("attempts") + 1)
    if not claimed:
        return False  # sent already, given up, not due, or another worker has it
    delivery = Delivery.objects.select_related("endpoint").get(pk=pk)
    endpoint = delivery.endpoint
    if not endpoint.is_enabled:
        # Turned off: what was waiting is given up, not sent in a burst when it is back on.
        return _attempted(delivery, lease, None, "The endpoint is turned off.", give_up=True)
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":"))
    at = datetime.now(UTC)
    status, error, give_up = None, "", False
    try:
        status = _post(endpoint.url, body.encode(), signed_headers(endpoint, delivery, body, at))
    except RefusedAddress as refused:
        error, give_up = str(refused), True  # trying again changes nothing
    except Exception as failed:
        error = f"{type(failed).__name__}: {failed}"
    return _attempted(delivery, lease, status, error, give_up)


def _attempted(
    delivery: Delivery, lease: datetime, status: int | None, error: str, give_up: bool
) -> bool:
    now = timezone.now()
    taken = status is not None and 200 <= status < 300
    if taken:
        state, next_at = DeliveryStatus.DELIVERED, None
    elif give_up or delivery.attempts > len(RETRY_AFTER):
        state, next_at = DeliveryStatus.GIVEN_UP, None
    else:
        state, next_at = DeliveryStatus.RETRYING, now + RETRY_AFTER[delivery.attempts - 1]
    if status is not None and not taken:
        error = f"HTTP {status}"
    # Only while this attempt still holds it: a slow answer past the lease is not written
    # over the attempt that followed.
    Delivery.objects.filter(pk=delivery.pk, next_attempt_at=lease).update(
        status=state,
        last_attempt_at=now,
        last_status_code=status,
        last_error=error[:300],
        next_attempt_at=next_at,
    )
    return taken
