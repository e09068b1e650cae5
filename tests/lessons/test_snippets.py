"""What the learning path and knowledge check snippets share (EditorialSnippetMixin)."""

import pytest
from django.test import RequestFactory
from wagtail.models import Revision

from lessons.models import KnowledgeCheck, LearningPath
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["path", "check"])
def make_snippet(request):
    if request.param == "path":
        return lambda title: builders.make_path(title, steps=["Shadow a call"])
    return lambda title: builders.make_check(title)


def test_snippets_are_named_and_sorted_by_title(make_snippet):
    second, first = make_snippet("Service basics"), make_snippet("Blameless basics")

    assert str(first) == "Blameless basics"
    assert list(type(first).objects.all()) == [first, second]


def test_each_snippet_lists_only_its_own_revisions(make_snippet):
    snippet, other = make_snippet("Service basics"), make_snippet("Blameless basics")
    snippet.save_revision()

    assert snippet.revisions.count() == 2
    assert set(snippet.revisions.all()).isdisjoint(other.revisions.all())


def test_deleting_a_snippet_deletes_its_revisions(make_snippet):
    snippet = make_snippet("Service basics")
    revision_ids = list(snippet.revisions.values_list("pk", flat=True))
    if isinstance(snippet, LearningPath):
        snippet.versions.all().delete()  # published history protects a path; clear it first

    snippet.delete()

    assert revision_ids and not Revision.objects.filter(pk__in=revision_ids).exists()


@pytest.mark.parametrize(
    ("model", "template"),
    [
        (LearningPath, "lessons/path_preview.html"),
        (KnowledgeCheck, "lessons/knowledge_check_preview.html"),
    ],
)
def test_previews_use_their_template_and_the_hosts_base_template(model, template, settings):
    settings.LESSONS_BASE_TEMPLATE = "host/base.html"
    snippet = model(title="Service basics")
    request = RequestFactory().get("/")

    context = snippet.get_preview_context(request, "")

    assert snippet.get_preview_template(request, "") == template
    assert context["base_template"] == "host/base.html"
    assert context["object"] is snippet
