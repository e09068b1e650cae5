"""Every URL of the plugin that takes a POST, fed malformed and hostile input: oversized
text, markup, NUL bytes, wrong types, missing fields, bad dates, huge numbers, and ids that
belong to other people; some fixed, some drawn by hypothesis.

The URLs come from the URL resolver, as in test_every_url.py: each URL name of the
`coaching` namespace (the portal, the coach dashboard, the record) and of the admin screens
of the viewsets the plugin registers needs an entry in FORMS saying who posts it, how its
URL arguments are filled from the scene, which fields it reads and what data it accepts.
A URL with no entry fails `test_every_url_that_takes_a_post_is_fuzzed`, naming it, so no
new form goes unfuzzed. Whether a URL takes a POST is its own answer: one that answers
405 is left alone.

Whatever arrives, the answer is never a 500. A refused submission (a 4xx, a form shown again,
a page shown instead, or a redirect to a page with an error message) leaves every row of
every table of the plugin, of Django's auth, of Wagtail's core and of the task queue exactly
as it was: the test compares the tables' contents, row by row, before and after, and names
the rows that changed. An accepted submission's next page shows user text escaped. Each
request runs in a transaction rolled back after it.
"""

import copy
import dataclasses
import functools
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.messages import ERROR
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coaching.buddies import questions
from coaching.calendars.models import CalendarFeed
from coaching.learning import progress
from coaching.learning.evidence import KINDS
from coaching.learning.forms import (
    AssignForm,
    GrantAttemptsForm,
    KnowledgeCheckForm,
    PlanCheckinForm,
)
from coaching.models import ActionItem, CoachRelationship, Evidence, TraineeProfile
from coaching.people.hiring import NewHireForm
from coaching.record.forms import (
    ActionItemForm,
    EraseForm,
    ExportForm,
    FeedbackForm,
    GoalForm,
    KeyResultForm,
    LearningReviewForm,
    OneOnOneForm,
    RecognitionForm,
    ReflectionForm,
)
from tests import builders
from tests.asking import ADMIN, LOGIN, SORRY, answer
from tests.coaching.api.client import held_token
from tests.coaching.provisioning.scim import make_token
from tests.coaching.record import make
from tests.coaching.webhooks.receiver import make_endpoint
from tests.security.test_every_url import plugin_url_names

pytestmark = pytest.mark.django_db

# --- What is compared: every table of these apps, row by row -------------------------------

WATCHED_APPS = {"coaching", "lessons", "auth", "wagtailcore", "django_tasks_db", "taggit"}
# Columns any request may change: signing in sets last_login (sessions are not watched),
# and opening a page reads the viewer's notifications about it (inbox.mark_seen).
CHANGE_ON_ANY_REQUEST = {("auth_user", "last_login"), ("coaching_notification", "read_at")}


@functools.cache
def watched_tables():
    """(table, primary key column, compared columns) of every table of WATCHED_APPS, the
    many-to-many tables too; a child model's table holds only its own columns."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label not in WATCHED_APPS or meta.proxy or not meta.managed:
            continue
        columns = [
            field.column
            for field in meta.local_concrete_fields
            if (meta.db_table, field.column) not in CHANGE_ON_ANY_REQUEST
        ]
        found[meta.db_table] = (meta.pk.column, columns)
    return found


def snapshot():
    """Every watched table's contents: {table: {pk: (column values)}}."""
    quote = connection.ops.quote_name
    contents = {}
    with connection.cursor() as cursor:
        for table, (pk, columns) in watched_tables().items():
            cursor.execute(
                f"SELECT {quote(pk)}, {', '.join(map(quote, columns))} FROM {quote(table)}"
            )
            contents[table] = {row[0]: row[1:] for row in cursor.fetchall()}
    return contents


def changes(before, after):
    """The rows that differ, as readable lines: 'table pk: added/removed/changed ...'."""
    lines = []
    for table, rows in after.items():
        old = before[table]
        columns = watched_tables()[table][1]
        for pk in sorted(old.keys() | rows.keys(), key=str):
            if pk not in old:
                lines.append(f"{table} {pk}: added {dict(zip(columns, rows[pk], strict=True))}")
            elif pk not in rows:
                lines.append(f"{table} {pk}: removed")
            elif old[pk] != rows[pk]:
                changed = {
                    column: (was, now)
                    for column, was, now in zip(columns, old[pk], rows[pk], strict=True)
                    if was != now
                }
                lines.append(f"{table} {pk}: changed {changed}")
    return lines


# --- The scene, and how each URL is filled from it -----------------------------------------


