"""With django-tasks-db, emails wait in the database until a `db_worker` process sends them."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from coaching.models import EmailStatus, Notification
from tests import builders

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# Committed for real: the worker closes connections that are inside a test's transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_process_sends_the_email_after_the_request(outbox):
    portal = builders.make_portal()
    learning_path = builders.make_path(steps=[builders.make_module(portal)])
    trainee = builders.make_trainee("nadia")

    with override_settings(TASKS=DATABASE_TASKS):
        builders.assign(learning_path, trainee)
        assert DBTaskResult.objects.count() == 1  # queued once the transaction committed
        assert outbox == []

        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    assert Notification.objects.get().email_status == EmailStatus.SENT
    assert [email.to for email in outbox] == [[trainee.email]]
