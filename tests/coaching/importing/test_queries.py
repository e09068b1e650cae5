"""The import's queries do not grow with its rows: the dry run reads what the rows name
at once; applying adds a fixed number of writes per person it changes, and none for a
row that is unchanged."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from coaching.importing import imports
from coaching.importing.models import PeopleImport
from tests import builders

from .helpers import csv_bytes, make_coach, many_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(hr):
    builders.make_unit("Customer Service", slug="customer-service")
    make_coach("citra")
    # The admin's viewsets register the new hires for Wagtail's reference index once the
    # URLconf is loaded: load it, so the count is the same whichever test runs first.
    reverse("people_imports:index")
    ContentType.objects.clear_cache()  # the trail's content types are looked up once, here
    return hr


def stored(rows, by):
    return PeopleImport.objects.create(
        uploaded_by=by, file_name="f.csv", file_format="csv", content=csv_bytes(rows)
    )


@pytest.mark.parametrize("size", [10, 100])
def test_a_dry_run_makes_the_same_queries_for_any_number_of_rows(
    scene, size, django_assert_num_queries
):
    people_import = stored(many_rows(size), scene)
    # import-export's savepoints: the import's, before_import's (around: people by address,
    # who may coach, open primary links, business units), the rows' flush, after_import's,
    # and the dry run's rollback and release: 4 reads and 9 savepoint statements
    with django_assert_num_queries(13):
        preview = imports.preview(people_import)
    assert preview.count(imports.NEW) == size


@pytest.mark.parametrize("size", [10, 100])
def test_applying_an_unchanged_file_makes_the_same_queries_for_any_number_of_rows(
    scene, size, django_assert_num_queries
):
    rows = many_rows(size)
    assert imports.apply(stored(rows, scene), by=scene)
    again = stored(rows, scene)
    # savepoint, claim the upload; the 13 of a dry run without its rollback (12); the
    # counts, the trail's entry (and its content type), the outer release
    with django_assert_num_queries(19):
        assert imports.apply(again, by=scene)


@pytest.mark.parametrize("size", [10, 100])
def test_applying_new_hires_costs_the_same_per_person(scene, size, django_assert_num_queries):
    people_import = stored(many_rows(size), scene)
    # 25 fixed (as above, the first trail entries' lookups, and the webhook endpoints, read
    # once and cached: nobody listens here), and 31 for each new hire:
    # hiring.hire's savepoints, "address taken?", the account, the profile, the coaching
    # link (and the profile marked changed with it, for the API's updated_since), the
    # trail's entries for the hire, the link and the invitation, and Wagtail's
    # reference index of the profile and the link
    with django_assert_num_queries(25 + 31 * size):
        assert imports.apply(people_import, by=scene)