@pytest.fixture
def scene(portal, people):
    """What the URLs name, all about `trainee` (coached by `coach`), as in
    test_every_url.py; and what belongs to `other_trainee`, for foreign ids."""
    trainee, coach = people["trainee"], people["coach"]
    other, their_coach = people["other_trainee"], people["other_coach"]
    entries = make.one_of_each(trainee, coach)
    theirs = builders.assign(builders.make_path("Theirs", steps=["Their task"]), other)
    their_entry = make.feedback(other, their_coach)
    things = {
        **people,
        **entries,
        "assignment": builders.assign(builders.make_path_of_every_kind(portal), trainee),
        "private recognition": make.recognition(
            trainee, people["colleague"], message="Quiet thanks.", public=False
        ),
        "public recognition": make.recognition(
            trainee, people["colleague"], message="Loud thanks.", public=True
        ),
        "action": make.action_item(entries["one-on-one"], trainee),
        "review-action": make.review_action(entries["review"], trainee),
        "notification": trainee.notifications.get(),
        "value": make.value(),
        "submitted": submitted_task(trainee),
        "evidence": Evidence.objects.get(),
        "profile": trainee.trainee_profile,
        "relationship": CoachRelationship.objects.get(coach=coach, trainee=trainee),
        "token": make_token("Okta")[0],
        "endpoint": make_endpoint(),
        "api token": held_token(people["hr"], "read:people")[0],
        "calendar feed": CalendarFeed.objects.create(person=trainee, token=FEED_TOKEN),
    }
    things["rule"] = a_rule()
    # The colleague is the new hire's buddy, with a question to answer (coaching/buddies).
    TraineeProfile.objects.filter(user=trainee).update(buddy=people["colleague"])
    things["question"] = questions.ask(trainee, "Where is the canteen?")[0]
    things["people import"] = an_import(people["hr"])
    things["older"] = on_an_older_version(trainee)
    things["older path"] = things["older"].path
    things["module"] = builders.steps_of(things["assignment"])[0].page
    things["foreign"] = [
        str(other.pk),
        str(other.trainee_profile.pk),
        str(theirs.pk),
        str(their_entry.pk),
        str(theirs.path_id),
        "0",
        "-1",
    ]
    return things


def a_rule():
    """An enrolment rule (coaching/automation), with no path: running it assigns nothing."""
    from tests.coaching.automation import make as make_rule

    return make_rule.rule(name="Everyone")


def an_import(person):
    """A file of one new hire uploaded by `person`, waiting for their confirmation."""
    from coaching.importing import imports
    from tests.coaching.importing.helpers import csv_bytes, row, upload

    content = csv_bytes([row(email="putri.import@example.com", unit="", coach="")])
    return imports.take_upload(upload(content), "csv", by=person)


def on_an_older_version(trainee):
    """An assignment of a path published again since: it can move to version 2."""
    assignment = builders.assign(builders.make_path("Renewed", steps=["First step"]), trainee)
    renewed = assignment.path
    builders.republish(renewed, [*renewed.steps.all(), "A new step"])
    return assignment


def submitted_task(trainee):
    """An assignment of a one-task path whose task waits for the coach's sign-off, with a
    PDF attached as evidence."""
    assignment = builders.assign(builders.make_path("Shadowing", steps=["Shadow"]), trainee)
    upload = SimpleUploadedFile("notes.pdf", b"%PDF-1.4\n%%EOF\n")
    progress.submit_task(
        assignment,
        builders.steps_of(assignment)[0],
        note="Done",
        files=[(upload, KINDS["pdf"])],
        by=trainee,
    )
    return assignment


class Of:
    """The id of one of the scene's things, in a URL's arguments or a form's data."""

    def __init__(self, name):
        self.name = name


Data = dict[str, Any] | Callable[[dict], dict[str, Any]]


@dataclasses.dataclass(frozen=True)
class Form:
    """Who posts a URL, its arguments, the fields it reads, and (for a form that can be
    accepted) data it accepts, whose `text` fields are shown on the page that follows."""

    who: str
    kwargs: dict[str, Any] = dataclasses.field(default_factory=dict)
    fields: tuple[str, ...] | Callable[[dict], tuple[str, ...]] = ()
    valid: Data | None = None
    text: tuple[str, ...] = ()


def form(who, fields=(), valid=None, text=(), **kwargs):
    return Form(who, kwargs, fields, valid, text)


def page(who, **kwargs):
    """A URL that shows a page and reads no form: a POST to it must change nothing."""
    return Form(who, kwargs)


def fields_of(*form_classes, extra=()):
    return tuple(name for form_class in form_classes for name in form_class.base_fields) + extra


