"""Delivering: a dead endpoint never breaks the page that caused the event; a failed
delivery is tried again later, waiting longer each time, then given up; nothing is sent
to an address of the site's own network unless the site's administrator allows it."""

import socket
import threading
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from coaching.models import Delivery
from coaching.webhooks.delivery import address_allowed, deliver
from coaching.webhooks.models import RETRY_AFTER, DeliveryStatus, Endpoint, WebhookEvent
from coaching.webhooks.sending import emit, retry_due
from tests import builders

from .receiver import Receiver

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_endpoint(url, events=("step.completed",)):
    cache.clear()
    endpoint = Endpoint(name="Dead", url=url, events=list(events))
    endpoint.new_secret()
    endpoint.save()
    return endpoint


def test_a_dead_endpoint_never_breaks_the_page(
    portal, client, settings, django_capture_on_commit_callbacks
):
    settings.COACHING_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    make_endpoint(f"http://127.0.0.1:{closed_port()}/")
    assignment = builders.assign(
        builders.make_path(steps=[builders.make_module(portal)]), builders.make_trainee()
    )
    client.force_login(assignment.trainee)
    step = builders.steps_of(assignment)[0]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("coaching:complete_module", args=[assignment.pk, 1]), {"step_key": step.key}
        )

    assert response.status_code == 302
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING and delivery.attempts == 1
    assert "ConnectionRefusedError" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now() + RETRY_AFTER[0] - timedelta(seconds=5)


def test_a_failing_delivery_backs_off_then_is_given_up(settings):
    settings.COACHING_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    failing = Receiver(status=500)
    try:
        make_endpoint(failing.url)
        emit(WebhookEvent.STEP_COMPLETED, lambda: {"n": 1})
        delivery = Delivery.objects.get()
        waits = []
        for _ in range(len(RETRY_AFTER) + 1):
            Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
            before = timezone.now()
            assert deliver(delivery.pk) is False
            delivery.refresh_from_db()
            if delivery.next_attempt_at:
                waits.append(delivery.next_attempt_at - before)
    finally:
        failing.close()

    assert delivery.status == DeliveryStatus.GIVEN_UP and delivery.last_error == "HTTP 500"
    assert delivery.attempts == len(RETRY_AFTER) + 1 == len(failing.received)
    assert waits == sorted(waits)  # longer each time
    assert len({headers["webhook-id"] for headers, _ in failing.received}) == 1  # one message
    assert deliver(delivery.pk) is False  # given up: never sent again


def test_the_sweep_sends_again_what_is_due(settings, django_capture_on_commit_callbacks):
    settings.COACHING_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    receiver = Receiver()
    try:
        make_endpoint(receiver.url)
        emit(WebhookEvent.STEP_COMPLETED, lambda: {})
        Delivery.objects.update(status=DeliveryStatus.RETRYING, attempts=1)
        later = Delivery.objects.create(
            endpoint=Endpoint.objects.get(),
            message_id="msg_later",
            event="step.completed",
            payload={},
            status=DeliveryStatus.RETRYING,
            next_attempt_at=timezone.now() + timedelta(hours=1),
        )

        with django_capture_on_commit_callbacks(execute=True):
            assert retry_due() == 1
    finally:
        receiver.close()

    assert len(receiver.received) == 1
    assert Delivery.objects.get(pk=later.pk).status == DeliveryStatus.RETRYING


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.8",
        "192.168.1.1",
        "172.16.0.1",
        "169.254.169.254",
        "::1",
        "fd00::1",
        "::ffff:127.0.0.1",  # IPv4-mapped
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "64:ff9b::a00:8",  # NAT64 of 10.0.0.8
    ],
)
def test_internal_addresses_are_refused_by_default(address):
    assert address_allowed(address) is False


def test_an_allowed_network_and_public_addresses_are_sent_to(settings):
    settings.COACHING_WEBHOOK_ALLOWED_NETWORKS = ["10.1.2.0/24"]

    assert address_allowed("10.1.2.7") and address_allowed("93.184.216.34")
    assert not address_allowed("10.1.3.7")


def test_a_name_that_leads_inside_is_refused_where_it_connects():
    """Checked on the addresses the name leads to, before connecting: 'localhost' is this
    machine, refused without a connection (the port is closed, so trying would say so)."""
    make_endpoint(f"http://localhost:{closed_port()}/")
    emit(WebhookEvent.STEP_COMPLETED, lambda: {})

    deliver(Delivery.objects.get().pk)

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.GIVEN_UP
    assert "not allowed" in delivery.last_error


def test_a_disabled_endpoint_is_sent_nothing(settings):
    endpoint = make_endpoint("https://hooks.example.com/")
    emit(WebhookEvent.STEP_COMPLETED, lambda: {})
    Endpoint.objects.filter(pk=endpoint.pk).update(is_enabled=False)  # after the event

    assert deliver(Delivery.objects.get().pk) is False
    delivery = Delivery.objects.get()  # given up, not sent in a burst when it is back on
    assert delivery.status == DeliveryStatus.GIVEN_UP and "turned off" in delivery.last_error


def test_an_endpoint_that_answers_gibberish_is_logged_and_tried_again(settings):
    settings.COACHING_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        make_endpoint(f"http://127.0.0.1:{server.getsockname()[1]}/")
        emit(WebhookEvent.STEP_COMPLETED, lambda: {})
        answer = threading.Thread(target=lambda: _answer_gibberish(server), daemon=True)
        answer.start()

        assert deliver(Delivery.objects.get().pk) is False
        answer.join(5)

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING and delivery.attempts == 1
    assert "BadStatusLine" in delivery.last_error or "RemoteDisconnected" in delivery.last_error


def _answer_gibberish(server):
    connection, _address = server.accept()
    with connection:
        connection.recv(65536)
        connection.sendall(b"NOT HTTP AT ALL\r\n\r\n")


def test_a_delivery_being_sent_is_not_sent_again_by_another_worker():
    make_endpoint("https://hooks.example.com/")
    emit(WebhookEvent.STEP_COMPLETED, lambda: {})
    delivery = Delivery.objects.get()
    lease = timezone.now() + timedelta(minutes=5)
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=lease)  # a worker has it

    assert deliver(delivery.pk) is False
    assert Delivery.objects.get().attempts == 0
