"""Writing notifications once, and handing their emails to the background worker.

`notify` writes the rows in the caller's transaction and hands their emails to a
background task (`tasks`) once it commits; `delivery` sends each one. A row whose email
could not be handed over stays pending; `manage.py send_reminders` picks it up again, so a
full queue or a crashed worker never loses a message.
"""

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypedDict, TypeVar

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from coaching.notifications.delivery import wants_email
from coaching.notifications.models import EmailStatus, Notification
from coaching.notifications.tasks import send_notification_emails

logger = logging.getLogger(__name__)

EMAILS_PER_TASK = 100
# People looked up per query: a bulk assignment to 10,000 people takes one query each for
# their email settings and for the new rows' ids.
PEOPLE_PER_QUERY = 10_000

Item = TypeVar("Item")


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """`items` in lists of at most `size` (itertools.batched arrives in Python 3.12)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass
class Notice:
    """A notification to write: for whom, what kind, the event it is about, and details."""

    recipient_id: int
    kind: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)  # what Notification.params keeps
    url: str = ""


class EmailSettings(TypedDict):
    """What `delivery.wants_email` needs to know about a person."""

    email: str
    is_active: bool
    muted_kinds: list[str] | None


def unread_cache_key(user_id: int) -> str:
    return f"coaching:notifications:unread:{user_id}"


def _email_settings(notices: list[Notice]) -> dict[int, EmailSettings]:
    """Per recipient, what `wants_email` needs to know, in one query per 10,000 people."""
    User = get_user_model()
    found: dict[int, EmailSettings] = {}
    for chunk in batched({notice.recipient_id for notice in notices}, PEOPLE_PER_QUERY):
        rows = User.objects.filter(pk__in=chunk).values_list(
            "pk", "email", "is_active", "preferences__muted_kinds"
        )
        for pk, email, is_active, muted_kinds in rows:
            found[pk] = {"email": email, "is_active": is_active, "muted_kinds": muted_kinds}
    return found


def _initial_status(notice: Notice, settings_of: dict[int, EmailSettings]) -> EmailStatus:
    person = settings_of.get(notice.recipient_id)
    if person is None or not wants_email(notice.kind, **person):
        return EmailStatus.NOT_WANTED
    return EmailStatus.PENDING


def notify(notices: Iterable[Notice]) -> int:
    """Write each notice once (per recipient and event) and email the new ones after the
    transaction commits. Returns how many were new."""
    notices = list(notices)
    if not notices:
        return 0
    now = timezone.now()
    settings_of = _email_settings(notices)
    rows = [
        Notification(
            recipient_id=notice.recipient_id,
            kind=notice.kind,
            key=notice.key,
            params=notice.params,
            url=notice.url,
            created_at=now,
            email_status=_initial_status(notice, settings_of),
            email_next_attempt_at=now,
        )
        for notice in notices
    ]
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        # The rows this call wrote carry its timestamp; rows that already existed do not.
        new = [
            row
            for chunk in batched({notice.recipient_id for notice in notices}, PEOPLE_PER_QUERY)
            for row in Notification.objects.filter(recipient_id__in=chunk, created_at=now)
            .order_by()
            .values_list("pk", "recipient_id", "email_status")
        ]
        transaction.on_commit(lambda: _after_commit(new))
    return len(new)


def _after_commit(new: list[tuple[int, int, str]]) -> None:
    """Once the notifications are visible to everyone: recount the badges, send emails."""
    cache.delete_many([unread_cache_key(recipient) for _pk, recipient, _s in new])
    enqueue_emails([pk for pk, _recipient, status in new if status == EmailStatus.PENDING])


def enqueue_emails(notification_ids: Iterable[int]) -> None:
    """Hand emails to the background worker. If the queue cannot take them, they stay
    pending in the database and the next reminder sweep sends them."""
    for chunk in batched(notification_ids, EMAILS_PER_TASK):
        try:
            send_notification_emails.enqueue(chunk)
        except Exception:
            logger.exception("Could not enqueue %s notification emails", len(chunk))
