"""A page of rows builds each row's link from one reversed prefix."""

import pytest
from django.urls import reverse

from coaching.common.pages import url_prefix


def test_the_prefix_and_an_id_make_the_url_reverse_makes():
    assert url_prefix("coaching:trainee") + "42/" == reverse("coaching:trainee", args=[42])


def test_a_url_with_more_after_its_id_is_refused():
    with pytest.raises(ValueError, match="does not end in its id"):
        url_prefix("coaching:erase_record")  # /people/<id>/record/erase/


def test_the_arguments_before_the_last_are_part_of_the_prefix():
    prefix = url_prefix("coaching:step", 7)

    assert prefix + "3/" == reverse("coaching:step", args=[7, 3])
