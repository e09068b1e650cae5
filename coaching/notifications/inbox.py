"""A person's notifications as they read them: the unread count in the header, marking read."""

from django.core.cache import cache
from django.utils import timezone

from coaching.models import Notification

from .sending import unread_cache_key

UNREAD_SECONDS = 60 * 60


def unread_count(user):
    """How many notifications the person has not opened. Cached until one is written for
    them or they read one (both clear it), so the header does not count on every page."""
    return cache.get_or_set(
        unread_cache_key(user.pk),
        lambda: Notification.objects.for_recipient(user).unread().count(),
        UNREAD_SECONDS,
    )


def mark_read(user, notifications):
    """Mark the person's own notifications among `notifications` as read."""
    notifications.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    cache.delete(unread_cache_key(user.pk))
