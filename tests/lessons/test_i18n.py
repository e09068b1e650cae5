"""lessons.i18n: content in the reader's language."""

import pytest
from django.utils import translation

from lessons.i18n import localized_all
from tests import builders

pytestmark = pytest.mark.django_db


def test_each_page_comes_in_the_readers_language_when_published_there(
    portal, indonesian, django_assert_num_queries
):
    safety, tools, hours = (
        builders.make_module(portal, title) for title in ("Safety", "Tools", "Hours")
    )
    builders.translated_copy(safety, indonesian, title="Keselamatan")
    # A draft is not shown.
    builders.translated_copy(tools, indonesian, publish=False, title="Peralatan")

    with translation.override("id"), django_assert_num_queries(2):  # the locale, the pages
        shown = localized_all([safety, tools, hours])

    assert [page.title for page in shown] == ["Keselamatan", "Tools", "Hours"]


def test_in_the_language_written_nothing_is_asked(portal, django_assert_num_queries):
    safety = builders.make_module(portal, "Safety")

    with translation.override("en"), django_assert_num_queries(1):  # the locale
        assert localized_all([safety]) == [safety]