def check_fields(scene):
    check = progress.knowledge_check_for(builders.steps_of(scene["assignment"])[1])
    return tuple(KnowledgeCheckForm(check=check).fields)


def check_answers(scene):
    """Answers to the step-2 check (one for each question: its first choice)."""
    check = progress.knowledge_check_for(builders.steps_of(scene["assignment"])[1])
    form = KnowledgeCheckForm(check=check)
    return {name: str(field.choices[0][0]) for name, field in form.fields.items()}


def goal_fields(scene):
    result = scene["goal"].key_results.get()
    return ("status", "confidence", "comment", f"result_{result.pk}")


def goal_check_in(scene):
    result = scene["goal"].key_results.get()
    return {"status": "on_track", "confidence": "2", f"result_{result.pk}": "3", "comment": "c"}


ASSIGNMENT = {"assignment_id": Of("assignment")}
SUBMITTED = {"assignment_id": Of("submitted")}
ON_RECORD = {"person_id": Of("trainee")}
TEXT = {"text": "Hi"}
FEED_TOKEN = "the-new-hires-feed-token"
KEY_RESULTS = tuple(f"results-0-{name}" for name in KeyResultForm.base_fields)
GOAL = {
    "title": "t",
    "cadence": "weekly",
    "set_by": "coach",
    "results-TOTAL_FORMS": "1",
    "results-INITIAL_FORMS": "0",
    "results-0-title": "Calls handled alone",
    "results-0-start_value": "0",
    "results-0-target_value": "20",
    "results-0-current_value": "0",
}
FEEDBACK = {"feedback_kind": "coaching", "situation": "s", "behaviour": "b", "impact": "i"}
REVIEW = {"title": "t", "happened_on": "2026-01-05", "timeline": "t", "conditions": "c"}
REVIEW |= {"learned": "l"}

