"""The coach's forms on a new hire's page come from their form classes: one set per step,
each field with its own id and label, limits and choices from the form, and a refused
form shown again in its place with its error and what was typed."""

import datetime
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from coaching.learning.forms import NOTE_LIMIT
from tests import builders

pytestmark = pytest.mark.django_db


class Fields(HTMLParser):
    """The page's form fields (textarea, input, select) by id, every id, and every label's
    target."""

    def __init__(self, html):
        super().__init__()
        self.fields, self.ids, self.labels = {}, Counter(), set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids[attrs["id"]] += 1
        if tag == "label" and "for" in attrs:
            self.labels.add(attrs["for"])
        if tag in ("textarea", "input", "select") and attrs.get("type") != "hidden":
            self.fields[attrs.get("id")] = {"tag": tag, **attrs}


@pytest.fixture
def two_paths(portal, trainee):
    """Two assignments of a path with every kind of step, the task of the first waiting
    for sign-off."""
    first = builders.assign(builders.make_path_of_every_kind(portal), trainee)
    second = builders.assign(builders.make_path("Second", steps=["Call a customer"]), trainee)
    return first, second


def trainee_page(client, coach, trainee):
    client.force_login(coach)
    return client.get(reverse("coaching:trainee", args=[trainee.pk]))


def submit_task(client, trainee, assignment, number=3):
    client.force_login(trainee)
    client.post(reverse("coaching:submit_task", args=[assignment.pk, number]), {"text": "Done."})


def test_every_field_has_its_own_id_and_a_label_that_names_it(client, coach, trainee, two_paths):
    first, _second = two_paths
    submit_task(client, trainee, first)

    page = Fields(trainee_page(client, coach, trainee).text)

    assert [id_ for id_, count in page.ids.items() if count > 1] == []
    coach_fields = {id_ for id_ in page.fields if id_ and id_ != "language-switcher"}
    assert coach_fields == {
        f"sign-off-{first.pk}-3-text",
        f"send-back-{first.pk}-3-text",
        f"plan-checkin-{first.pk}-5-when",
        f"record-checkin-{first.pk}-5-text",
        f"change-due-{first.pk}-due_on",
        f"change-due-{_second.pk}-due_on",
        f"grant-attempts-{first.pk}-4-attempts",
        f"grant-attempts-{first.pk}-4-reason",
        *(f"waive-{first.pk}-{number}-reason" for number in range(1, 6)),
        f"waive-{_second.pk}-1-reason",
    }
    assert coach_fields <= page.labels


def test_limits_and_requirements_come_from_the_forms(client, coach, trainee, two_paths):
    first, _second = two_paths
    submit_task(client, trainee, first)

    fields = Fields(trainee_page(client, coach, trainee).text).fields

    sign_off, send_back = (
        fields[f"sign-off-{first.pk}-3-text"],
        fields[f"send-back-{first.pk}-3-text"],
    )
    assert sign_off["maxlength"] == send_back["maxlength"] == str(NOTE_LIMIT)
    assert "required" not in sign_off and "required" in send_back
    plan = fields[f"plan-checkin-{first.pk}-5-when"]
    assert (plan["type"], "required" in plan) == ("text", True)  # typed day first


def test_the_due_date_is_shown_day_first_in_every_language(client, coach, trainee, two_paths):
    first, _second = two_paths
    first.due_on = datetime.date(2027, 3, 9)
    first.save(update_fields=["due_on"])

    client.force_login(coach)

    html = client.get(
        reverse("coaching:trainee", args=[trainee.pk]), HTTP_ACCEPT_LANGUAGE="id"
    ).text

    assert '<html lang="id"' in html
    assert Fields(html).fields[f"change-due-{first.pk}-due_on"]["value"] == "09/03/2027"


def test_a_refused_comment_comes_back_beside_its_field_as_typed(client, coach, trainee, two_paths):
    first, _second = two_paths
    submit_task(client, trainee, first)
    too_long = "Add the third call. " * 300  # over the limit of NOTE_LIMIT characters
    client.force_login(coach)

    response = client.post(reverse("coaching:send_back", args=[first.pk, 3]), {"text": too_long})

    assert response.status_code == 200
    field_id = f"send-back-{first.pk}-3-text"
    html = response.text
    assert f'<p class="field__error" id="{field_id}-error">' in html
    assert f'aria-describedby="{field_id}_error"' in html
    assert too_long.strip() in html  # nothing typed is lost
    assert f'href="#{field_id}"' in html  # the summary at the top links to the field
    assert first.progress.get().status == "submitted"


def test_a_refused_check_in_time_comes_back_in_its_own_step_only(client, coach, trainee, two_paths):
    first, _second = two_paths
    client.force_login(coach)

    response = client.post(
        reverse("coaching:plan_checkin", args=[first.pk, 5]), {"when": "next tuesday"}
    )

    fields = Fields(response.text).fields
    assert fields[f"plan-checkin-{first.pk}-5-when"]["value"] == "next tuesday"
    assert fields[f"plan-checkin-{first.pk}-5-when"]["aria-invalid"] == "true"
    assert "aria-invalid" not in fields[f"record-checkin-{first.pk}-5-text"]


def test_a_step_s_actions_open_on_demand_and_stay_open_when_one_was_refused(
    client, coach, trainee, two_paths
):
    first, _second = two_paths
    client.force_login(coach)

    shown = client.get(reverse("coaching:trainee", args=[trainee.pk])).text
    refused = client.post(
        reverse("coaching:plan_checkin", args=[first.pk, 5]), {"when": "next tuesday"}
    ).text

    assert '<details class="step-menu" open>' not in shown  # every step's menu is closed
    assert shown.count('<details class="step-menu">') >= 5
    assert refused.count('<details class="step-menu" open>') == 1
