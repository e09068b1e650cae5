"""No English left for a person who reads Bahasa Indonesia: as a new hire, a coach and HR,
walk the pages the portal's links lead to (the portal, the coach dashboard, the record,
the kudos wall, notifications and the reports), read each one in English and then in
Indonesian, and list every piece of visible text (and every `title`, `placeholder`,
`aria-label` and `alt`) that is the same in both and reads as English.

What people wrote themselves (feedback, goals, 1:1 notes, job titles...) is theirs, in
the language they wrote it in, and is not a leftover; nor are names and brand words."""

import html
import re
from collections import deque
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from coaching.account.languages import remember_language
from config.demo.loader import DEMO_PASSWORD
from tests.walking import let_go, links_of

# What pages say, which no database changes: .ci/run walks them on SQLite only.
pytestmark = [pytest.mark.django_db, pytest.mark.walks_pages]

PAGES_PER_PERSON = 120
NOT_PAGES = ("/static/", "/media/", "/documents/", "/id/", "/en/")
# Links in the admin's menus, which Wagtail writes as JSON for its scripts.
URL_IN_JSON = re.compile(r'"url": "(/admin/[^"]*)"')


def admin_pages_of_ours() -> tuple[str, ...]:
    """Where the admin's pages of ours are (the reports, the people and learning pages
    the plugin adds): the url prefixes of the plugin's viewsets. The admin's home is
    walked too, for its panels of ours; the rest of the admin is Wagtail's."""
    registered = [register() for register in hooks.get_hooks("register_admin_viewset")]
    viewsets = [
        viewset
        for found in registered
        for viewset in getattr(found, "registerables", [found])  # a group's, or itself
    ]
    return tuple(
        f"/admin/{viewset.url_prefix}/"
        for viewset in viewsets
        if type(viewset).__module__.startswith(("coaching.", "lessons."))
    )


ADMIN_PAGES_OF_OURS = admin_pages_of_ours()
# Pages that download a file rather than show one.
DOWNLOADS = ("export", "download", ".csv", ".xlsx", ".json", ".ics")

