"""A person's notifications as they read them: the unread count in the header, marking read."""

from typing import cast

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone

from coaching.common.names import display_name, mentioning, without_name
from coaching.common.types import User
from coaching.conf import coaching_settings
from coaching.notifications.models import Notification

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


def mark_read(user: User, notifications: QuerySet[Notification]) -> None:
    """Mark the person's own notifications among `notifications` as read."""
    notifications.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    cache.delete(unread_cache_key(user.pk))


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
