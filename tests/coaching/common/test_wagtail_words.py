"""Wagtail's own admin words in Bahasa Indonesia where Wagtail 8.0 leaves them in English
(coaching/common/wagtail_words.py): each word is one of Wagtail's, spelled as Wagtail
spells it, and Wagtail has no Indonesian for it (when a release brings some, the test says
which entries to drop); someone of HR who reads Indonesian meets the words translated."""

import ast
from pathlib import Path

import pytest
import wagtail
import wagtail_localize
from django.urls import reverse

from coaching.account.languages import remember_language
from coaching.common import wagtail_words

pytestmark = pytest.mark.django_db

COACHING = Path(wagtail_words.__file__).resolve().parent.parent
UPSTREAM = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]
CONTEXT_SEPARATOR = "\x04"


def catalog(path):
    """{msgid (with its context, as gettext keys it): (msgid_plural, [msgstr, ...], flags)}
    of a .po file, its header and obsolete entries left out."""
    found = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, flags, current = {}, "", None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags += line
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
            elif line and not line.startswith("#"):
                current, _, value = line.partition(" ")
                fields[current] = ast.literal_eval(value)
        if fields.get("msgid"):
            key = fields["msgid"]
            if "msgctxt" in fields:
                key = fields["msgctxt"] + CONTEXT_SEPARATOR + key
            strs = [value for name, value in fields.items() if name.startswith("msgstr")]
            found[key] = (fields.get("msgid_plural"), strs, flags)
    return found


def upstream(domain, language):
    """Wagtail's and wagtail-localize's catalogs of a domain in a language, merged."""
    merged = {}
    for package in UPSTREAM:
        for path in sorted(package.glob(f"**/locale/{language}/LC_MESSAGES/{domain}.po")):
            merged.update(catalog(path))
    return merged


def translated(entries):
    """The keys a catalog really translates: not empty, not fuzzy, not the English again."""
    return {
        key
        for key, (_plural, strs, flags) in entries.items()
        if strs and all(strs) and "fuzzy" not in flags and strs[0] != key
    }


def words_of_the_module():
    """(msgid, msgid_plural) of each gettext_noop / ngettext_lazy call in wagtail_words."""
    tree = ast.parse(Path(wagtail_words.__file__).read_text(encoding="utf-8"))
    words = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
            "gettext_noop",
            "ngettext_lazy",
        ):
            strings = [ast.literal_eval(argument) for argument in node.args]
            words.append((strings[0], strings[1] if len(strings) > 1 else None))
    return words


def test_each_word_is_wagtails_with_its_plural_and_in_coachings_catalog():
    english = upstream("django", "en")
    ours = catalog(COACHING / "locale" / "id" / "LC_MESSAGES" / "django.po")
    words = words_of_the_module()

    assert len(words) > 150
    assert [word for word in words if word[0] not in english] == []
    assert [word for word in words if english[word[0]][0] != word[1]] == []
    assert [word for word, _plural in words if word not in translated(ours)] == []


def test_wagtail_has_no_indonesian_for_any_of_the_words():
    """Else Wagtail's translation is the one to read: drop the entry from
    coaching/common/wagtail_words.py and coaching's catalog."""
    upstream_indonesian = translated(upstream("django", "id_ID"))

    assert [word for word, _plural in words_of_the_module() if word in upstream_indonesian] == []


def test_the_javascript_words_are_wagtails_and_wagtail_has_no_indonesian_for_them():
    ours = catalog(COACHING / "locale" / "id" / "LC_MESSAGES" / "djangojs.po")
    english = upstream("djangojs", "en")
    upstream_indonesian = translated(upstream("djangojs", "id_ID"))

    assert "Main menu" in ours
    assert [key for key in ours if key not in english] == []
    assert [key for key, (plural, _s, _f) in ours.items() if english[key][0] != plural] == []
    assert set(ours) - translated(ours) == set(), "untranslated or fuzzy"
    assert [key for key in ours if key in upstream_indonesian] == []


