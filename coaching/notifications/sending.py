"""Writing notifications once, and emailing them: claimed by one sender, retried on failure.

`notify` writes the rows in the caller's transaction and hands their emails to a
background task once it commits. A row whose email could not be sent stays pending, with
the error and the time of the next try; `manage.py send_reminders` picks those up again,
so a full queue, a crashed worker or a mail server that is down never loses a message.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import islice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from coaching.languages import recipient_language
from coaching.models import EmailStatus, Notification

from .messages import message_for

logger = logging.getLogger(__name__)

EMAIL_ATTEMPTS = 5
# How long a sender may take before another may try the same email (a crashed worker).
CLAIM = timedelta(minutes=15)
EMAILS_PER_TASK = 100
# People looked up per query: a bulk assignment to 10,000 people takes one query each for
# their email settings and for the new rows' ids.
PEOPLE_PER_QUERY = 10_000


def batched(items, size):
    """`items` in lists of at most `size` (itertools.batched arrives in Python 3.12)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def retry_delay(attempts):
    """5, 10, 20, 40 minutes: a mail server that is down gets time to come back."""
    return timedelta(minutes=5 * 2 ** (attempts - 1))


@dataclass
class Notice:
    """A notification to write: for whom, what kind, the event it is about, and details."""

    recipient_id: int
    kind: str
    key: str
    params: dict = field(default_factory=dict)
    url: str = ""


def unread_cache_key(user_id):
    return f"coaching:notifications:unread:{user_id}"


def wants_email(kind, *, email, is_active, muted_kinds):
    """Whether a person gets `kind` by email: they have an address, their account is
    active, and they have not turned that kind off."""
    return bool(email) and is_active and kind not in (muted_kinds or ())


def _email_settings(notices):
    """Per recipient, what `wants_email` needs to know, in one query per 10,000 people."""
    User = get_user_model()
    found = {}
    for chunk in batched({notice.recipient_id for notice in notices}, PEOPLE_PER_QUERY):
        rows = User.objects.filter(pk__in=chunk).values_list(
            "pk", "email", "is_active", "preferences__muted_kinds"
        )
        for pk, email, is_active, muted_kinds in rows:
            found[pk] = {"email": email, "is_active": is_active, "muted_kinds": muted_kinds}
    return found


def _initial_status(notice, settings_of):
    person = settings_of.get(notice.recipient_id)
    if person is None or not wants_email(notice.kind, **person):
        return EmailStatus.NOT_WANTED
    return EmailStatus.PENDING


def notify(notices):
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


def _after_commit(new):
    """Once the notifications are visible to everyone: recount the badges, send emails."""
    cache.delete_many([unread_cache_key(recipient) for _pk, recipient, _s in new])
    enqueue_emails([pk for pk, _recipient, status in new if status == EmailStatus.PENDING])


def enqueue_emails(notification_ids):
    """Hand emails to the background worker. If the queue cannot take them, they stay
    pending in the database and the next reminder sweep sends them."""
    from coaching.tasks import send_notification_emails

    for chunk in batched(notification_ids, EMAILS_PER_TASK):
        try:
            send_notification_emails.enqueue(chunk)
        except Exception:
            logger.exception("Could not enqueue %s notification emails", len(chunk))


def _claim(pk, now):
    """Take the email for sending, if no other sender has it: True for one caller only."""
    return bool(
        Notification.objects.email_due(now)
        .filter(pk=pk)
        .update(
            email_status=EmailStatus.SENDING,
            email_attempts=F("email_attempts") + 1,
            email_next_attempt_at=now + CLAIM,
        )
    )


def site_url():
    return getattr(settings, "COACHING_SITE_URL", "") or getattr(
        settings, "WAGTAILADMIN_BASE_URL", ""
    )


def build_email(notification):
    """The notification as an email, in plain text and HTML, in the recipient's language."""
    recipient = notification.recipient
    with translation.override(recipient_language(recipient)):
        message = message_for(notification)
        context = {
            "recipient": recipient,
            "message": message,
            "url": site_url() + notification.url if notification.url else "",
            "preferences_url": site_url() + reverse("coaching:preferences"),
        }
        text = render_to_string("coaching/email/notification.txt", context)
        html = render_to_string("coaching/email/notification.html", context)
    email = EmailMultiAlternatives(
        subject=" ".join(message.subject.split()), body=text, to=[recipient.email]
    )
    email.attach_alternative(html, "text/html")
    return email


def deliver(pk):
    """Send one notification's email, once. Returns True if this call sent it."""
    now = timezone.now()
    if not _claim(pk, now):
        return False
    notification = Notification.objects.select_related("recipient", "recipient__preferences").get(
        pk=pk
    )
    mine = Notification.objects.filter(pk=pk, email_status=EmailStatus.SENDING)
    if not _still_wanted(notification):
        mine.update(email_status=EmailStatus.NOT_WANTED, email_next_attempt_at=None)
        return False
    try:
        build_email(notification).send()
    except Exception as error:
        attempts = notification.email_attempts
        gave_up = attempts >= EMAIL_ATTEMPTS
        logger.warning("Notification %s email attempt %s failed: %s", pk, attempts, error)
        mine.update(
            email_status=EmailStatus.FAILED if gave_up else EmailStatus.PENDING,
            email_next_attempt_at=None if gave_up else now + retry_delay(attempts),
            email_last_error=str(error)[:500],
        )
        return False
    mine.update(
        email_status=EmailStatus.SENT,
        emailed_at=timezone.now(),
        email_next_attempt_at=None,
        email_last_error="",
    )
    return True


def _still_wanted(notification):
    recipient = notification.recipient
    preferences = getattr(recipient, "preferences", None)
    return wants_email(
        notification.kind,
        email=recipient.email,
        is_active=recipient.is_active,
        muted_kinds=preferences.muted_kinds if preferences is not None else (),
    )