FORMS: dict[str, list[Form]] = {
    # Signing in and out, settings.
    "coaching:sign_in": [form("anonymous", ("username", "password"))],
    "coaching:sign_out": [page("trainee")],
    "coaching:preferences": [
        form("trainee", ("language", "emailed"), {"language": "id", "emailed": ["assigned"]})
    ],
    "coaching:choose_language": [form("trainee", ("language", "next"), {"language": "id"})],
    # Calendars: the feed is read with GET; a new link and cancelling a 1:1 read no fields.
    "coaching:calendar_feed": [page("anonymous", token=FEED_TOKEN)],
    "coaching:calendar_link": [form("trainee", (), None)],
    "coaching:cancel_one_on_one": [form("coach", (), None, entry_id=Of("one-on-one"))],
    # The admin's JavaScript words Wagtail leaves in English: a script, read with GET.
    "coaching:wagtail_words_js": [page("anonymous")],
    # The new hire's portal.
    "coaching:home": [page("trainee")],
    "coaching:assignment": [page("trainee", **ASSIGNMENT)],
    "coaching:step": [page("trainee", number=3, **ASSIGNMENT)],
    "coaching:complete_module": [form("trainee", ("confirm",), {}, number=1, **ASSIGNMENT)],
    "coaching:take_check": [
        form("trainee", check_fields, check_answers, number=2, **ASSIGNMENT),
    ],
    "coaching:submit_task": [form("trainee", ("text",), TEXT, ("text",), number=3, **ASSIGNMENT)],
    "coaching:evidence": [page("trainee", evidence_id=Of("evidence"))],
    "coaching:remove_evidence": [
        form("trainee", (), {}, number=1, evidence_id=Of("evidence"), **SUBMITTED)
    ],
    # The coach dashboard and the coach's actions on an assignment.
    "coaching:dashboard": [page("coach")],
    "coaching:trainee": [page("coach", trainee_id=Of("trainee"))],
    "coaching:assign": [
        form(
            "coach",
            fields_of(AssignForm),
            lambda scene: {
                "path": scene["assignment"].path_id,
                "target": "people",
                "trainees": [scene["trainee"].trainee_profile.pk],
                "due_kind": "none",
            },
        )
    ],
    "coaching:cancel_assignment": [form("coach", (), {}, **ASSIGNMENT)],
    "coaching:change_due": [form("coach", ("due_on",), {"due_on": "2027-01-31"}, **ASSIGNMENT)],
    "coaching:move_version": [
        form(
            "coach",
            ("version", "due_on"),
            {"version": "2", "due_on": "2027-01-31"},
            assignment_id=Of("older"),
        )
    ],
    # A task the new hire has sent for sign-off.
    "coaching:sign_off": [form("coach", ("text",), TEXT, ("text",), number=1, **SUBMITTED)],
    "coaching:send_back": [form("coach", ("text",), TEXT, ("text",), number=1, **SUBMITTED)],
    "coaching:plan_checkin": [
        form(
            "coach",
            fields_of(PlanCheckinForm),
            {"when": "2027-01-05T10:00"},
            number=5,
            **ASSIGNMENT,
        )
    ],
    "coaching:record_checkin": [form("coach", ("text",), TEXT, ("text",), number=5, **ASSIGNMENT)],
    # Unblocking a new hire: more attempts at the check, or waiving a step.
    "coaching:grant_attempts": [
        form(
            "coach",
            fields_of(GrantAttemptsForm),
            {"attempts": "2", "reason": "Ill on the day"},
            ("reason",),
            number=2,
            **ASSIGNMENT,
        )
    ],
    "coaching:waive": [
        form(
            "coach", ("reason",), {"reason": "Done elsewhere"}, ("reason",), number=1, **ASSIGNMENT
        )
    ],
    # The scene's module is not done, so asking to read it again is refused whatever is
    # sent (tests/coaching/rereading shows the message escaped on a done one).
    "coaching:read_again": [form("coach", ("text",), number=1, **ASSIGNMENT)],
    "coaching:read_again_done": [form("trainee", (), {}, number=1, **ASSIGNMENT)],
    # The development record.
    "coaching:my_record": [page("trainee")],
    "coaching:export_record": [page("trainee")],
    "coaching:print_record": [page("trainee")],
    "coaching:record": [page("coach", **ON_RECORD)],
    "coaching:new_entry": [
        form(
            "coach", fields_of(FeedbackForm), FEEDBACK, ("situation",), kind="feedback", **ON_RECORD
        ),
        form(
            "coach",
            fields_of(LearningReviewForm),
            REVIEW,
            ("timeline",),
            kind="review",
            **ON_RECORD,
        ),
        form(
            "coach",
            fields_of(GoalForm, extra=KEY_RESULTS),
            GOAL,
            ("title",),
            kind="goal",
            **ON_RECORD,
        ),
        form(
            "coach",
            fields_of(OneOnOneForm),
            {"meets_at": "2027-03-02T10:00", "notes": "n"},
            ("notes",),
            kind="one-on-one",
            **ON_RECORD,
        ),
        form(
            "trainee",
            fields_of(ReflectionForm),
            {"title": "t", "text": "x"},
            ("text",),
            kind="reflection",
            **ON_RECORD,
        ),
        # Written by the system, or through kudos: no form here, whoever posts.
        form("coach", ("title", "message"), kind="milestone", **ON_RECORD),
        form("coach", fields_of(RecognitionForm), kind="recognition", **ON_RECORD),
    ],
    "coaching:erase_record": [form("hr", fields_of(EraseForm), **ON_RECORD)],
    "coaching:erase_person": [form("hr", fields_of(EraseForm), **ON_RECORD)],
    "coaching:export_person": [form("hr", fields_of(ExportForm), **ON_RECORD)],
    "coaching:entry": [page("coach", entry_id=Of("feedback"))],
    "coaching:edit_entry": [
        form("coach", fields_of(FeedbackForm), FEEDBACK, ("impact",), entry_id=Of("feedback"))
    ],
    "coaching:reply": [form("trainee", ("text",), TEXT, ("text",), entry_id=Of("feedback"))],
    "coaching:goal_check_in": [
        form("trainee", goal_fields, goal_check_in, ("comment",), entry_id=Of("goal"))
    ],
    "coaching:add_item": [
        form("coach", ("text",), TEXT, ("text",), entry_id=Of("one-on-one"), item="agenda"),
        form(
            "coach",
            fields_of(ActionItemForm),
            lambda scene: {"text": "t", "owner": scene["trainee"].pk},
            ("text",),
            entry_id=Of("one-on-one"),
            item="action",
        ),
        form(
            "coach",
            fields_of(ActionItemForm),
            lambda scene: {"text": "t", "owner": scene["coach"].pk},
            ("text",),
            entry_id=Of("review"),
            item="review-action",
        ),
    ],
    "coaching:item_done": [
        form("trainee", (), {}, item="action", item_id=Of("action")),
        form("coach", (), {}, item="review-action", item_id=Of("review-action")),
    ],
    "coaching:cheer": [
        form(
            "hr", ("message", "from"), {"message": "Yes!"}, ("message",), entry_id=Of("recognition")
        )
    ],
    "coaching:kudos": [page("trainee")],
    "coaching:give_recognition": [
        form(
            "trainee",
            fields_of(RecognitionForm),
            lambda scene: {
                "recipient": scene["colleague"].pk,
                "value": scene["value"].pk,
                "message": "Thanks",
                "is_public": "on",
            },
            ("message",),
        )
    ],
    # Pre-boarding: the new hire's own welcome page, read with GET.
    "coaching:welcome": [page("trainee")],
    # Buddies: the colleague is the new hire's buddy and answers their question; the new
    # hire asks on their buddy page.
    "coaching:buddies": [page("colleague")],
    "coaching:buddy_trainee": [page("colleague", trainee_id=Of("trainee"))],
    "coaching:answer_question": [
        form("colleague", ("text",), TEXT, ("text",), question_id=Of("question"))
    ],
    "coaching:my_buddy": [form("trainee", ("text",), TEXT, ("text",))],
    # Notifications.
    "coaching:notifications": [page("trainee")],
    "coaching:open_notification": [
        form("trainee", (), {}, notification_id=Of("notification")),
    ],
    "coaching:mark_all_read": [form("trainee", (), {})],
    # A new hire's invitation: with a wrong link, nothing is read and nothing changes.
    "coaching:set_password": [page("trainee", uidb64="MQ", token="wrong")],
    # The plugin's own admin view: a draft module from a learning review's lesson.
    "module_proposals:index": [page("superuser")],
    "module_proposals:create_module": [form("superuser", (), {}, review_id=Of("review"))],
}
# The admin screens of the viewsets the plugin registers, posted by a superuser: HR's
# screens for new hires and who coaches whom, and the screens that refuse everyone.
PROFILE = ("user", "start_date", "business_unit", "job_title", "buddy")
RELATIONSHIP = ("coach", "trainee", "is_primary", "starts_on", "ends_on")
NEW_COACH = {"coach": Of("colleague"), "trainee": Of("trainee"), "starts_on": "2026-11-01"}
ADMIN_FORMS = {
    "trainees": (PROFILE, None, ("job_title",), "profile"),
    "coach_relationships": (RELATIONSHIP, NEW_COACH, (), "relationship"),
    "notification_emails": (("email_last_error",), None, (), "notification"),
    "provisioning_tokens": (("name", "is_active"), {"name": "Okta SCIM"}, (), "token"),
    "webhook_endpoints": (
        ("name", "url", "format", "events", "is_enabled"),
        {
            "name": "HR system",
            "url": "https://hooks.example.com/onboarding",
            "format": "standard",
            "events": ["path.completed"],
        },
        ("name",),
        "endpoint",
    ),
    "onboarding_api_tokens": (("name", "scopes"), None, ("name",), "api token"),
    "enrolment_rules": (
        ("name", "business_unit", "job_title", "starts_within_days", "starts_from", "due_on"),
        None,
        ("name", "job_title"),
        "rule",
    ),
}
for viewset, (fields, valid, text, thing) in ADMIN_FORMS.items():
    pk = {"pk": Of(thing)}
    FORMS |= {
        f"{viewset}:index": [page("superuser")],
        f"{viewset}:index_results": [page("superuser")],
        f"{viewset}:add": [form("superuser", fields, valid, text)],
        f"{viewset}:edit": [form("superuser", fields, None, text, **pk)],
        f"{viewset}:copy": [form("superuser", fields, valid, text, **pk)],
        f"{viewset}:delete": [form("superuser", (), None, **pk)],
        f"{viewset}:history": [page("superuser", **pk)],
        f"{viewset}:history_results": [page("superuser", **pk)],
        f"{viewset}:usage": [page("superuser", **pk)],
    }
