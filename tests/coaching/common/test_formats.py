"""Dates and figures in the reader's language: "1 Desember 2026" and "1.234,5" in Bahasa
Indonesia, "Dec. 1, 2026" and "1,234.5" in English."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from coaching.account.languages import remember_language
from coaching.common.numbers import figure
from coaching.models import KeyResult
from tests import builders
from tests.coaching.record import make

DAY = date(2030, 12, 1)


@pytest.mark.parametrize(
    ("language", "day", "moment"),
    [
        ("id", "1 Desember 2030", "1 Desember 2030, 09.05"),
        ("en", "Dec. 1, 2030", "Dec. 1, 2030, 9:05 a.m."),
    ],
)
def test_dates_are_written_as_each_language_writes_them(language, day, moment):
    at = datetime(2030, 12, 1, 9, 5, tzinfo=ZoneInfo("Asia/Jakarta"))
    with translation.override(language):
        assert date_format(DAY, "DATE_FORMAT") == day
        assert date_format(at, "DATETIME_FORMAT") == moment


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("id", ["1.234,5", "1.234", "12,5", "1.234,5"]),
        ("en", ["1,234.5", "1,234", "12.5", "1,234.5"]),
    ],
)
def test_figures_group_thousands_as_each_language_does(language, expected):
    with translation.override(language):
        shown = [figure(1234.5), figure(1234), figure(Decimal("12.5"))]
        shown.append(figure(Decimal("1234.50")))

    assert shown == expected


def test_what_is_no_figure_is_left_as_it_is():
    assert [figure("Ops"), figure(True), figure(None)] == ["Ops", True, None]


@pytest.fixture
def due_on_the_first(portal, trainee):
    return builders.assign(builders.make_path(steps=["Shadow a call"]), trainee, due_on=DAY)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "shown"), [("id", "1 Desember 2030"), ("en", "Dec. 1, 2030")])
def test_my_onboarding_shows_the_due_date_in_the_readers_language(
    client, trainee, due_on_the_first, language, shown
):
    remember_language(trainee, language)
    client.force_login(trainee)

    page = client.get(reverse("coaching:home")).content.decode()

    assert shown in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "shown"),
    [("id", "1.234,5 dari 2.000 panggilan"), ("en", "1,234.5 of 2,000 calls")],
)
def test_a_key_results_figures_are_in_the_readers_language(client, trainee, coach, language, shown):
    goal = make.goal(trainee, coach)
    KeyResult.objects.filter(goal=goal).update(
        current_value=Decimal("1234.5"),
        target_value=2000,
        unit="calls" if language == "en" else "panggilan",
    )
    remember_language(trainee, language)
    client.force_login(trainee)

    page = client.get(reverse("coaching:entry", args=[goal.pk])).content.decode()

    assert shown in page


@pytest.fixture
def long_path(portal):
    """A path of three long modules: 1,500 minutes of reading in all."""
    return builders.make_path(
        "The whole handbook",
        steps=[builders.make_module(portal, f"Part {n}", estimated_minutes=500) for n in (1, 2, 3)],
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "shown"),
    [("id", "waktu baca sekitar 1.500 menit"), ("en", "about 1,500 minutes of reading")],
)
def test_a_paths_reading_time_over_a_thousand_is_grouped_as_the_reader_writes_it(
    client, portal, trainee, long_path, language, shown
):
    remember_language(trainee, language)
    client.force_login(trainee)

    page = client.get(f"{portal.url}paths/{long_path.slug}/", follow=True).content.decode()

    assert shown in page


@pytest.mark.parametrize(
    ("language", "expected"), [("id", ["12,5", "40", "0,33"]), ("en", ["12.5", "40", "0.33"])]
)
def test_a_stored_measure_shows_at_most_two_decimals_and_none_that_say_nothing(language, expected):
    with translation.override(language):
        shown = [figure(Decimal(text)) for text in ("12.50", "40.00", "0.333")]

    assert shown == expected
