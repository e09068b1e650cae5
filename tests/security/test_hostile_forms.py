"""Every form, fed malformed and hostile input by hypothesis: oversized text, wrong types,
missing fields, NUL bytes, markup, and ids that belong to other people.

Whatever arrives, the answer is never a 500; a form shown again names the problem; and a
refused submission changes nothing. Each example runs in a transaction rolled back after it.
"""

import re

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coaching.learning.forms import AssignForm, DueDateForm, NoteForm, PlanCheckinForm
from coaching.models import (
    ActionItem,
    Assignment,
    CheckAttempt,
    Cheer,
    CoachingLogEntry,
    Entry,
    GoalCheckIn,
    RecordErasure,
    Reply,
    StepProgress,
)
from coaching.record.forms import (
    ActionItemForm,
    AgendaItemForm,
    EraseForm,
    ExportForm,
    GoalCheckInForm,
    RecognitionForm,
    ReplyForm,
)
from coaching.record.kinds import KINDS
from tests import builders
from tests.coaching.record import make

pytestmark = pytest.mark.django_db

WATCHED = [
    Assignment,
    StepProgress,
    CheckAttempt,
    Entry,
    Reply,
    GoalCheckIn,
    Cheer,
    ActionItem,
    RecordErasure,
    CoachingLogEntry,
]
ERROR_MARKS = ("field__error", "form-errors", "message--error", 'role="alert"')

FUZZ = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def fields_of(form_class, *extra):
    return [*form_class.base_fields, *extra]


@pytest.fixture
def targets(portal, trainee, coach, other_trainee, other_coach):
    """What the forms name: the new hire's assignment and the entries on their record; and
    the ids a hostile form could name instead: other people's things, and nothing at all."""
    theirs = builders.assign(builders.make_path("Theirs", steps=["Their task"]), other_trainee)
    their_entry = make.feedback(other_trainee, other_coach)
    return {
        "assignment": builders.assign(builders.make_path_of_every_kind(portal), trainee),
        "entries": make.one_of_each(trainee, coach),
        "foreign": [
            str(other_trainee.pk),
            str(theirs.pk),
            str(their_entry.pk),
            str(theirs.path_id),
            "0",
            "-1",
            "99999999999999999999",
        ],
    }


@pytest.fixture
def posters(trainee, coach, hr):
    """Who posts the forms: the new hire, their coach, HR."""
    return {"trainee": trainee, "coach": coach, "hr": hr}


def hostile_values(foreign):
    return st.one_of(
        st.text(max_size=40),
        st.sampled_from(
            [
                "",
                " ",
                "x" * 100_001,
                "abc",
                "2026-02-30",
                "1999-01-01",
                "9999-12-31T25:61",
                "true",
                "<script>alert(1)</script>",
                '<img src=x onerror="alert(1)">',
                "nul\x00byte",
                "\ud7ff\ufffd",
                *foreign,
            ]
        ),
        st.integers().map(str),
    )


def hostile_body(fields, foreign):
    value = hostile_values(foreign)
    return st.dictionaries(
        st.sampled_from([*fields, "unexpected_field"]),
        st.one_of(value, st.lists(value, max_size=3)),
        max_size=len(fields) + 1,
    )


def counts():
    return [model.objects.count() for model in WATCHED]


def submit(client, person, url, body):
    """Post `body` as `person`, check the answer, and roll back whatever it changed."""
    client.force_login(person)
    with transaction.atomic():
        before = counts()
        response = client.post(url, body)
        assert response.status_code in (200, 302, 404), response.status_code
        if response.status_code == 200:
            page = response.content.decode()
            assert any(mark in page for mark in ERROR_MARKS), "a refused form names the problem"
        if response.status_code in (200, 404):
            assert counts() == before, "a refused or unknown form changes nothing"
        transaction.set_rollback(True)
    return response


