"""Every user-facing string is translatable, and every catalog is complete.

- Each catalog (coaching, lessons; Bahasa Indonesia) has no untranslated and no fuzzy
  entry, and compiles with msgfmt's checks.
- The catalogs are up to date with the code: every string marked for translation in the
  apps' Python and templates is in its app's catalog.
- No template shows words outside {% translate %} / {% blocktranslate %}: text between
  tags and human-readable attributes (aria-label, title, placeholder, alt) are checked.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parent.parent
APPS = ["coaching", "lessons"]
LANGUAGES = ["id"]
# The catalogs: each app's, and the demo site's own (its base template, its settings).
CATALOG_DIRS = {"coaching": ROOT / "coaching", "lessons": ROOT / "lessons", "site": ROOT}

needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="gettext is installed by `make translations`"
)


def catalog(app, language):
    return CATALOG_DIRS[app] / "locale" / language / "LC_MESSAGES" / "django.po"


def entries(path):
    """(flags, msgid, msgstrs) of each entry but the header, read straight from the file."""
    text = path.read_text(encoding="utf-8")
    found = []
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid") for line in lines):
            continue
        flags = " ".join(line for line in lines if line.startswith("#,"))
        msgid = _field(lines, "msgid ")
        strs = [
            _field(lines, prefix) for prefix in ("msgstr ", "msgstr[0] ") if _has(lines, prefix)
        ]
        if msgid:
            found.append((flags, msgid, strs))
    return found


def _has(lines, prefix):
    return any(line.startswith(prefix) for line in lines)


def _field(lines, prefix):
    """The string of a field, its continuation lines joined."""
    collecting, parts = False, []
    for line in lines:
        if line.startswith(prefix):
            collecting = True
            parts.append(line[len(prefix) :])
        elif collecting and line.startswith('"'):
            parts.append(line)
        elif collecting:
            break
    return "".join(part.strip().strip('"') for part in parts)


@pytest.mark.parametrize("app", CATALOG_DIRS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(app, language):
    path = catalog(app, language)
    problems = [
        msgid
        for flags, msgid, strs in entries(path)
        if "fuzzy" in flags or not strs or not all(strs)
    ]
    assert problems == [], f"{path}: untranslated or fuzzy: {problems[:10]}"


@needs_gettext
@pytest.mark.parametrize("app", CATALOG_DIRS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalog_compiles_with_msgfmts_checks(app, language):
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(catalog(app, language))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@needs_gettext
@pytest.mark.parametrize("app", APPS)
def test_the_catalogs_hold_every_string_of_the_code(app, tmp_path):
    """Extract the app's strings afresh (as `make messages` does) and compare."""
    shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("*.mo"))
    subprocess.run(
        [
            str(Path(sys.executable).parent / "django-admin"),
            "makemessages",
            "--locale=id",
            "--extension=html,txt,py",
            "--no-obsolete",
            "--verbosity=0",
        ],
        cwd=tmp_path / app,
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PYTHONPATH": str(ROOT),
            "PATH": "/usr/bin:/bin",
        },
        check=True,
    )
    fresh_catalog = tmp_path / app / "locale" / "id" / "LC_MESSAGES" / "django.po"
    fresh = {msgid for _flags, msgid, _strs in entries(fresh_catalog)}
    kept = {msgid for _flags, msgid, _strs in entries(catalog(app, "id"))}
    assert fresh - kept == set(), "Run `make messages` and translate the new strings."


# Words a template may show without translation: none. Attributes people read:
READABLE_ATTRIBUTES = re.compile(
    r'\b(?:aria-label|title|placeholder|alt)\s*=\s*"([^"{]*[A-Za-z][^"{]*)"', re.I
)
TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&[#\w]+;")


def untranslated_text(source):
    """The words in a template that do not go through translation."""
    rebuilt, skipping = [], 0
    for token in Lexer(source).tokenize():
        content = token.contents.strip()
        name = content.split()[0] if content else ""
        if token.token_type == TokenType.BLOCK:
            if name in ("comment", "blocktranslate", "blocktrans"):
                skipping += 1
            elif name in ("endcomment", "endblocktranslate", "endblocktrans"):
                skipping -= 1
            rebuilt.append(" \x01 ")  # a tag: no words of its own
        elif skipping:
            continue
        elif token.token_type == TokenType.VAR:
            rebuilt.append("\x02")  # a value: words from data, not from the template
        elif token.token_type == TokenType.TEXT:
            rebuilt.append(token.contents)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", "".join(rebuilt), flags=re.S | re.I)
    found = [value.strip() for value in READABLE_ATTRIBUTES.findall(html)]
    text = ENTITY.sub(" ", TAG.sub("\n", html))
    found += [line.strip() for line in text.splitlines() if re.search(r"[A-Za-z]{2,}", line)]
    return found


def templates():
    for app in APPS:
        yield from sorted((ROOT / app / "templates").rglob("*.html"))
        yield from sorted((ROOT / app / "templates").rglob("*.txt"))
    yield from sorted((ROOT / "templates").rglob("*.html"))


@pytest.mark.parametrize("path", list(templates()), ids=lambda path: str(path.relative_to(ROOT)))
def test_templates_show_no_untranslated_words(path):
    assert untranslated_text(path.read_text(encoding="utf-8")) == []


def test_the_checker_finds_untranslated_words():
    source = '<p>Hello</p><a aria-label="Close" href="#">{% translate "Open" %}</a>'
    assert set(untranslated_text(source)) == {"Close", "Hello"}