# "Add a new hire" makes a new person: its own form, and no copy of another's profile.
FORMS["trainees:add"] = [
    form(
        "superuser",
        fields_of(NewHireForm),
        {"first_name": "Rizky", "email": "rizky.new@example.com", "start_date": "2026-11-01"},
        ("first_name",),
    )
]
del FORMS["trainees:copy"]
# Provisioning tokens: never copied (a copy would share nothing but a name); the page of a
# new key only shows it. SCIM answers 401 to anyone without a token (its bodies are
# fuzzed with one in tests/coaching/provisioning).
del FORMS["provisioning_tokens:copy"]
FORMS["provisioning_tokens:key"] = [page("superuser", pk=Of("token"))]
# Webhook endpoints: the same (the page of a new secret shows it once); the delivery log is
# a page, and "Send a test event" an action that reads no form.
del FORMS["webhook_endpoints:copy"]
FORMS["webhook_endpoints:secret"] = [page("superuser", pk=Of("endpoint"))]
FORMS["webhook_endpoints:deliveries"] = [page("superuser", pk=Of("endpoint"))]
FORMS["webhook_endpoints:test"] = [form("superuser", (), None, pk=Of("endpoint"))]
# API tokens: never copied; a new token names its owner (here: HR); the page of its key
# only shows it.
del FORMS["onboarding_api_tokens:copy"]
FORMS["onboarding_api_tokens:key"] = [page("superuser", pk=Of("api token"))]
FORMS["onboarding_api_tokens:add"] = [
    form(
        "superuser",
        ("name", "owner", "scopes"),
        {"name": "HR system", "owner": Of("hr"), "scopes": ["read:people"]},
        ("name",),
    )
]
for name, kwargs in {
    "scim_users": {},
    "scim_user": {"uuid": Of("trainee")},
    "scim_groups": {},
    "scim_group": {"uuid": "1"},
    "scim_service_provider_config": {},
    "scim_resource_types": {},
    "scim_resource_type": {"uuid": "User"},
    "scim_schemas": {},
    "scim_schema": {"uuid": "urn:ietf:params:scim:schemas:core:2.0:User"},
}.items():
    FORMS[f"coaching:{name}"] = [page("superuser", **kwargs)]
