"""The demo's pages in Bahasa Indonesia (fixtures/demo/content.id.json), made the way an
editor makes them: Wagtail's "translate" copy of the English page, then its text replaced
and published; its business units and company values (the "id" of each in
fixtures/demo/organisation.json) the same way. The learning paths and knowledge checks
(paths.id.json, checks.id.json) are translated the way a translator does it in
wagtail-localize: submitted for translation, each segment translated, published.
Idempotent: content that already has its translation is left alone."""

import json

from django.db import transaction
from wagtail.blocks import StreamValue
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from lessons.models import BusinessUnitContact, KnowledgeCheck, LearningPath

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
    for part, text in row.get("first_day", {}).items():
        setattr(copy, f"first_day_{part}", text)
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
        for part, text in row[language].get("first_day", {}).items():
            setattr(copy, f"first_day_{part}", text)
        copy.save()
        report.add(copy)


def translate_segments(instance, words, locale):
    """Translate a snippet or page in wagtail-localize: submit it for translation into
    `locale`, translate the segments found in `words` (source text to translation; the
    others stay as in the source), and publish the translation (once the transaction
    commits, as wagtail-localize does)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in words:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": words[segment.string.data], "translation_type": "manual"},
            )
    translation.save_target(publish=True)


def with_answer_ids(check):
    """Store the check's answers with ids, as Wagtail's editor does: wagtail-localize
    finds a list's items by id when it writes their translation back."""
    questions = check.questions
    check.questions = StreamValue(
        questions.stream_block,
        [(block.block_type, block.value, block.id) for block in questions],
    )
    check.save(update_fields=["questions"])


def ensure_check_translations(words_by_check, checks, report, language="id"):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    for slug, words in words_by_check.items():
        check = checks[slug]
        if KnowledgeCheck.objects.filter(
            translation_key=check.translation_key, locale=locale
        ).exists():
            continue
        with_answer_ids(check)
        translate_segments(check, words, locale)
        report.created.append(f"{KnowledgeCheck._meta.verbose_name}: {words[check.title]}")


def ensure_path_translations(rows, report, language="id"):
    """`rows`: for each path's slug, its title, description and role, and its tasks' and
    check-ins' titles and instructions by their English title."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    for slug, row in rows.items():
        original = LearningPath.objects.filter(slug=slug, current_version__isnull=False).first()
        if (
            original is None
            or LearningPath.objects.filter(
                translation_key=original.translation_key, locale=locale
            ).exists()
        ):
            continue
        words = {original.title: row["title"], original.description: row["description"]}
        if original.role and "role" in row:
            words[original.role] = row["role"]
        for step in original.steps.all():
            found = row["steps"].get(step.title)
            if found:
                words.update({step.title: found["title"], step.instructions: found["instructions"]})
        translate_segments(original, words, locale)
        report.created.append(f"{LearningPath._meta.verbose_name}: {row['title']}")
