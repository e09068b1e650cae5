"""The demo's pages in Bahasa Indonesia (fixtures/demo/content.id.json), made the way an
editor makes them: Wagtail's "translate" copy of the English page, then its text replaced
and published. Idempotent: a page that already has its translation is left alone."""

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
