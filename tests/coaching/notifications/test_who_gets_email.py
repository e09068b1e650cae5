"""Who gets a notification by email: decided once, the same way when written and when sent."""

import pytest

from coaching.models import EmailStatus, Notification, NotificationKind
from coaching.notifications.delivery import wants_email
from coaching.notifications.sending import Notice, notify
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("email", "is_active", "muted", "expected"),
    [
        ("a@example.com", True, [], True),
        ("", True, [], False),
        ("a@example.com", False, [], False),
        ("a@example.com", True, [NotificationKind.FEEDBACK], False),
        ("a@example.com", True, None, True),
    ],
)
def test_wants_email(email, is_active, muted, expected):
    assert (
        wants_email(NotificationKind.FEEDBACK, email=email, is_active=is_active, muted_kinds=muted)
        is expected
    )


def test_a_deactivated_account_gets_no_email_queued(outbox, django_capture_on_commit_callbacks):
    person = builders.make_user("nadia", is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        notify([Notice(person.pk, NotificationKind.FEEDBACK, "entry:1", {"author": "Citra"})])

    assert Notification.objects.get().email_status == EmailStatus.NOT_WANTED
    assert outbox == []