FORMS["trainees:invite"] = [form("superuser", (), None, pk=Of("profile"))]
FORMS["notification_emails:inspect"] = [page("superuser", pk=Of("notification"))]
del FORMS["enrolment_rules:copy"]
FORMS["enrolment_rules:inspect"] = [page("superuser", pk=Of("rule"))]
FORMS["enrolment_rules:run_now"] = [form("superuser", (), None, pk=Of("rule"))]
for report, kwargs in {
    "completion": {"by": "path"},
    "funnel": {},
    "questions": {},
    "content_freshness": {},
    "recognition": {"by": "value"},
    "goals": {},
}.items():
    for name in (report, f"{report}_results"):
        FORMS[f"onboarding_reports:{name}"] = [page("hr", **kwargs)]
for name in ("index", "results"):
    FORMS[f"onboarding_trail:{name}"] = [page("hr")]
    FORMS[f"onboarding_erasures:{name}"] = [page("hr")]
    FORMS[f"coaching_stuck_steps:{name}"] = [page("hr")]
# Importing new hires: HR's upload (a file field: hostile text is no file) and the preview
# of HR's own upload, whose POST confirms it (it reads no fields).
for name in ("index", "results", "example_csv", "example_xlsx"):
    FORMS[f"people_imports:{name}"] = [page("hr")]
FORMS["people_imports:upload"] = [form("hr", ("file",))]
FORMS["people_imports:preview"] = [form("hr", (), {}, pk=Of("people import"))]
FORMS["coaching_read_again:ask"] = [
    form("hr", ("unit", "message"), {"unit": "", "message": "Read it"}, page_id=Of("module"))
]
FORMS["coaching_path_versions:move"] = [
    form("hr", ("version",), {"version": "2"}, path_id=Of("older path"))
]


def fuzzed_url_names():
    """The URL names of the plugin's own views and admin screens, from the resolver."""
    return plugin_url_names()


POSTERS = sorted({spec.who for variants in FORMS.values() for spec in variants})


def cases_of(who):
    """(URL name, its FORMS entry) for every URL that `who` posts."""
    return [
        (name, spec) for name, variants in FORMS.items() for spec in variants if spec.who == who
    ]


def resolved(value, scene):
    return str(scene[value.name].pk) if isinstance(value, Of) else value


def url_of(name, spec, scene):
    return reverse(name, kwargs={key: resolved(value, scene) for key, value in spec.kwargs.items()})


def fields_for(spec, scene):
    return spec.fields(scene) if callable(spec.fields) else spec.fields


def id_fields_of(spec, scene):
    """The fields of the valid data that hold ids (of the scene's things, or numbers)."""
    data = spec.valid(scene) if callable(spec.valid) else spec.valid
    ids = (Of, int)
    return [
        name
        for name, value in (data or {}).items()
        if isinstance(value, ids)
        or (isinstance(value, list) and value and isinstance(value[0], ids))
    ]


def valid_for(spec, scene):
    data = spec.valid(scene) if callable(spec.valid) else spec.valid
    return None if data is None else {key: resolved(value, scene) for key, value in data.items()}


# --- Hostile input -------------------------------------------------------------------------