# Words that are the same in both languages on purpose: names, brand words, and the words
# the glossary (docs/translating.md) keeps in Indonesian as they are.
SAME_IN_BOTH = {
    "wagtail",
    "nusantara",
    "connect",
    "nusantaraconnect",
    "coach",
    "onboarding",
    "email",
    "e",
    "mail",
    "csv",
    "xlsx",
    "json",
    "ok",
    "id",
    "en",
    "english",
    "bahasa",
    "indonesia",
    "kudos",
    "check",
    "in",
    "pdf",
    "am",
    "pm",
    "menu",
    "admin",
    "agenda",
    "coaching",
    "status",
    "total",
    "buddy",
    # Months spelled alike, and the keys on a keyboard.
    "april",
    "september",
    "november",
    "ctrl",
    "alt",
    "shift",
    "esc",
}
EMAIL_ADDRESS = re.compile(r"\S+@\S+\.\w+")
VISIBLE_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
HIDDEN_ELEMENTS = {"script", "style", "noscript"}
# Elements without an end tag: they open no subtree.
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class VisibleText(HTMLParser):
    """Every piece of text a person sees or hears on a page, whitespace collapsed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.script_depth = 0  # inside a script or style: never shown
        self.hidden_depth = 0  # inside an element with `hidden`

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in VOID_ELEMENTS and (self.script_depth or tag in HIDDEN_ELEMENTS):
            self.script_depth += 1
        elif tag not in VOID_ELEMENTS and (self.hidden_depth or "hidden" in attributes):
            self.hidden_depth += 1
        if self.script_depth:
            return
        for name in VISIBLE_ATTRIBUTES:
            self.add(attributes.get(name))
        if tag == "input" and attributes.get("type") in ("submit", "button"):
            self.add(attributes.get("value"))

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        if self.script_depth:
            self.script_depth -= 1
        elif self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data):
        # What is hidden is read too (a script may show it), but for the "None" that
        # Wagtail's side panel toggle leaves in its hidden counter for its script to
        # replace with a number.
        if not self.script_depth and not (self.hidden_depth and data.strip() == "None"):
            self.add(data)

    def add(self, text):
        text = " ".join((text or "").split())
        if text:
            self.pieces.append(text)


def visible_text(page: str) -> set[str]:
    parser = VisibleText()
    parser.feed(page)
    return set(parser.pieces)


def written_by_people() -> str:
    """All that people typed (names, record entries, notes, job titles), as one text
    searched for a piece of a page: text fields of the people's and the record's models,
    tags stripped."""
    texts = []
    for model in apps.get_models():
        label = model._meta.label_lower
        # API tokens' names too: HR types them (coaching/api keeps their scopes).
        people_typed = (
            label.startswith(("coaching.", "auth.user")) or label == "wagtailcore.apitoken"
        )
        if not (people_typed and "notification" not in label):
            continue
        if "audit" in model.__module__:
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
            and not field.choices
            and field.name not in ("password", "key", "url", "kind", "status")
        ]
        for row in model._default_manager.values_list(*fields):
            texts.extend(str(value) for value in row if value)
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", " ".join(texts)).split()))


def reads_as_english(piece: str) -> bool:
    """A word that is neither allowed, nor an acronym or initials (NOC, ONT, BP)."""
    words = re.findall(r"[^\W\d_]+", EMAIL_ADDRESS.sub("", piece))
    return any(
        word.lower() not in SAME_IN_BOTH and not word.isupper() for word in words if len(word) > 1
    )


def theirs_alone(piece: str, theirs: str) -> bool:
    """Whether the piece is only what people wrote (and punctuation around it)."""
    return piece.strip(" ·,:;()-\u2013\u2014") in theirs


def ours(url: str) -> bool:
    path = urlsplit(url).path
    if path.startswith(NOT_PAGES) or any(word in url for word in DOWNLOADS):
        return False
    if path.startswith("/admin/"):
        return path.startswith(ADMIN_PAGES_OF_OURS)
    return not path.startswith(("/sign-out", "/django-admin/"))


def shape(url: str) -> str:
    """What an admin page is, whichever object and order it shows: its path with numbers
    as N, and the names of its parameters but for sorting and paging. One page of each
    shape is read in the admin (its listings and forms are alike for every row); every
    page of the portal is, for each entry kind and step kind has its own."""
    parts = urlsplit(url)
    if not parts.path.startswith("/admin/"):
        return url
    names = sorted(
        {name.split("=")[0] for name in parts.query.split("&") if name}
        - {"ordering", "p", "describe_on_delete"}
    )
    return re.sub(r"\d+", "N", parts.path) + "?" + "&".join(names)


def walk(client, *starts) -> dict[str, str]:
    """The pages reachable from `starts` by the links they show, breadth-first: url ->
    the page as read now."""
    queue = deque(dict.fromkeys(starts))
    seen, pages = {shape(url) for url in queue}, {}
    while queue and len(pages) < PAGES_PER_PERSON:
        url = queue.popleft()
        response = client.get(url, follow=True)
        let_go(response)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages[url] = response.content.decode()
        for link in links_of(response, URL_IN_JSON):
            if shape(link) not in seen and ours(link):
                seen.add(shape(link))
                queue.append(link)
    return pages


def read_again(client, urls) -> dict[str, str]:
    pages = {}
    for url in urls:
        response = client.get(url, follow=True)
        if response.status_code == 200:
            pages[url] = response.content.decode()
    return pages


# A new hire, a coach and HR.
PEOPLE = ["nadia", "citra", "hana"]


def test_a_person_who_reads_indonesian_meets_no_english(django_capture_on_commit_callbacks):
    """One test for all three, so the demo is loaded once (translations are published
    when the transaction commits, as wagtail-localize does: here, when the demo is in)."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    theirs = written_by_people()
    leftovers = []
    for username in PEOPLE:
        person = get_user_model().objects.get(username=username)
        client = Client()
        remember_language(person, "en")
        landed = client.post(
            reverse("coaching:sign_in"), {"username": username, "password": DEMO_PASSWORD}
        )
        assert landed.status_code == 302, f"{username} could not sign in"
        in_english = walk(client, landed.url, "/", reverse("coaching:home"))
        assert len(in_english) > 10, in_english.keys()  # it did get around
        print(username, len(in_english), "pages")

        remember_language(person, "id")
        in_indonesian = read_again(client, in_english)
        assert in_indonesian.keys() == in_english.keys()
        for url, page in in_indonesian.items():
            same = visible_text(page) & visible_text(in_english[url])
            leftovers += [
                f"{username} {url}: {piece!r}"
                for piece in sorted(same)
                if reads_as_english(piece) and not theirs_alone(piece, theirs)
            ]
    assert not leftovers, f"{len(leftovers)} English leftovers:\n" + "\n".join(leftovers)