def form_cases(targets):
    """(who posts, the URL, the fields its form reads) for every form of the plugin."""
    a, entries = targets["assignment"].pk, targets["entries"]
    owner = targets["assignment"].trainee_id
    step = lambda name, number: reverse(name, args=[a, number])  # noqa: E731
    cases = [
        ("trainee", step("coaching:submit_task", 3), fields_of(NoteForm)),
        ("trainee", step("coaching:take_check", 2), ["answers", "question"]),
        ("trainee", step("coaching:complete_module", 1), ["confirm"]),
        ("coach", step("coaching:sign_off", 3), fields_of(NoteForm)),
        ("coach", step("coaching:send_back", 3), fields_of(NoteForm)),
        ("coach", step("coaching:plan_checkin", 5), fields_of(PlanCheckinForm)),
        ("coach", step("coaching:record_checkin", 5), fields_of(NoteForm)),
        ("coach", reverse("coaching:change_due", args=[a]), fields_of(DueDateForm)),
        ("coach", reverse("coaching:assign"), fields_of(AssignForm)),
        ("trainee", reverse("coaching:give_recognition"), fields_of(RecognitionForm)),
        ("trainee", reverse("coaching:reply", args=[entries["feedback"].pk]), fields_of(ReplyForm)),
        (
            "trainee",
            reverse("coaching:goal_check_in", args=[entries["goal"].pk]),
            fields_of(GoalCheckInForm, "status", "confidence", "comment", "result-1"),
        ),
        (
            "coach",
            reverse("coaching:add_item", args=[entries["one-on-one"].pk, "agenda"]),
            fields_of(AgendaItemForm),
        ),
        (
            "coach",
            reverse("coaching:add_item", args=[entries["one-on-one"].pk, "action"]),
            fields_of(ActionItemForm),
        ),
        ("hr", reverse("coaching:cheer", args=[entries["recognition"].pk]), ["message"]),
        ("hr", reverse("coaching:erase_record", args=[owner]), fields_of(EraseForm)),
        ("hr", reverse("coaching:erase_person", args=[owner]), fields_of(EraseForm)),
        ("hr", reverse("coaching:export_person", args=[owner]), fields_of(ExportForm)),
        ("trainee", reverse("coaching:preferences"), ["emailed"]),
        ("coach", reverse("coaching:edit_entry", args=[entries["feedback"].pk]), []),
    ]
    for slug, kind in KINDS.items():
        role = "trainee" if slug == "reflection" else "coach"
        url = reverse("coaching:new_entry", args=[owner, slug])
        cases.append((role, url, [*kind.form.base_fields, "results-TOTAL_FORMS"]))
    return cases


CASE_COUNT = 20 + len(KINDS)


@pytest.mark.parametrize("case", range(CASE_COUNT))
@FUZZ
@given(data=st.data())
def test_no_form_breaks_or_changes_anything_on_bad_input(client, targets, posters, case, data):
    role, url, fields = form_cases(targets)[case]
    if not fields:
        fields = ["feedback_kind", "situation", "behaviour", "impact", "suggestion"]
    body = data.draw(hostile_body(fields, targets["foreign"]), label=url)

    submit(client, posters[role], url, body)


def test_every_form_is_fuzzed(targets):
    assert len(form_cases(targets)) == CASE_COUNT


def test_a_nul_byte_in_a_cheer_is_refused_not_a_500(client, targets, hr):
    client.force_login(hr)
    url = reverse("coaching:cheer", args=[targets["entries"]["recognition"].pk])

    response = client.post(url, {"message": "thanks\x00"}, follow=True)

    assert response.status_code == 200
    assert "Null characters are not allowed." in response.text
    assert not Cheer.objects.exists()


HUGE_ID = "99999999999999999999"  # more than any database integer holds
NOT_A_CHOICE = "Select a valid choice. That choice is not one of the available choices."


@pytest.mark.parametrize(
    ("role", "url_name", "field", "message"),
    [
        ("coach", "coaching:assign", "trainees", f"“{HUGE_ID}” is not a valid value."),
        ("coach", "coaching:assign", "path", NOT_A_CHOICE),
        ("coach", "coaching:assign", "business_unit", NOT_A_CHOICE),
        ("trainee", "coaching:give_recognition", "recipient", NOT_A_CHOICE),
        ("trainee", "coaching:give_recognition", "value", NOT_A_CHOICE),
    ],
)
def test_an_id_too_large_for_the_database_is_refused_beside_its_field(
    client, posters, role, url_name, field, message
):
    response = submit(client, posters[role], reverse(url_name), {field: HUGE_ID})

    assert response.status_code == 200
    # The field template puts each of a field's errors in <p id="id_<field>-error">.
    error = rf'<p class="field__error" id="id_{field}-error">([^<]*)</p>'
    assert re.findall(error, response.text) == [message]
