"""HR registers a webhook endpoint in the Wagtail admin: sees its secret once, is told
beside the field when an address is refused, sends it a test event and reads its
delivery log. Nobody but HR (and superusers) sees any of it."""

import pytest
from django.urls import reverse

from coaching.models import Delivery, Endpoint
from coaching.webhooks.models import DeliveryStatus

from .receiver import make_endpoint

pytestmark = pytest.mark.django_db


def form_data(**extra):
    return {
        "name": "HR system",
        "url": "https://hooks.example.com/onboarding",
        "format": "standard",
        "events": ["path.assigned", "path.completed"],
        "is_enabled": "on",
        **extra,
    }


def test_hr_registers_an_endpoint_and_sees_its_secret_once(client, hr):
    client.force_login(hr)

    response = client.post(reverse("webhook_endpoints:add"), form_data())

    endpoint = Endpoint.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("webhook_endpoints:secret", args=[endpoint.pk])
    assert endpoint.events == ["path.assigned", "path.completed"]
    assert endpoint.secret.startswith("whsec_") and endpoint.created_by == hr
    first = client.get(response.url).text
    again = client.get(response.url).text
    assert endpoint.secret in first and endpoint.secret not in again
    assert "was shown once" in again
    assert endpoint.secret not in client.get(reverse("webhook_endpoints:index")).text
    assert (
        endpoint.secret
        not in client.get(reverse("webhook_endpoints:edit", args=[endpoint.pk])).text
    )


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://127.0.0.1:8000/hook", "the site's own network"),
        ("http://10.0.0.5/hook", "the site's own network"),
        ("http://[::1]/hook", "the site's own network"),
        ("http://localhost/hook", "this machine"),
        ("ftp://hooks.example.com/", "Use an https://"),
    ],
)
def test_an_address_inside_is_refused_beside_the_field(client, hr, url, said):
    client.force_login(hr)

    response = client.post(reverse("webhook_endpoints:add"), form_data(url=url))

    assert response.status_code == 200 and not Endpoint.objects.exists()
    errors = response.context["form"].errors["url"]
    assert any(said in error for error in errors), errors


def test_an_endpoint_needs_an_event(client, hr):
    client.force_login(hr)

    response = client.post(reverse("webhook_endpoints:add"), form_data(events=[]))

    assert response.status_code == 200 and "events" in response.context["form"].errors


def test_the_test_event_is_sent_and_logged(
    client, hr, settings, django_capture_on_commit_callbacks
):
    settings.COACHING_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    from .receiver import Receiver

    receiver = Receiver()
    try:
        endpoint = make_endpoint(receiver.url)
        client.force_login(hr)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("webhook_endpoints:test", args=[endpoint.pk]))
    finally:
        receiver.close()

    assert response.status_code == 302
    assert receiver.types(endpoint.secret) == ["webhook.test"]
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED
    log = client.get(response.url).text
    assert "A test event was sent" in log and "Delivered" in log


def test_nobody_else_sees_the_endpoints(client, editor, trainee):
    endpoint = make_endpoint()
    for person in (editor, trainee):
        client.force_login(person)
        for url in (
            reverse("webhook_endpoints:index"),
            reverse("webhook_endpoints:deliveries", args=[endpoint.pk]),
            reverse("webhook_endpoints:secret", args=[endpoint.pk]),
        ):
            assert client.get(url).status_code in (302, 403), (person, url)
        client.post(reverse("webhook_endpoints:test", args=[endpoint.pk]))
    assert not Delivery.objects.exists()