HUGE = "99999999999999999999"  # more than any database integer holds
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
MARKUP = (SCRIPT, IMAGE, '<img src=x onerror="alert(1)">', "<svg onload=alert(1)>")
HOSTILE = [
    "",
    "x" * 100_001,
    SCRIPT,
    IMAGE,
    "nul\x00byte",
    "\ud7ff\ufffd",
    "abc",
    "2026-02-30",
    "9999-12-31T25:61",
    HUGE,
    "-" + HUGE,
    "1e309",
    "NaN",
    "3.5",
    "' OR 1=1 --",
]


def fixed_bodies(fields, valid, foreign, id_fields=()):
    """The hostile bodies every form gets: nothing, unknown fields, each hostile value in
    every field, lists where one value is expected, and, for a form with data it accepts,
    that data with each field in turn missing or replaced by something hostile, and each
    of its ids in turn replaced by another person's, by none, or by one too large."""
    everywhere = [dict.fromkeys(fields, value) for value in [*HOSTILE, *foreign]]
    bodies = [{}, {"unexpected_field": SCRIPT}, *everywhere]
    bodies.append({key: ["1", SCRIPT, HUGE] for key in fields})
    for number, name in enumerate(valid or {}):
        bodies.append({key: value for key, value in valid.items() if key != name})
        bodies.append(valid | {name: IN_VALID_DATA[number % len(IN_VALID_DATA)]})
    for name in id_fields:
        bodies += [valid | {name: other} for other in [*foreign, HUGE]]
    unique = {repr(sorted(body.items())): body for body in bodies}
    return list(unique.values())


# One of these in turn replaces a field of data a form accepts.
IN_VALID_DATA = ["x" * 100_001, "nul\x00byte", HUGE, "2026-02-30", SCRIPT, ["a", "b"], "-1"]


def hostile_values(foreign):
    return st.one_of(
        st.text(max_size=40), st.sampled_from([*HOSTILE, *foreign]), st.integers().map(str)
    )


def hostile_body(fields, foreign):
    value = hostile_values(foreign)
    return st.dictionaries(
        st.sampled_from([*fields, "unexpected_field"]),
        st.one_of(value, st.lists(value, max_size=3)),
        max_size=len(fields) + 1,
    )


# --- Posting, and judging the answer -------------------------------------------------------


def shown_messages(response):
    """The messages a page showed (the portal's or Wagtail's), [] for one without."""
    context = response.context
    return list(context["messages"]) if context is not None and "messages" in context else []


def local(url):
    parts = urlsplit(url)
    return not parts.netloc or parts.netloc == "testserver"


@dataclasses.dataclass
class Judged:
    status: int
    accepted: bool
    problems: list[str]


def crash(response):
    """A 500 in a line: the exception the view raised."""
    error = getattr(response, "exc_info", None)
    return f"{response.status_code}: {error[1]!r}" if error else str(response.status_code)


READS = re.compile(r"^\s*(SELECT|SAVEPOINT|RELEASE|ROLLBACK)\b", re.I)


def sign_in(client, person):
    client.raise_request_exception = False  # a 500 is a finding, with its exception
    if person is None:
        client.logout()
    else:
        client.force_login(person)


def post_alone(client, url, body, before):
    """Post `body` and judge the answer: whether it was accepted, and the problems found,
    as readable lines. Whatever it changed is undone, the client's cookies too. The tables
    are compared only after a request that sent the database something other than a read."""
    problems, wrote = [], []

    def watch(execute, sql, params, many, context):
        if not READS.match(sql):
            wrote.append(sql)
        return execute(sql, params, many, context)

    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        with connection.execute_wrapper(watch):
            response = client.post(url, body)
            shown, status = response, response.status_code
            if status == 302 and local(response.url):
                shown = client.get(response.url)
        html = shown.content.decode(errors="replace") if shown.status_code == 200 else ""
        refused = (
            status == 200
            or status >= 400
            or answer(response) in (LOGIN, ADMIN, SORRY)
            or shown.status_code >= 400
            or any(message.level >= ERROR for message in shown_messages(shown))
        )
        for got in {response, shown}:
            if got.status_code >= 500:
                problems.append(crash(got))
        for live in MARKUP:
            if live in html:
                problems.append(f"raw {live!r} on the page that follows")
        if refused and wrote:
            problems += [f"refused ({status}), yet {line}" for line in changes(before, snapshot())]
        transaction.set_rollback(True)
    client.cookies = cookies
    cache.clear()
    return Judged(status, not refused, problems)


def describe(body):
    return {
        key: (value[:40] + "…" if isinstance(value, str) and len(value) > 40 else value)
        for key, value in body.items()
    }


# --- The tests -----------------------------------------------------------------------------


