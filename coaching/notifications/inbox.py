"""A person's notifications as they read them: the unread count in the header, marking read."""

import json
from typing import cast

from django.core.cache import cache
from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from coaching.common.names import display_name
from coaching.common.types import JSON, User
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
    as_text = Cast("params", TextField())
    # JSON text may keep non-ASCII letters as they are or escape them (\u00e9): try both.
    mentions = Notification.objects.annotate(as_text=as_text).filter(
        Q(as_text__contains=name) | Q(as_text__contains=json.dumps(name)[1:-1])
    )
    changed = []
    for notification in mentions.only("params"):
        notification.params = _replace(notification.params, name, stand_in)
        changed.append(notification)
    Notification.objects.bulk_update(changed, ["params"], batch_size=500)


def _replace(value: JSON, name: str, stand_in: str) -> JSON:
    if isinstance(value, dict):
        return {key: _replace(item, name, stand_in) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace(item, name, stand_in) for item in value]
    return stand_in if value == name else value
