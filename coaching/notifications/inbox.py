"""A person's notifications as they read them: the unread count in the header, marking
read, and clearing what the work itself has answered."""

from collections.abc import Iterable
from typing import cast

from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from coaching.common.names import display_name, mentioning, without_name
from coaching.common.types import User
from coaching.conf import coaching_settings
from coaching.notifications.models import READ_WHEN_SEEN, Notification

from .sending import unread_cache_key


def unread_count(user: User) -> int:
    """How many notifications the person has not opened. Cached until one is written for
    them or they read one (both clear it), so the header does not count on every page."""
    count = cache.get_or_set(
        unread_cache_key(user.pk),
        lambda: Notification.objects.for_recipient(user).unread().count(),
        coaching_settings.UNREAD_CACHE_SECONDS,
    )
    return cast(int, count)  # what the lambda counted, or what it counted before


def _read(unread: QuerySet[Notification], recipient_ids: Iterable[int]) -> None:
    """Mark `unread` read, in one UPDATE, and recount the badges of the people they are
    for: at once (this request's header), and again once the transaction commits, since
    a count another request cached in between would be the old one."""
    if not unread.update(read_at=timezone.now()):
        return
    keys = [unread_cache_key(recipient) for recipient in recipient_ids]
    cache.delete_many(keys)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete_many(keys))


def mark_read(user: User, notifications: QuerySet[Notification]) -> None:
    """Mark the person's own notifications among `notifications` as read."""
    _read(notifications.filter(recipient=user, read_at__isnull=True), [user.pk])


def mark_seen(user: User, urls: Iterable[str]) -> None:
    """The person opened a page their notifications link to: those that only tell (not a
    sign-off waiting, say) are read now, in one UPDATE. Nothing is written when the
    header's (cached) count says they have nothing unread."""
    if unread_count(user):
        mark_read(user, Notification.objects.filter(url__in=list(urls), kind__in=READ_WHEN_SEEN))


def clear(notifications: QuerySet[Notification]) -> None:
    """What `notifications` asked for is done (a task signed off, a goal checked in on):
    they are read for everyone who got them, in one UPDATE, and their badges recounted."""
    unread = notifications.filter(read_at__isnull=True)
    recipients = set(unread.values_list("recipient_id", flat=True))
    if recipients:
        _read(unread, recipients)


def forget(person: User, stand_in: str) -> None:
    """After an erasure: drop the person's own notifications, and put `stand_in` where
    their name appears in anyone else's."""
    Notification.objects.filter(recipient=person).delete()
    name = display_name(person)
    changed = []
    for notification in mentioning(Notification.objects.all(), "params", name).only("params"):
        notification.params = without_name(notification.params, {name}, stand_in)
        changed.append(notification)
    Notification.objects.bulk_update(changed, ["params"], batch_size=500)
