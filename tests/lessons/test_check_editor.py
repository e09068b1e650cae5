"""The knowledge check editor is compact: questions start collapsed, each headed by its own
text, explanations wait in each block's settings, and an answer is one line with its box."""

import html
import json
import re

import pytest
from django.urls import reverse

from tests import builders

pytestmark = pytest.mark.django_db


def stream_definition(page_html):
    """The questions StreamField's block definition, as Wagtail's editor script gets it."""
    match = re.search(r'data-w-block-data-value="([^"]*)"', page_html)
    assert match, "no StreamField on the page"
    return json.loads(html.unescape(match.group(1)))


def find(node, key):
    """Every value of `key` anywhere in a telepath-packed structure."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name == key:
                yield value
            yield from find(value, key)
    elif isinstance(node, list):
        for item in node:
            yield from find(item, key)


def test_questions_start_collapsed_and_are_labelled_by_their_text(admin_client):
    check = builders.make_check()
    url = reverse("wagtailsnippets_lessons_knowledgecheck:edit", args=[check.pk])

    definition = stream_definition(admin_client.get(url).text)

    # The question stream itself starts collapsed...
    assert True in find(definition, "collapsed")
    # ...and every question and answer is headed by what it says.
    assert set(find(definition, "labelFormat")) - {None} == {"{question}", "{text}"}


def test_explanations_sit_in_the_settings_area_and_answers_are_compact(admin_client):
    check = builders.make_check()
    url = reverse("wagtailsnippets_lessons_knowledgecheck:edit", args=[check.pk])

    page = admin_client.get(url).text
    definition = stream_definition(page)

    assert "lessons-answer" in json.dumps(definition)
    assert "lessons/admin/editor.css" in page
    settings = [group for group in find(definition, "settings") if group]
    assert settings and all(
        "explanation" in json.dumps(group) and "question" not in json.dumps(group)
        for group in settings
    )


def test_the_answers_stylesheet_is_loaded_where_answers_are_edited_only(admin_client):
    check = builders.make_check()
    editor = admin_client.get(
        reverse("wagtailsnippets_lessons_knowledgecheck:edit", args=[check.pk])
    )
    home = admin_client.get(reverse("wagtailadmin_home"))

    assert "lessons/admin/editor.css" in editor.text
    assert "lessons/admin/editor.css" not in home.text
