"""Date pickers hold ISO values in every language: Indonesian's 15-12-2026 in a
`type="date"` input shows as empty, so editing would lose the date."""

import datetime

import pytest
from django.utils import translation

from coaching.learning.forms import DueDateForm, PlanCheckinForm
from coaching.record.forms import LearningReviewForm, OneOnOneForm
from coaching.record.models import LearningReview, OneOnOne

DAY = datetime.date(2026, 12, 15)
MOMENT = datetime.datetime(2026, 12, 15, 9, 30)


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize(
    ("make_form", "field", "value"),
    [
        (lambda: DueDateForm(initial={"due_on": DAY}), "due_on", "2026-12-15"),
        (lambda: PlanCheckinForm(initial={"when": MOMENT}), "when", "2026-12-15T09:30"),
        (
            lambda: LearningReviewForm(instance=LearningReview(happened_on=DAY)),
            "happened_on",
            "2026-12-15",
        ),
        (lambda: OneOnOneForm(instance=OneOnOne(meets_at=MOMENT)), "meets_at", "2026-12-15T09:30"),
    ],
)
def test_a_date_picker_shows_its_value_in_iso(language, make_form, field, value):
    with translation.override(language):
        html = str(make_form()[field])

    assert f'value="{value}"' in html
