import datetime

import pytest
from django.contrib.auth.models import Permission

from tests import builders


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the test database is a file instead of memory, so that threads with
    connections of their own (tests/racing.py) open the same database and race for real.
    (Django's in-memory test database is shared between threads through SQLite's shared
    cache, whose table locks fail at once with "database table is locked" instead of
    waiting.) SQLite takes one writer at a time: transactions begin IMMEDIATE, taking the
    write lock at the start and waiting for it, rather than failing when two that have read
    both try to write. Nothing is synced to disk: the file is thrown away after the run."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        return
    database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")
    database.setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=30, init_command="PRAGMA synchronous=OFF"
    )


@pytest.fixture
def portal(db):
    return builders.make_portal()


# The people of the tests, defined once. Each is made only when a test asks for it, so a test
# has exactly the people it names. `people` has them all, for the tests that ask everyone.


@pytest.fixture
def coach(db):
    """citra, who coaches `trainee`."""
    return builders.make_user("citra")


@pytest.fixture
def trainee(coach):
    """nadia, a new hire coached (as primary) by `coach`."""
    return builders.make_trainee("nadia", coach=coach)


@pytest.fixture
def other_coach(db):
    """agus, who coaches `other_trainee` and nobody else."""
    return builders.make_user("agus")


@pytest.fixture
def other_trainee(other_coach):
    """rizky, another new hire, coached by `other_coach`."""
    return builders.make_trainee("rizky", coach=other_coach)


@pytest.fixture
def former_coach(trainee):
    """yusuf, who coached `trainee` in 2020 only: the relationship has ended."""
    from coaching.models import CoachRelationship

    former = builders.make_user("yusuf")
    CoachRelationship.objects.create(
        coach=former,
        trainee=trainee,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2020, 12, 31),
    )
    return former


@pytest.fixture
def hr(db):
    """hana, of HR: sees and assigns to every new hire, and opens the Wagtail admin (as the
    demo's HR group does)."""
    user = builders.make_hr("hana")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def editor(db):
    """eko, an editor: opens the Wagtail admin and may change learning paths; no part in
    anyone's coaching."""
    user = builders.make_user("eko")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_learningpath"])
    )
    return user


@pytest.fixture
def colleague(db):
    """bima, a signed-in colleague: no profile, coaches nobody, no permission."""
    return builders.make_user("bima")


@pytest.fixture
def superuser(db):
    """admin, a Wagtail superuser: every permission, no coaching of their own."""
    return builders.make_user("admin", is_staff=True, is_superuser=True)


@pytest.fixture
def people(
    trainee, coach, other_coach, other_trainee, former_coach, colleague, hr, editor, superuser
):
    """Every kind of person, by the name of their fixture, and the anonymous visitor."""
    return {
        "anonymous": None,
        "trainee": trainee,
        "coach": coach,
        "other_coach": other_coach,
        "other_trainee": other_trainee,
        "former_coach": former_coach,
        "colleague": colleague,
        "hr": hr,
        "editor": editor,
        "superuser": superuser,
    }


@pytest.fixture
def reader(colleague):
    """A signed-in person with no special role: the colleague, for the portal's tests."""
    return colleague


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def indonesian(db):
    """The Indonesian locale, for translations."""
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code="id")[0]


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


@pytest.fixture(autouse=True)
def language_of_the_site():
    """Each test starts in the site's language: a request's language (activated for the
    thread by the middleware, as on a server thread) must not carry over to the next test,
    which pytest-django may run in another order (the tests without a database last)."""
    from django.utils import translation

    yield
    translation.deactivate()


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


def pytest_collection_modifyitems(items):
    """Every test that commits (`django_db(transaction=True)`) puts the migrations' data
    back after it (`serialized_rollback=True`). Without it the flush that ends such a test
    leaves the next one on its worker (pytest-xdist) without a root page or locales, or
    with content types recreated under new ids, which a serialized test then cannot load."""
    bare = [
        item.nodeid
        for item in items
        if (marker := item.get_closest_marker("django_db")) is not None
        and marker.kwargs.get("transaction")
        and not marker.kwargs.get("serialized_rollback")
    ]
    if bare:
        raise pytest.UsageError(
            "Mark these django_db(transaction=True, serialized_rollback=True): " + ", ".join(bare)
        )