# Coaching's copies of Wagtail's templates, each with the one word Wagtail does not pass
# through translation translated: (template, what the copy adds at its top, Wagtail's text,
# the copy's).
COPIES = [
    (
        "wagtailadmin/home.html",
        "",  # it loads i18n already
        'value="Search"',
        'value="{% translate "Search" context "admin dashboard, button" %}"',
    ),
    (
        "wagtailadmin/shared/headers/_actions.html",
        "{% load i18n %}\n",
        'aria-label="Actions"',
        'aria-label="{% translate "Actions" %}"',
    ),
]


@pytest.mark.parametrize(("name", "added", "theirs", "ours"), COPIES)
def test_a_copied_template_is_wagtails_but_for_the_translated_word(name, added, theirs, ours):
    """When a Wagtail upgrade changes the original (or translates the word), this fails:
    copy it again, or drop the copy."""
    original = (Path(wagtail.__file__).parent / "admin" / "templates" / name).read_text()
    lines = (COACHING / "templates" / name).read_text().splitlines(keepends=True)
    comments = [line for line in lines if line.startswith("{#") and line.endswith("#}\n")]
    body = "".join(lines[3:])

    assert lines[:3] == comments[:3] and "Drop this copy" in lines[1]
    assert original.count(theirs) == 1
    assert body == added + original.replace(theirs, ours)


def reading_indonesian(client, person):
    remember_language(person, "id")
    client.force_login(person)
    return client


def test_hr_reads_a_report_with_wagtails_words_in_indonesian(client, hr):
    report = reverse("onboarding_reports:completion", kwargs={"by": "path"})
    page = reading_indonesian(client, hr).get(report).content.decode()

    for words in (
        "Lewati ke konten utama",  # the skip link
        'aria-label="Buka/tutup jejak navigasi"',  # breadcrumbs
        'aria-label="Tampilkan filter"',
        "Saring menurut",
        'aria-label="Tindakan"',  # the header's actions
        "Unduh XLSX",
        "Pintasan keyboard",  # the keyboard shortcuts dialog
        "Tempel tanpa format",
    ):
        assert words in page
    for english in ("Skip to main content", "Show filters", "Keyboard shortcuts", "Filter by"):
        assert english not in page


def test_the_dashboard_summary_and_its_search_read_in_indonesian(client, superuser):
    """As the demo's HR reads it (a superuser, who sees the summary of the site's pages)."""
    page = reading_indonesian(client, superuser).get(reverse("wagtailadmin_home"))
    page = page.content.decode()

    assert 'Halaman <span class="w-sr-only">dibuat di' in page
    assert 'placeholder="Cari di semua halaman…"' in page
    assert 'type="submit" value="Cari"' in page
    assert 'aria-label="Ubah avatar akun"' in page
    assert "Search all pages" not in page


def test_the_admin_reads_wagtails_javascript_words_from_coachings_catalog_too(client, hr):
    reading = reading_indonesian(client, hr)
    page = reading.get(reverse("wagtailadmin_home")).content.decode()
    script = f'<script src="{reverse("coaching:wagtail_words_js")}?language=id"></script>'
    catalog_script = reading.get(reverse("coaching:wagtail_words_js"), {"language": "id"})

    # After Wagtail's catalog, before the page's JavaScript runs.
    assert page.index(reverse("wagtailadmin_javascript_catalog")) < page.index(script)
    assert catalog_script["Content-Type"].startswith("text/javascript")
    assert '"Main menu": "Menu utama"' in catalog_script.content.decode()


def test_the_javascript_catalog_is_in_the_language_the_page_asks_for(client, hr):
    """The page's language, even where the person's is another one."""
    client.force_login(hr)
    remember_language(hr, "id")

    in_english = client.get(reverse("coaching:wagtail_words_js"), {"language": "en"})
    in_unknown = client.get(reverse("coaching:wagtail_words_js"), {"language": "xx"})

    assert "Menu utama" not in in_english.content.decode()
    assert "Menu utama" in in_unknown.content.decode()  # the person's language, then


def test_english_stays_english(client, hr):
    remember_language(hr, "en")
    client.force_login(hr)

    page = client.get(reverse("onboarding_reports:completion", kwargs={"by": "path"}))

    assert "Skip to main content" in page.content.decode()
