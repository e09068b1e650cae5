"""Dates are typed day first in every language, and shown the way they are typed: a
native date input types in the browser's own order (month first in an English (US)
browser), whatever the page says, so the field is a text box that reads day first."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from coaching.common.widgets import DateInput
from coaching.learning.forms import DueDateForm, PlanCheckinForm
from coaching.record.forms import LearningReviewForm, OneOnOneForm
from coaching.record.models import LearningReview, OneOnOne

DAY = datetime.date(2026, 12, 15)
MOMENT = datetime.datetime(2026, 12, 15, 9, 30)


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize(
    ("make_form", "field", "value"),
    [
        (lambda: DueDateForm(initial={"due_on": DAY}), "due_on", "15/12/2026"),
        (lambda: PlanCheckinForm(initial={"when": MOMENT}), "when", "15/12/2026 09:30"),
        (
            lambda: LearningReviewForm(instance=LearningReview(happened_on=DAY)),
            "happened_on",
            "15/12/2026",
        ),
        (lambda: OneOnOneForm(instance=OneOnOne(meets_at=MOMENT)), "meets_at", "15/12/2026 09:30"),
    ],
)
def test_a_date_field_shows_its_value_day_first_as_its_hint_says(language, make_form, field, value):
    with translation.override(language):
        html = str(make_form()[field])

    assert f'value="{value}"' in html


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("typed", ["15/12/2026", "15-12-2026", "15.12.2026", "2026-12-15"])
def test_a_date_typed_day_first_or_in_iso_is_read_in_every_language(language, typed):
    with translation.override(language):
        form = DueDateForm({"due_on": typed})

        assert form.is_valid(), form.errors
    assert form.cleaned_data["due_on"] == DAY


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("typed", ["15/12/2026 09:30", "15-12-2026 09.30", "2026-12-15T09:30"])
def test_a_date_and_time_typed_day_first_or_in_iso_is_read(language, typed):
    with translation.override(language):
        form = PlanCheckinForm({"when": typed})
        form.is_valid()

    assert "when" not in form.errors
    assert timezone.localtime(form.cleaned_data["when"]).replace(tzinfo=None) == MOMENT


def test_a_date_that_is_not_one_gets_a_message_beside_the_field():
    form = DueDateForm({"due_on": "31/02/2026"})

    assert not form.is_valid()
    assert form.errors["due_on"] == [
        "This is not a date. Type it day/month/year, for example 15/12/2026."
    ]


def test_every_date_field_shows_its_format_beside_it_and_names_it_for_screen_readers():
    html = Template('{% include "coaching/includes/field.html" %}').render(
        Context({"field": DueDateForm()["due_on"]})
    )

    assert 'type="text" name="due_on"' in html  # the browser's order is not the page's
    assert 'aria-describedby="id_due_on_helptext id_due_on_format"' in html
    assert (
        '<p class="field__help field__format" id="id_due_on_format">'
        "Type it day/month/year, for example 15/12/2026.</p>"
    ) in html


def test_the_format_hint_is_in_indonesian_for_indonesian_readers():
    with translation.override("id"):
        assert "hari/bulan/tahun" in str(DateInput.format_hint)