def test_every_url_that_takes_a_post_is_fuzzed():
    names = fuzzed_url_names()
    assert sorted(names - FORMS.keys()) == [], "Say in FORMS how to post to these URLs"
    assert sorted(FORMS.keys() - names) == [], "Remove the URLs that are gone from FORMS"


FUZZ = settings(
    max_examples=4,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def fuzz(client, scene, name, spec):
    """What goes wrong when `spec.who` posts hostile input to the URL `name`: fixed hostile
    bodies, then bodies drawn by hypothesis. [] when all is well; None for a URL that answers
    POST with 405 (it takes none)."""
    url, person = url_of(name, spec, scene), scene[spec.who]
    fields, valid = fields_for(spec, scene), valid_for(spec, scene)
    sign_in(client, person)
    before = snapshot()
    found = []
    id_fields = id_fields_of(spec, scene)
    for body in fixed_bodies(fields, valid, scene["foreign"], id_fields):
        judged = post_alone(client, url, body, before)
        if judged.status == 405:
            return None
        if judged.problems:
            found.append((name, describe(body), judged.problems))

    @FUZZ
    @given(body=hostile_body(fields, scene["foreign"]))
    def drawn(body):
        problems = post_alone(client, url, body, before).problems
        if problems:
            found.append((name, describe(body), problems))

    if fields:
        drawn()
    return found


@pytest.mark.parametrize("who", POSTERS)
def test_hostile_input_never_breaks_a_form_and_a_refusal_changes_nothing(client, scene, who):
    found, posted = [], []
    for name, spec in cases_of(who):
        problems = fuzz(client, scene, name, spec)
        if problems is not None:
            posted.append(name)
            found += problems

    assert posted, f"{who} posts something"
    assert found == []


@pytest.mark.parametrize("who", POSTERS)
def test_markup_in_accepted_text_is_shown_escaped(client, scene, who):
    sign_in(client, scene[who])
    found = []
    for name, spec in cases_of(who):
        valid = valid_for(spec, scene)
        if valid is None:
            continue
        url = url_of(name, spec, scene)
        body = valid | dict.fromkeys(spec.text, f"{SCRIPT} {IMAGE}")
        judged = post_alone(client, url, body, snapshot())
        if judged.problems or not judged.accepted:
            # Refused: the data meant to be valid is not, and this proves nothing.
            found.append((name, "accepted" if judged.accepted else "refused", judged.problems))

    assert found == []


def test_the_comparison_names_each_row_added_changed_or_removed(scene):
    coach, action = scene["coach"], scene["action"].pk
    before = snapshot()
    scene["feedback"].replies.create(author=coach, text="Sneaked in")
    type(coach).objects.filter(pk=coach.pk).update(first_name="Changed")
    ActionItem.objects.filter(pk=action).delete()

    found = changes(before, snapshot())

    assert len(found) == 3
    assert any(line.startswith("coaching_reply ") and ": added {" in line for line in found)
    assert f"coaching_actionitem {action}: removed" in found
    assert f"auth_user {coach.pk}: changed {{'first_name': ('Citra', 'Changed')}}" in found


def test_a_nul_byte_in_a_cheer_is_refused_not_a_500(client, scene):
    client.force_login(scene["hr"])
    url = reverse("coaching:cheer", args=[scene["recognition"].pk])
    before = snapshot()

    response = client.post(url, {"message": "thanks\x00"}, follow=True)

    assert response.status_code == 200
    assert "Null characters are not allowed." in response.text
    assert changes(before, snapshot()) == []


NOT_A_CHOICE = "Select a valid choice. That choice is not one of the available choices."


@pytest.mark.parametrize(
    ("role", "url_name", "field", "message"),
    [
        ("coach", "coaching:assign", "trainees", f"“{HUGE}” is not a valid value."),
        ("coach", "coaching:assign", "path", NOT_A_CHOICE),
        ("coach", "coaching:assign", "business_unit", NOT_A_CHOICE),
        ("trainee", "coaching:give_recognition", "recipient", NOT_A_CHOICE),
        ("trainee", "coaching:give_recognition", "value", NOT_A_CHOICE),
    ],
)
def test_an_id_too_large_for_the_database_is_refused_beside_its_field(
    client, scene, role, url_name, field, message
):
    client.force_login(scene[role])
    before = snapshot()

    response = client.post(reverse(url_name), {field: HUGE})

    assert response.status_code == 200
    # The field template puts each of a field's errors in <p id="id_<field>-error">.
    error = rf'<p class="field__error" id="id_{field}-error">([^<]*)</p>'
    assert re.findall(error, response.text) == [message]
    assert changes(before, snapshot()) == []
