"""Learning paths (with their steps) and knowledge checks become translatable.

Rows already there are given the site's default locale and a translation key each (a
different one per row: a key shared by two rows would make them translations of each
other), before the fields become required and unique together. Path versions and their
steps get the titles of the path's translations.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from wagtail.coreutils import get_supported_content_language_variant

TRANSLATABLE = ["knowledgecheck", "learningpath", "learningpathstep"]


def give_rows_a_locale(apps, schema_editor):
    models_ = [apps.get_model("lessons", name) for name in TRANSLATABLE]
    if not any(model.objects.exists() for model in models_):
        return
    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _created = Locale.objects.get_or_create(language_code=code)
    for model in models_:
        rows = list(model.objects.filter(translation_key__isnull=True).only("pk"))
        for row in rows:
            row.translation_key = uuid.uuid4()
            row.locale_id = locale.pk
        model.objects.bulk_update(rows, ["translation_key", "locale"], batch_size=500)


def locale_field(null):
    return models.ForeignKey(
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0002_translatable_units_and_values"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[
            operation
            for name in TRANSLATABLE
            for operation in (
                migrations.AddField(model_name=name, name="locale", field=locale_field(True)),
                migrations.AddField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(editable=False, null=True),
                ),
            )
        ],
        migrations.RunPython(give_rows_a_locale, migrations.RunPython.noop),
        *[
            operation
            for name in TRANSLATABLE
            for operation in (
                migrations.AlterField(model_name=name, name="locale", field=locale_field(False)),
                migrations.AlterField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterUniqueTogether(
                    name=name, unique_together={("translation_key", "locale")}
                ),
            )
        ],
        migrations.AlterField(
            model_name="learningpath",
            name="slug",
            field=models.SlugField(max_length=200, verbose_name="slug"),
        ),
        migrations.AddConstraint(
            model_name="learningpath",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="lessons_path_slug_locale"
            ),
        ),
        migrations.AddField(
            model_name="pathversion",
            name="translations",
            field=models.JSONField(blank=True, default=dict, verbose_name="translations"),
        ),
        migrations.AddField(
            model_name="pathversionstep",
            name="translations",
            field=models.JSONField(blank=True, default=dict, verbose_name="translations"),
        ),
    ]
