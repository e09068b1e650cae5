"""Each event reaches a registered endpoint, signed the Standard Webhooks way (checked by
the receiver with the Standard Webhooks library), after the transaction commits; payloads
carry only what the event needs; an event nobody hears of costs nothing."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from coaching.learning.progress import complete_module, sign_off, submit_task
from coaching.models import Delivery, Recognition
from coaching.notifications.reminders import sweep
from coaching.record.writing import write_entry
from coaching.webhooks.delivery import deliver
from coaching.webhooks.models import DeliveryStatus, Endpoint, EndpointFormat, WebhookEvent
from coaching.webhooks.sending import emit
from tests import builders
from tests.coaching.record import make

pytestmark = pytest.mark.django_db


def test_a_new_hires_path_sends_each_event_signed(
    portal, endpoint, receiver, django_capture_on_commit_callbacks
):
    _, secret = endpoint
    coach = builders.make_user("citra")
    with django_capture_on_commit_callbacks(execute=True):
        nadia = builders.make_trainee("nadia", coach=coach)
    learning_path = builders.make_path(steps=[builders.make_module(portal), "Shadow a call"])
    with django_capture_on_commit_callbacks(execute=True):
        assignment = builders.assign(learning_path, nadia, by=coach)
    module, task = builders.steps_of(assignment)
    with django_capture_on_commit_callbacks(execute=True):
        complete_module(assignment, module)
    with django_capture_on_commit_callbacks(execute=True):
        submit_task(assignment, task, "Done, with notes for my coach only.")
    with django_capture_on_commit_callbacks(execute=True):
        sign_off(assignment, task, coach=coach, comment="Private words for Nadia.")

    assert receiver.types(secret) == [
        "person.created",
        "path.assigned",
        "step.completed",
        "task.submitted",
        "step.completed",
        "path.completed",
        "task.signed_off",
    ]
    payloads = receiver.verified(secret)
    assigned = payloads[1]["data"]
    assert assigned["person"]["username"] == "nadia" and assigned["path"]["version"] == 1
    assert payloads[2]["data"]["step"]["number"] == 1
    assert payloads[5]["data"]["status"] == "completed" and payloads[5]["version"] == 1
    everything = str(receiver.bodies())
    assert "notes for my coach" not in everything and "Private words" not in everything
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.DELIVERED}
    headers = receiver.received[0][0]
    assert headers["webhook-id"].startswith("msg_") and headers["webhook-signature"].startswith(
        "v1,"
    )


def test_a_tampered_payload_fails_the_receivers_check(endpoint, receiver):
    _, secret = endpoint
    emit(WebhookEvent.PERSON_CREATED, lambda: {"person": {"id": 1}})

    deliver(Delivery.objects.get().pk)

    headers, body = receiver.received[0]
    assert Webhook(secret).verify(body, headers)["data"] == {"person": {"id": 1}}
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body.replace('"id":1', '"id":2'), headers)


def test_only_public_recognition_is_sent(endpoint, receiver, django_capture_on_commit_callbacks):
    _, secret = endpoint
    nadia, citra = builders.make_trainee("nadia"), builders.make_user("citra")
    value = make.value()
    with django_capture_on_commit_callbacks(execute=True):
        write_entry(
            Recognition(value=value, message="Kept calm on a hard call.", is_public=True),
            trainee=nadia,
            author=citra,
        )
        write_entry(
            Recognition(value=value, message="Between us: thank you.", is_public=False),
            trainee=nadia,
            author=citra,
        )

    payloads = [p for p in receiver.verified(secret) if p["type"] == "recognition.given"]
    assert len(payloads) == 1
    assert payloads[0]["data"]["message"] == "Kept calm on a hard call."
    assert "Between us" not in str(receiver.bodies())


def test_a_slack_endpoint_gets_messages_for_the_events_that_have_one(
    receiver, django_capture_on_commit_callbacks
):
    Endpoint.objects.create(
        name="#kudos",
        url=receiver.url,
        format=EndpointFormat.SLACK,
        events=["recognition.given", "step.completed"],
        secret="whsec_" + "A" * 44,
    )
    nadia, citra = builders.make_trainee("nadia"), builders.make_user("citra")
    with django_capture_on_commit_callbacks(execute=True):
        write_entry(
            Recognition(value=make.value(), message="Kept calm.", is_public=True),
            trainee=nadia,
            author=citra,
        )
        emit(WebhookEvent.STEP_COMPLETED, lambda: {})  # no message: not for Slack

    assert receiver.bodies() == [{"text": "Citra recognised Nadia for “One team”: Kept calm."}]


def test_a_slack_message_never_mentions_the_channel_or_links(
    receiver, django_capture_on_commit_callbacks
):
    Endpoint.objects.create(
        name="#kudos",
        url=receiver.url,
        format=EndpointFormat.SLACK,
        events=["recognition.given"],
        secret="whsec_" + "A" * 44,
    )
    with django_capture_on_commit_callbacks(execute=True):
        write_entry(
            Recognition(
                value=make.value(), message="<!channel> <https://x.test|win>", is_public=True
            ),
            trainee=builders.make_trainee("nadia"),
            author=builders.make_user("citra"),
        )

    (text,) = [body["text"] for body in receiver.bodies()]
    assert "&lt;!channel&gt; &lt;https://x.test|win&gt;" in text and "<" not in text


def test_an_event_nobody_hears_of_costs_no_query(db, django_assert_num_queries):
    emit(WebhookEvent.STEP_COMPLETED, lambda: {})  # the endpoints are read and cached

    with django_assert_num_queries(0):
        assert emit(WebhookEvent.STEP_COMPLETED, lambda: 1 / 0) == 0  # data is never built


def test_a_person_deactivated_is_sent_once(endpoint, receiver, django_capture_on_commit_callbacks):
    _, secret = endpoint
    person = builders.make_user("omar")
    with django_capture_on_commit_callbacks(execute=True):
        person.is_active = False
        person.save()
        person.save()  # inactive already: nothing more
        get_user_model().objects.get(pk=person.pk).save(update_fields=["last_login"])

    assert receiver.types(secret) == ["person.deactivated"]


def test_an_overdue_path_is_sent_once_per_due_date(
    portal, endpoint, receiver, django_capture_on_commit_callbacks
):
    _, secret = endpoint
    learning_path = builders.make_path(steps=[builders.make_module(portal)])
    builders.assign(
        learning_path,
        builders.make_trainee("nadia"),
        due_on=timezone.localdate() - timedelta(days=1),
    )
    Delivery.objects.all().delete()
    receiver.received.clear()

    with django_capture_on_commit_callbacks(execute=True):
        sweep()
        sweep()

    assert receiver.types(secret) == ["path.overdue"]
    assert receiver.verified(secret)[0]["data"]["person"]["username"] == "nadia"
