"""Erasing a person leaves nothing of them in any table: every text column of every model
Django knows (the project's, Django's and Wagtail's, logs and revisions included) and the
stored sessions, decoded, are searched for their name, username, email and a phrase they
wrote everywhere they could write. The tables come from `apps.get_models()`, so a table
added later is searched too."""

import datetime

import pytest
from axes.models import AccessLog
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import models
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse

from coaching.audit import trail
from coaching.learning.progress import send_back, submit_task, take_check
from coaching.models import (
    AgendaTemplate,
    Assignment,
    CoachRelationship,
    GoalCheckIn,
    TraineeProfile,
)
from coaching.notifications.models import NotificationKind
from coaching.notifications.sending import Notice, notify
from coaching.record.models import Cheer
from lessons.models import StepKind
from tests import builders

from . import make

pytestmark = pytest.mark.django_db

FIRST, LAST = "Nadiraya", "Kusumawardani"
USERNAME, EMAIL = "nkusuma", "nadiraya.k@example.org"
PHRASE = "quokka lantern"
NEEDLES = (FIRST, LAST, USERNAME, EMAIL, PHRASE)


def text_columns():
    """(model, field) for every text column: CharField (EmailField, SlugField and URLField
    are CharFields), TextField and JSONField, of every concrete model installed."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.local_concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.JSONField):
                yield model, field


def where(needle):
    """The columns (and decoded sessions) holding `needle`, whatever its case."""
    found = []
    for model, field in text_columns():
        rows = model._base_manager.annotate(_text=Cast(field.name, models.TextField()))
        if rows.filter(_text__icontains=needle).exists():
            found.append(f"{model._meta.db_table}.{field.column}")
    for session in Session.objects.all():
        if needle.lower() in str(session.get_decoded()).lower():
            found.append(f"session {session.session_key}")
    return found


def test_the_scan_covers_every_installed_model():
    tables = {model._meta.db_table for model, _field in text_columns()}

    assert {
        "auth_user",
        "django_session",
        "wagtailcore_revision",
        "wagtailcore_modellogentry",
        "wagtailcore_pagelogentry",
        "coaching_coachinglogentry",
        "wagtailusers_userprofile",
        "coaching_stepprogress",
        "coaching_checkattempt",
    } <= tables


@pytest.fixture
def scene(admin_client, superuser, portal):
    """Nadiraya did everything a person can leave a trace with, and HR edited her in the
    admin; `admin_client` is HR (a superuser), and she has a browser of her own."""
    coach = builders.make_user("citra")
    colleague = builders.make_user("bima")
    person = builders.make_trainee(USERNAME, coach=coach)
    person.first_name, person.last_name, person.email = FIRST, LAST, EMAIL
    person.save()

    # Learning: a task submitted with a note and sent back with a comment, a check taken.
    check = builders.make_check()
    learning_path = builders.make_path(
        "Orientation", steps=[builders.make_module(portal), "Shadow a call", check]
    )
    assignment = builders.assign(learning_path, person, by=coach)
    steps = {step.kind: step for step in builders.steps_of(assignment)}
    submit_task(assignment, steps[StepKind.TASK], note=f"My note: {PHRASE}")
    send_back(assignment, steps[StepKind.TASK], coach=coach, comment=f"Coach: more {PHRASE}")
    take_check(assignment, steps[StepKind.KNOWLEDGE_CHECK], {"q": [PHRASE]})

    # The record: an entry of each kind, her reply, agenda item, goal and its check-in.
    made = make.one_of_each(person, coach)
    make.reply(made["feedback"], person, f"Reply: {PHRASE}")
    make.agenda_item(made["one-on-one"], person, f"Agenda: {PHRASE}")
    AgendaTemplate.objects.create(owner=person, items=f"My default agenda: {PHRASE}")
    goal = make.goal(person, person, title=f"Goal: {PHRASE}")
    GoalCheckIn.objects.create(goal=goal, author=person, status="on_track", comment=PHRASE)
    # Recognition she gave bima (it stays on his record, without her name), and a cheer.
    given = make.recognition(colleague, person, message="Thanks for the handover")
    Cheer.objects.create(recognition=given, author=person, message=f"Cheer: {PHRASE}")
    notify([Notice(colleague.pk, NotificationKind.RECOGNITION, "r", {"author": f"{FIRST} {LAST}"})])

    # She signs in and edits her reflection (the edit keeps a history).
    client = Client()
    client.force_login(person)
    client.post(
        reverse("coaching:edit_entry", args=[made["reflection"].pk]),
        {"title": f"Week one, {PHRASE}", "text": f"Edited: {PHRASE}"},
    )
    client.post(
        reverse("coaching:edit_entry", args=[made["reflection"].pk]),
        {"title": "Week one", "text": "Edited again"},
    )
    client.post(reverse("coaching:preferences"), {"language": "id", "emailed": []})
    # The demo's sign-in throttle logged her signing in (it is off in the tests).
    AccessLog.objects.create(
        username=USERNAME, user_agent="Firefox", ip_address="10.0.0.1", path_info="/sign-in/"
    )

    # HR, in the admin: her account, her profile, her coaching bima; a reason naming her.
    admin_client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        {
            "username": USERNAME,
            "email": EMAIL,
            "first_name": FIRST,
            "last_name": LAST,
            "is_active": "on",
            "password1": "",
            "password2": "",
        },
    )
    admin_client.post(
        reverse("trainees:edit", args=[TraineeProfile.objects.get(user=person).pk]),
        {"user": person.pk, "start_date": "2026-11-02", "business_unit": "", "job_title": "Lead"},
    )
    admin_client.post(
        reverse("coach_relationships:add"),
        {"coach": person.pk, "trainee": colleague.pk, "starts_on": "2026-11-01", "ends_on": ""},
    )
    trail.record(
        assignment,
        "coaching.change_due",
        by=superuser,
        trainee_id=person.pk,
        path="Orientation",
        old="",
        new="2026-12-01",
        reason=f"{FIRST} asked for more time",
    )
    return {"person": person, "assignment": assignment, "colleague": colleague}


def erase_person(admin_client, person):
    return admin_client.post(
        reverse("coaching:erase_person", args=[person.pk]),
        {"confirm_name": USERNAME, "reason": "Left in November, asked to be forgotten"},
    )


def test_before_erasure_the_scan_finds_each_trace(scene):
    found = {needle: where(needle) for needle in NEEDLES}

    assert all(found.values()), found
    assert "coaching_coachinglogentry.data" in found[FIRST]  # the coach link, the reason
    assert "wagtailcore_modellogentry.label" in found[USERNAME]  # HR's edit of the account
    assert "coaching_checkattempt.answers" in found[PHRASE]
    assert "coaching_stepprogress.note" in found[PHRASE]
    assert "axes_accesslog.username" in found[USERNAME]


def test_after_erasure_no_table_holds_anything_of_the_person(scene, admin_client):
    response = erase_person(admin_client, scene["person"])

    assert response.status_code == 302
    assert {needle: where(needle) for needle in NEEDLES} == {needle: [] for needle in NEEDLES}


def test_what_reports_need_stays_on_the_anonymised_account(scene, admin_client):
    erase_person(admin_client, scene["person"])

    account = get_user_model().objects.get(pk=scene["person"].pk)
    assert (account.username, account.is_active, account.has_usable_password()) == (
        f"erased-{account.pk}",
        False,
        False,
    )
    assignment = Assignment.objects.get(pk=scene["assignment"].pk)
    assert assignment.trainee_id == account.pk
    assert assignment.progress.count() == 1
    assert not CoachRelationship.objects.filter(coach=account).exists()


def test_the_scene_is_as_dated_as_the_tests_expect(scene):
    # The coach link HR added starts before the due date change: a sanity check that the
    # admin posts above succeeded (the scan would otherwise miss their traces silently).
    assert CoachRelationship.objects.get(coach=scene["person"]).starts_on == datetime.date(
        2026, 11, 1
    )
    assert TraineeProfile.objects.get(user=scene["person"]).job_title == "Lead"
