"""The invitation a new hire gets: a link to choose their password (Django's password-reset
tokens: it works once, and for PASSWORD_RESET_TIMEOUT), emailed by a background task once
the hire is saved, in the new hire's language, to the site they will use."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_tasks import task

from coaching.account.languages import recipient_language
from coaching.account.sites import site_url_for
from coaching.audit import trail
from coaching.audit.models import CoachingLogEntry
from coaching.common.types import User
from coaching.people.models import TraineeProfile

# A second invitation within this many minutes is a double click: it is not sent.
RESEND_AFTER_MINUTES = 2


def set_password_path(person: User) -> str:
    return reverse(
        "coaching:set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": default_token_generator.make_token(person),
        },
    )


def build_invitation(person: User) -> EmailMultiAlternatives:
    site_url = site_url_for(person)
    profile = TraineeProfile.objects.filter(user=person).first()
    with translation.override(recipient_language(person)):
        context = {
            "person": person,
            "profile": profile,
            "url": site_url + set_password_path(person),
            "sign_in_url": site_url + reverse("coaching:sign_in"),
            "days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
        }
        subject = _("Welcome aboard: choose your password")
        text = render_to_string("coaching/people/invitation.txt", context)
        html = render_to_string("coaching/people/invitation.html", context)
    email = EmailMultiAlternatives(subject=subject, body=text, to=[person.email])
    email.attach_alternative(html, "text/html")
    return email


@task()
def send_invitation(person_id: int) -> bool:
    """Email the invitation, unless the person has chosen a password meanwhile."""
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    if person is None or not may_invite(person):
        return False
    build_invitation(person).send()
    return True


def may_invite(person: User) -> bool:
    """Whether an invitation still means something: an active account with no password."""
    return person.is_active and not person.has_usable_password() and bool(person.email)


def invite_again(profile: TraineeProfile, *, by: User | None) -> bool:
    """A new invitation (the last one expired, or got lost), unless the person has chosen a
    password or one was sent a moment ago (a double click, a second tab). True if sent."""
    with transaction.atomic():
        # One request at a time per person: the second waits here for the first to commit,
        # then sees its log entry. The lock is taken by a write that changes nothing, before
        # any read: on PostgreSQL it locks the person's row as SELECT FOR UPDATE would; on
        # SQLite (where FOR UPDATE is ignored) it takes the database's write lock, which two
        # transactions that had both read could not both get ("database is locked").
        user_model = get_user_model()
        person_row = user_model.objects.filter(pk=profile.user_id)
        person_row.update(**{user_model.USERNAME_FIELD: F(user_model.USERNAME_FIELD)})
        person = person_row.get()
        just_sent = CoachingLogEntry.objects.filter(
            trainee_id=person.pk,
            action="coaching.invite",
            timestamp__gte=timezone.now() - timedelta(minutes=RESEND_AFTER_MINUTES),
        )
        if not may_invite(person) or just_sent.exists():
            return False
        invite(profile, by=by)
    return True


def invite(profile: TraineeProfile, *, by: User | None) -> None:
    """Log the invitation and send it once the caller's transaction commits."""
    person_id = profile.user_id
    trail.record(profile, "coaching.invite", by=by, trainee_id=person_id)
    transaction.on_commit(lambda: send_invitation.enqueue(person_id))
