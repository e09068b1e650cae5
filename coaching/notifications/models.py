"""Notifications: what the product tells a person, in the portal and (if they want) by email.

A notification is written once per event: `key` names the event ("assignment:12",
"due-soon:12:2026-12-01"), unique per recipient, so a retry, a second sweep or two servers
sweeping at once add nothing. The email is a state on the row: claimed by one sender at a
time, retried with a pause when sending fails, and never the only copy of the message.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    ASSIGNED = "assigned", _("A learning path is assigned to me")
    DUE_SOON = "due_soon", _("A path of mine is due soon")
    OVERDUE = "overdue", _("A path of mine is overdue")
    OVERDUE_DIGEST = "overdue_digest", _("Weekly digest of my new hires' overdue paths")
    SIGN_OFF = "sign_off", _("A practical task waits for my sign-off")
    FEEDBACK = "feedback", _("I receive feedback")
    RECOGNITION = "recognition", _("I receive recognition")
    GOAL_CHECK_IN = "goal_check_in", _("A check-in on one of my goals is due")
    ONE_ON_ONE = "one_on_one", _("A 1:1 check-in is coming up")
    ONE_ON_ONE_PLANNED = "one_on_one_planned", _("Someone plans a 1:1 check-in with me")
    ONE_ON_ONE_MOVED = "one_on_one_moved", _("A 1:1 or check-in with me moves")
    ONE_ON_ONE_CANCELLED = "one_on_one_cancelled", _("A 1:1 or check-in with me is cancelled")
    ATTEMPTS_GRANTED = "attempts_granted", _("My coach gives me more attempts at a check")
    STEP_WAIVED = "step_waived", _("My coach waives a step of my path")
    TASK_SIGNED_OFF = "task_signed_off", _("My coach signs off a practical task of mine")
    TASK_SENT_BACK = "task_sent_back", _("My coach sends a practical task of mine back")
    READ_AGAIN = (
        "read_again",
        _("A module I completed changes, or my coach asks me to read it again"),
    )
    REVIEW_DUE = "review_due", _("Onboarding content I keep up to date is due for review")
    BUDDY_QUESTION = "buddy_question", _("A new hire I am the buddy of asks me a question")
    BUDDY_ANSWER = "buddy_answer", _("My buddy answers my question")


# Who each kind can be for: coaches are told of their new hires' work, new hires of their
# paths. The other kinds are for anyone with a record (feedback, recognition, goals, 1:1s).
FOR_COACHES = frozenset({NotificationKind.OVERDUE_DIGEST, NotificationKind.SIGN_OFF})
FOR_NEW_HIRES = frozenset(
    {
        NotificationKind.ASSIGNED,
        NotificationKind.DUE_SOON,
        NotificationKind.OVERDUE,
        NotificationKind.ATTEMPTS_GRANTED,
        NotificationKind.STEP_WAIVED,
        NotificationKind.READ_AGAIN,
        NotificationKind.TASK_SIGNED_OFF,
        NotificationKind.TASK_SENT_BACK,
        NotificationKind.BUDDY_ANSWER,
    }
)
# For buddies only (coaching.buddies): a new hire's question waits for their answer.
FOR_BUDDIES = frozenset({NotificationKind.BUDDY_QUESTION})
# The kinds that only tell: read once their page is opened. The others ask for something
# (a sign-off, a goal's check-in, the digest's overdue paths) and are read when it is done,
# or when the person opens the notification itself.
READ_WHEN_SEEN = (
    frozenset(NotificationKind) - FOR_COACHES - FOR_BUDDIES - {NotificationKind.GOAL_CHECK_IN}
)


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Gave up after several tries")
    NOT_WANTED = "not_wanted", _("Not sent: turned off, or no email address")


class NotificationQuerySet(models.QuerySet):
    def for_recipient(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def email_due(self, now=None):
        """Emails to send now: new ones, ones waiting to be retried, and ones whose sender
        stopped midway (claimed, but not finished by the time the claim ran out)."""
        now = now or timezone.now()
        return self.filter(
            email_status__in=[EmailStatus.PENDING, EmailStatus.SENDING],
            email_next_attempt_at__lte=now,
        )


class Notification(models.Model):
    """One thing a person is told: shown in the portal, and emailed unless turned off."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    key = models.CharField(_("event"), max_length=200)
    # What the message says, as data: names and titles as they were, dates as ISO strings.
    # Words are added when it is shown, in the reader's language.
    params = models.JSONField(_("details"), default=dict)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    email_status = models.CharField(
        _("email"), max_length=12, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    email_attempts = models.PositiveSmallIntegerField(_("email attempts"), default=0)
    email_next_attempt_at = models.DateTimeField(
        _("next email attempt"), null=True, blank=True, default=timezone.now
    )
    email_last_error = models.CharField(_("last email error"), max_length=500, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], name="coaching_notification_once_per_event"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="coaching_notification_unread",
            ),
            models.Index(fields=["email_status", "email_next_attempt_at"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.recipient_id}"
