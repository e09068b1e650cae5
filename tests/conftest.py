import pytest

from tests import builders


@pytest.fixture
def portal(db):
    return builders.make_portal()


@pytest.fixture
def reader(db):
    """A signed-in person with no special role."""
    return builders.make_user("reader")


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def superuser(db):
    return builders.make_user("admin", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture(autouse=True)
def clear_cache():
    """Per-person cached roles must not leak between tests, where user ids repeat."""
    from django.core.cache import cache

    cache.clear()
