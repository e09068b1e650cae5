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


@pytest.fixture
def outbox():
    """The emails sent during the test (Django's locmem backend), empty at the start."""
    from django.core import mail

    mail.outbox.clear()
    return mail.outbox


@pytest.fixture(autouse=True)
def clear_cache():
    """Per-person cached roles must not leak between tests, where user ids repeat."""
    from django.core.cache import cache

    cache.clear()


def pytest_sessionstart(session):
    """Compile the translation catalogs the tests read, as `make translations` does, so
    that running pytest on its own tests the current translations too."""
    import shutil
    import subprocess
    from pathlib import Path

    if shutil.which("msgfmt") is None:
        return
    root = Path(__file__).resolve().parent.parent
    catalogs = [*root.glob("locale/*/LC_MESSAGES/django.po")]
    catalogs += root.glob("*/locale/*/LC_MESSAGES/django.po")
    for po in catalogs:
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run(["msgfmt", "--check", f"--output-file={mo}", str(po)], check=True)
