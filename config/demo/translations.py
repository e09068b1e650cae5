"""The demo's pages in Bahasa Indonesia (fixtures/demo/content.id.json), made the way an
editor makes them: Wagtail's "translate" copy of the English page, then its text replaced
and published; and its business units and company values (the "id" of each in
fixtures/demo/organisation.json) the same way. Idempotent: whatever already has its
translation is left alone."""

import json

from django.db import transaction
from wagtail.models import Locale

from lessons.models import BusinessUnitContact

TEXT_FIELDS = ("title", "slug", "summary", "mission", "intro")


def ensure_translations(rows, pages, report, language="id"):
    """Translate the pages named in `rows` (by their English slug in `pages`), parents first."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    for row in [rows["portal"], rows["profile"], *rows["unit_pages"], *rows["modules"]]:
        translate(pages[row["translation_of"]], row, locale, report)


@transaction.atomic
def translate(original, row, locale, report):
    existing = original.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = original.specific.copy_for_translation(locale, copy_parents=True).specific
    for name in TEXT_FIELDS:
        if name in row:
            setattr(copy, name, row[name])
    if "body" in row:
        copy.body = json.dumps(row["body"])
    if "contacts" in row:
        copy.contacts = [BusinessUnitContact(**contact) for contact in row["contacts"]]
    copy.save()
    copy.save_revision().publish()
    report.add(copy)
    return copy


@transaction.atomic
def ensure_snippet_translations(model, rows, report, language="id"):
    """Translate the units or values in `rows` (by their slug) that have their text in
    `language` and no translation there yet."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    originals = {row.slug: row for row in model.objects.originals()}
    done = set(model.objects.filter(locale=locale).values_list("translation_key", flat=True))
    for row in rows:
        original = originals[row["slug"]]
        if language not in row or original.translation_key in done:
            continue
        copy = original.copy_for_translation(locale)
        copy.name = row[language]["name"]
        copy.description = row[language]["description"]
        copy.save()
        report.add(copy)
