import pytest
from django.core.cache import cache

from coaching.webhooks.models import Endpoint, WebhookEvent

from .receiver import Receiver

EVERY_EVENT = [event.value for event in WebhookEvent if event != WebhookEvent.TEST]


@pytest.fixture
def receiver(settings):
    """A receiver on this machine, which the site is allowed to send to for the test."""
    settings.COACHING_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    cache.clear()
    found = Receiver()
    yield found
    found.close()


@pytest.fixture
def endpoint(receiver):
    """An endpoint that hears of every event, and its secret."""
    endpoint = Endpoint(name="HR system", url=receiver.url, events=EVERY_EVENT)
    secret = endpoint.new_secret()
    endpoint.save()
    return endpoint, secret
