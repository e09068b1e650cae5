"""The onboarding snippets' forms in the Wagtail admin (add, copy, edit) name themselves in
one h1, as every other admin page does; Wagtail's own snippet form templates have none."""

import re

import pytest
from django.urls import reverse

from lessons.models import CompanyValue
from tests import builders

pytestmark = pytest.mark.django_db

H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)


@pytest.fixture
def snippets(portal):
    unit = builders.make_unit()
    return [
        builders.make_path(steps=[builders.make_module(portal)]),
        builders.make_check(),
        unit,
        CompanyValue.objects.create(name="Serve with heart"),
    ]


def headings(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return [" ".join(h1.split()) for h1 in H1.findall(response.content.decode())]


def test_each_snippet_form_has_one_h1_naming_it(admin_client, snippets):
    for snippet in snippets:
        viewset = type(snippet).snippet_viewset
        name = str(type(snippet)._meta.verbose_name)

        new = f"New: {name.capitalize()}"
        add = reverse(viewset.get_url_name("add"))
        copy = reverse(viewset.get_url_name("copy"), args=[snippet.pk])
        edit = reverse(viewset.get_url_name("edit"), args=[snippet.pk])

        assert headings(admin_client, add) == [new]
        assert headings(admin_client, copy) == [new]
        assert headings(admin_client, edit) == [f"Editing: {snippet}"]
