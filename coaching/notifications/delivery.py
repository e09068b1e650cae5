"""Emailing a notification: claimed by one sender, retried on failure, never lost.

A row whose email could not be sent stays pending, with the error and the time of the
next try; `manage.py send_reminders` picks those up again, so a mail server that is down
never loses a message.
"""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from coaching.account.languages import recipient_language
from coaching.account.sites import site_url_for
from coaching.calendars.invites import attach_invite
from coaching.conf import coaching_settings
from coaching.notifications.messages import message_for
from coaching.notifications.models import EmailStatus, Notification

logger = logging.getLogger(__name__)


def retry_delay(attempts: int) -> timedelta:
    """5, 10, 20, 40 minutes: a mail server that is down gets time to come back."""
    return timedelta(minutes=5 * 2 ** (attempts - 1))


def wants_email(
    kind: str, *, email: str, is_active: bool, muted_kinds: Iterable[str] | None
) -> bool:
    """Whether a person gets `kind` by email: they have an address, their account is
    active, and they have not turned that kind off."""
    return bool(email) and is_active and kind not in (muted_kinds or ())


def _claim(pk: int, now: datetime) -> bool:
    """Take the email for sending, if no other sender has it: True for one caller only."""
    return bool(
        Notification.objects.email_due(now)
        .filter(pk=pk)
        .update(
            email_status=EmailStatus.SENDING,
            email_attempts=F("email_attempts") + 1,
            email_next_attempt_at=now + timedelta(minutes=coaching_settings.EMAIL_CLAIM_MINUTES),
        )
    )


def build_email(notification: Notification) -> EmailMultiAlternatives:
    """The notification as an email, in plain text and HTML, in the recipient's language."""
    recipient = notification.recipient
    site_url = site_url_for(recipient)
    with translation.override(recipient_language(recipient)):
        message = message_for(notification)
        url = site_url + notification.url if notification.url else ""
        context = {
            "recipient": recipient,
            "message": message,
            "url": url,
            "preferences_url": site_url + reverse("coaching:preferences"),
        }
        text = render_to_string("coaching/notifications/email/notification.txt", context)
        html = render_to_string("coaching/notifications/email/notification.html", context)
        email = EmailMultiAlternatives(
            subject=" ".join(message.subject.split()), body=text, to=[recipient.email]
        )
        email.attach_alternative(html, "text/html")
        # A 1:1 or a check-in comes with its calendar invite, in the recipient's words.
        attach_invite(email, notification, message, url)
    return email


def deliver(pk: int) -> bool:
    """Send one notification's email, once. Returns True if this call sent it."""
    now = timezone.now()
    if not _claim(pk, now):
        return False
    notification = Notification.objects.select_related(
        "recipient", "recipient__preferences__site", "recipient__wagtail_userprofile"
    ).get(pk=pk)
    mine = Notification.objects.filter(pk=pk, email_status=EmailStatus.SENDING)
    if not _still_wanted(notification):
        mine.update(email_status=EmailStatus.NOT_WANTED, email_next_attempt_at=None)
        return False
    try:
        build_email(notification).send()
    except Exception as error:
        attempts = notification.email_attempts
        gave_up = attempts >= coaching_settings.EMAIL_ATTEMPTS
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


def _still_wanted(notification: Notification) -> bool:
    recipient = notification.recipient
    preferences = getattr(recipient, "preferences", None)
    return wants_email(
        notification.kind,
        email=recipient.email,
        is_active=recipient.is_active,
        muted_kinds=preferences.muted_kinds if preferences is not None else (),
    )
