"""Migration 0015 moves the portal's language choices into Wagtail's account language,
on a database that already has people, choices and profiles."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("coaching", "0014_original_units_and_values")]
AFTER = [("coaching", "0015_language_in_wagtail_profile")]
PROFILES = ("wagtailusers", "0015_userprofile_keyboard_shortcuts")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([*targets, PROFILES]).apps


@pytest.fixture
def back_to_the_latest():
    """The database migrated back to the latest migrations after the test, for the tests
    that run after it on the same database."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_portals_choices_move_to_wagtails_profiles(back_to_the_latest):
    old = migrate(BEFORE)
    users = old.get_model("auth", "User")
    preferences = old.get_model("coaching", "Preferences")
    profiles = old.get_model("wagtailusers", "UserProfile")
    chose, had_a_profile, never_chose = (
        users.objects.create(username=name) for name in ("nadia", "bima", "sari")
    )
    preferences.objects.create(user=chose, language="id")
    preferences.objects.create(user=had_a_profile, language="en")
    profiles.objects.create(user=had_a_profile, preferred_language="id", theme="dark")
    preferences.objects.create(user=never_chose, language="")

    new = migrate(AFTER)
    stored = dict(
        new.get_model("wagtailusers", "UserProfile").objects.values_list(
            "user__username", "preferred_language"
        )
    )

    assert stored == {"nadia": "id", "bima": "en"}  # the portal's choice won
    assert (
        new.get_model("wagtailusers", "UserProfile").objects.get(user__username="bima").theme
        == "dark"
    )
    assert new.get_model("coaching", "Preferences").objects.count() == 3  # emails' choices kept
