"""A person's language moves from the plugin's Preferences to Wagtail's own account
language (UserProfile.preferred_language), so the portal, the admin and emails share one
choice. Where both were set, the portal's choice wins: it is the one the plugin used."""

from django.db import migrations, models

BATCH = 1000


def _batches(rows):
    for start in range(0, len(rows), BATCH):
        yield dict(rows[start : start + BATCH])


def to_wagtail_profile(apps, schema_editor):
    preferences = apps.get_model("coaching", "Preferences")
    profiles = apps.get_model("wagtailusers", "UserProfile")
    chosen = list(preferences.objects.exclude(language="").values_list("user_id", "language"))
    for language_of in _batches(chosen):
        existing = list(profiles.objects.filter(user_id__in=language_of))
        for profile in existing:
            profile.preferred_language = language_of[profile.user_id]
        profiles.objects.bulk_update(existing, ["preferred_language"])
        have = {profile.user_id for profile in existing}
        profiles.objects.bulk_create(
            profiles(user_id=user_id, preferred_language=language)
            for user_id, language in language_of.items()
            if user_id not in have
        )


def to_preferences(apps, schema_editor):
    """Undo: the choices go back to Preferences (Wagtail's profiles keep theirs)."""
    preferences = apps.get_model("coaching", "Preferences")
    profiles = apps.get_model("wagtailusers", "UserProfile")
    chosen = list(
        profiles.objects.exclude(preferred_language="").values_list(
            "user_id", "preferred_language"
        )
    )
    for language_of in _batches(chosen):
        existing = list(preferences.objects.filter(user_id__in=language_of))
        for row in existing:
            row.language = language_of[row.user_id]
        preferences.objects.bulk_update(existing, ["language"])
        have = {row.user_id for row in existing}
        preferences.objects.bulk_create(
            preferences(user_id=user_id, language=language)
            for user_id, language in language_of.items()
            if user_id not in have
        )


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0014_original_units_and_values"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [
        migrations.RunPython(to_wagtail_profile, to_preferences),
        migrations.RemoveField(model_name="preferences", name="language"),
    ]
