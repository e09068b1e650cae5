"""Business units and company values become translatable (TranslatableMixin).

Rows already there are written in the site's default language: each gets that locale and
a translation key of its own. The fields are added nullable, filled, then made required,
so that the migration runs on a database with rows (SQLite and PostgreSQL alike); names
and slugs become unique per locale instead of across the table.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import lessons.models.organisation
from wagtail.coreutils import get_supported_content_language_variant

MODELS = ("businessunit", "companyvalue")


def give_rows_the_default_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _created = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    for name in MODELS:
        model = apps.get_model("lessons", name)
        for row in model.objects.filter(translation_key__isnull=True).only("pk"):
            model.objects.filter(pk=row.pk).update(translation_key=uuid.uuid4(), locale=locale)


def nullable_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
    ]


def required_fields(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *nullable_fields("businessunit"),
        *nullable_fields("companyvalue"),
        migrations.RunPython(give_rows_the_default_locale, migrations.RunPython.noop),
        *required_fields("businessunit"),
        *required_fields("companyvalue"),
        migrations.AlterField(
            model_name="businessunit",
            name="name",
            field=models.CharField(max_length=120, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="businessunit",
            name="slug",
            field=models.SlugField(max_length=120, verbose_name="slug"),
        ),
        migrations.AlterField(
            model_name="companyvalue",
            name="name",
            field=models.CharField(max_length=80, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="companyvalue",
            name="slug",
            field=models.SlugField(max_length=80, verbose_name="slug"),
        ),
        migrations.AddConstraint(
            model_name="businessunit",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="lessons_unit_name_unique_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="businessunit",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="lessons_unit_slug_unique_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="companyvalue",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="lessons_value_name_unique_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="companyvalue",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="lessons_value_slug_unique_per_locale"
            ),
        ),
        # Forms and choosers take the original row of a unit only.
        migrations.AlterField(
            model_name="businessunitpage",
            name="unit",
            field=models.ForeignKey(
                limit_choices_to=lessons.models.organisation.original_units,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pages",
                to="lessons.businessunit",
                verbose_name="business unit",
            ),
        ),
        migrations.AlterField(
            model_name="learningpath",
            name="business_unit",
            field=models.ForeignKey(
                blank=True,
                help_text="Leave empty for a company-wide path.",
                limit_choices_to=lessons.models.organisation.original_units,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="learning_paths",
                to="lessons.businessunit",
                verbose_name="business unit",
            ),
        ),
        migrations.AlterField(
            model_name="modulepage",
            name="business_unit",
            field=models.ForeignKey(
                blank=True,
                help_text="The unit this module is mostly for; leave empty if it is for everyone.",
                limit_choices_to=lessons.models.organisation.original_units,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="modules",
                to="lessons.businessunit",
                verbose_name="business unit",
            ),
        ),
    ]
