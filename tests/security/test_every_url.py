"""Who may open what: every URL of the plugin, asked by every kind of person
(tests/conftest.py's `people`), and the exact answer each gets.

The URLs come from the URL resolver: the plugin's own (the `coaching` namespace) and the
admin screens of the viewsets it registers. A new URL fails this test until a row of ROWS
says what everyone gets from it, so none can be forgotten. Some URLs have a row for each
kind of thing they take (every kind of entry, every step of a path).

Every row is asked with GET; a URL that takes a form or an action is asked with POST too,
with the valid data of the row (or none: then a form is shown again with its errors, 200,
or an action is done, DONE, or refused with an error message on the page it leads to,
REFUSED). Each answer is asked on its own: whatever a request changes is rolled back
before the next, so no answer depends on who asked before.

A GET, and any POST that is refused or shows its form again, writes nothing to the
plugin's tables. Every portal page that answers 200 carries the Content Security Policy
and satisfies it (no inline script or style); the Wagtail admin is left out of the policy.
"""

import copy
import re

import pytest
from django.contrib.messages import ERROR
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.viewsets import viewsets

from coaching.buddies import questions
from coaching.calendars.models import CalendarFeed
from coaching.learning import progress
from coaching.learning.evidence import KINDS
from coaching.models import CoachRelationship, Evidence, TraineeProfile
from tests import builders
from tests.asking import ADMIN, DONE, LOGIN, SORRY, answer
from tests.coaching.api.client import held_token
from tests.coaching.provisioning.scim import make_token
from tests.coaching.record import make
from tests.coaching.webhooks.receiver import make_endpoint

pytestmark = pytest.mark.django_db

# A redirect to a page with an error message: refused, and told why. Here DONE is done.
REFUSED = "REFUSED"
# The people a recognition names, who do not cheer it: the new hire and the giver.
NAMED_IN_IT = {"trainee": REFUSED, "colleague": REFUSED}

PEOPLE = [
    "anonymous",
    "trainee",
    "coach",
    "other_coach",
    "other_trainee",
    "former_coach",
    "colleague",
    "hr",
    "editor",
    "superuser",
]


@pytest.fixture
def things(portal, people):
    """What the URLs name, all about `trainee`: an assignment of a path with a step of every
    kind, an entry of every kind on their record, recognition from the colleague (public and
    private), items of a 1:1 and of a review, and the notification of the assignment."""
    trainee, coach = people["trainee"], people["coach"]
    assignment = builders.assign(builders.make_path_of_every_kind(portal), trainee)
    entries = make.one_of_each(trainee, coach)
    # The colleague is the new hire's buddy, with a question to answer: a buddy still gets
    # 404 from every URL of the private record below.
    TraineeProfile.objects.filter(user=trainee).update(buddy=people["colleague"])
    question, _new = questions.ask(trainee, "Where is the canteen?")
    return {
        "question": question,
        "assignment": assignment,
        "evidence": evidence_on_the_task(assignment),
        **entries,
        "private recognition": make.recognition(
            trainee, people["colleague"], message="Quiet thanks.", public=False
        ),
        "public recognition": make.recognition(
            trainee, people["colleague"], message="Loud thanks.", public=True
        ),
        "action": make.action_item(entries["one-on-one"], trainee),
        "review-action": make.review_action(entries["review"], trainee),
        "notification": trainee.notifications.get(),
        "profile": trainee.trainee_profile,
        "relationship": CoachRelationship.objects.get(coach=coach, trainee=trainee),
        "learning path": assignment.path,
        "module": builders.steps_of(assignment)[0].page,
        "provisioning token": make_token("Okta")[0],
        "webhook endpoint": make_endpoint(),
        "api token": held_token(people["hr"], "read:people")[0],
        "calendar feed": CalendarFeed.objects.create(person=trainee, token=FEED_TOKEN),
        "rule": rule_for(assignment.path),
        "people import": import_by(people["hr"]),
    }


def import_by(person):
    """A file of one new hire, uploaded by `person` and waiting for their confirmation
    (coaching/importing)."""
    from coaching.importing import imports
    from tests.coaching.importing.helpers import csv_bytes, row, upload

    content = csv_bytes([row(email="putri.import@example.com", unit="", coach="")])
    return imports.take_upload(upload(content), "csv", by=person)


def rule_for(learning_path):
    """An enrolment rule giving the path to everyone (coaching/automation)."""
    from tests.coaching.automation import make as make_rule

    return make_rule.rule(learning_path, name="Everyone's orientation")


def evidence_on_the_task(assignment):
    """A PDF the new hire attached to the path's practical task (step 3), sent for sign-off."""
    step = builders.steps_of(assignment)[2]
    upload = SimpleUploadedFile("notes.pdf", b"%PDF-1.4\n%%EOF\n")
    progress.submit_task(
        assignment, step, note="Done", files=[(upload, KINDS["pdf"])], by=assignment.trainee
    )
    return Evidence.objects.get()


class Of:
    """The id of one of the `things` or `people`, in a row's URL arguments."""

    def __init__(self, name):
        self.name = name


def row(name, get, post=None, data=None, **kwargs):
    """A URL (its name and arguments), everyone's answer to GET and, for a URL that takes a
    form or an action, to POST, and the data to post (a dict, or a function of the
    `things` that returns one)."""
    return {"name": name, "kwargs": kwargs, "get": get, "post": post, "data": data}


def answers(everyone, **some):
    """What each person gets: `everyone`, except for `some`, named as in PEOPLE."""
    assert set(some) <= set(PEOPLE), set(some) - set(PEOPLE)
    return {person: some.get(person, everyone) for person in PEOPLE}


def signed_in(everyone, **some):
    """What each signed-in person gets; the anonymous visitor is sent to sign in."""
    return answers(everyone, anonymous=LOGIN, **some)


POST_ONLY = answers(405)

FEEDBACK = {"feedback_kind": "coaching", "situation": "s", "behaviour": "b", "impact": "i"}
REVIEW = {
    "title": "t",
    "happened_on": "2026-01-05",
    "timeline": "t",
    "conditions": "c",
    "learned": "l",
}
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
REFLECTION = {"title": "t", "text": "x"}
TEXT = {"text": "Hi"}


def one_on_one(things):
    """A 1:1: planned by the new hire, with their coach (a coach plans it with themself)."""
    return {"meets_at": "2026-03-02T10:00", "coach": things["relationship"].coach_id}


def goal_check_in(things):
    result = things["goal"].key_results.get()
    return {"status": "on_track", "confidence": "2", f"result_{result.pk}": "3"}


ASSIGNMENT = {"assignment_id": Of("assignment")}
FEED_TOKEN = "the-new-hires-feed-token"
ON_RECORD = {"person_id": Of("trainee")}

# The record's keepers read it and every entry on it: the new hire, their coach, HR (and a
# superuser, who has every permission). Everyone else gets 404, as if it did not exist.
KEEPERS = {"trainee": 200, "coach": 200, "hr": 200, "superuser": 200}
KEEPERS_ACT = {"trainee": DONE, "coach": DONE, "hr": DONE, "superuser": DONE}
# Coaching someone's assignment or record: their coach and HR.
COACHING = {"coach": 200, "hr": 200, "superuser": 200}
COACHING_ACTS = {"coach": DONE, "hr": DONE, "superuser": DONE}
# The coach dashboard: anyone who coaches somebody now, and HR.
COACHES = {"coach": 200, "other_coach": 200, "hr": 200, "superuser": 200}

ROWS = {
    # Signing in and out, settings.
    # Someone signed in is sent home: HR and editors to the admin's home, which reads as
    # SORRY here (any redirect to it does), everyone else elsewhere (DONE).
    "sign in": row(
        "coaching:sign_in",
        get=answers(DONE, anonymous=200, hr=SORRY, editor=SORRY, superuser=SORRY),
        post=answers(DONE, anonymous=200, hr=SORRY, editor=SORRY, superuser=SORRY),
    ),
    "sign out": row("coaching:sign_out", get=answers(405), post=answers(LOGIN)),
    "preferences": row("coaching:preferences", get=signed_in(200), post=signed_in(DONE)),
    "choose language": row("coaching:choose_language", get=POST_ONLY, post=answers(DONE)),
    # A calendar feed is read with its token, by a calendar app with no session: whoever
    # has the token gets it (an unknown one is 404: tests/coaching/calendars).
    "calendar feed": row("coaching:calendar_feed", get=answers(200), token=FEED_TOKEN),
    "calendar link": row("coaching:calendar_link", get=POST_ONLY, post=signed_in(DONE)),
    # Cancelling a 1:1: its author, and only one still to come (this one has taken place).
    "cancel a 1:1": row(
        "coaching:cancel_one_on_one",
        get=POST_ONLY,
        post=signed_in(404, coach=REFUSED),
        entry_id=Of("one-on-one"),
    ),
    # The admin's JavaScript words Wagtail leaves in English: for every admin page,
    # sign-in included, as Wagtail's own catalog is.
    "Wagtail's words for JavaScript": row("coaching:wagtail_words_js", get=answers(200)),
    # The new hire's own learning.
    "home": row("coaching:home", get=signed_in(200)),
    # Pre-boarding: a new hire's own welcome page; nobody else has one (no id to ask for).
    "welcome": row("coaching:welcome", get=signed_in(404, trainee=200, other_trainee=200)),
    "assignment": row("coaching:assignment", get=signed_in(404, trainee=200), **ASSIGNMENT),
    "step 1: module": row("coaching:step", get=signed_in(404, trainee=200), number=1, **ASSIGNMENT),
    "step 2: module with a check": row(
        "coaching:step", get=signed_in(404, trainee=200), number=2, **ASSIGNMENT
    ),
    "step 3: task": row("coaching:step", get=signed_in(404, trainee=200), number=3, **ASSIGNMENT),
    "step 4: check": row("coaching:step", get=signed_in(404, trainee=200), number=4, **ASSIGNMENT),
    "step 5: check-in": row(
        "coaching:step", get=signed_in(404, trainee=200), number=5, **ASSIGNMENT
    ),
    "complete module": row(
        "coaching:complete_module",
        get=POST_ONLY,
        post=signed_in(404, trainee=DONE),
        number=1,
        **ASSIGNMENT,
    ),
    "take check": row(
        "coaching:take_check",
        get=POST_ONLY,
        post=signed_in(404, trainee=200),
        number=2,
        **ASSIGNMENT,
    ),
    "submit task": row(
        "coaching:submit_task",
        get=POST_ONLY,
        post=signed_in(404, trainee=DONE),
        number=3,
        **ASSIGNMENT,
    ),
    # A task's evidence: the new hire's, their coach's and HR's to open.
    "evidence": row("coaching:evidence", get=signed_in(404, **KEEPERS), evidence_id=Of("evidence")),
    # Removing it before sign-off: the new hire's alone.
    "remove evidence": row(
        "coaching:remove_evidence",
        get=POST_ONLY,
        post=signed_in(404, trainee=DONE),
        number=3,
        evidence_id=Of("evidence"),
        **ASSIGNMENT,
    ),
    # The coach dashboard and its actions on the new hire's assignment.
    "dashboard": row("coaching:dashboard", get=signed_in(404, **COACHES)),
    "assign": row("coaching:assign", get=signed_in(404, **COACHES), post=signed_in(404, **COACHES)),
    "trainee": row("coaching:trainee", get=signed_in(404, **COACHING), trainee_id=Of("trainee")),
    "cancel assignment": row(
        "coaching:cancel_assignment",
        get=POST_ONLY,
        post=signed_in(404, **COACHING_ACTS),
        **ASSIGNMENT,
    ),
    "change due": row(
        "coaching:change_due", get=POST_ONLY, post=signed_in(404, **COACHING_ACTS), **ASSIGNMENT
    ),
    # The assignment is on the latest version: moving it is refused, with the reason.
    "move version": row(
        "coaching:move_version",
        get=POST_ONLY,
        post=signed_in(404, coach=REFUSED, hr=REFUSED, superuser=REFUSED),
        data={"version": "1", "due_on": ""},
        **ASSIGNMENT,
    ),
    "sign off": row(
        "coaching:sign_off",
        get=POST_ONLY,
        post=signed_in(404, **COACHING_ACTS),
        number=3,
        **ASSIGNMENT,
    ),
    "send back": row(
        "coaching:send_back", get=POST_ONLY, post=signed_in(404, **COACHING), number=3, **ASSIGNMENT
    ),
    "plan check-in": row(
        "coaching:plan_checkin",
        get=POST_ONLY,
        post=signed_in(404, **COACHING),
        number=5,
        **ASSIGNMENT,
    ),
    "record check-in": row(
        "coaching:record_checkin",
        get=POST_ONLY,
        post=signed_in(404, **COACHING_ACTS),
        number=5,
        **ASSIGNMENT,
    ),
    "grant attempts": row(
        "coaching:grant_attempts",
        get=POST_ONLY,
        post=signed_in(404, **COACHING_ACTS),
        data={"attempts": "1", "reason": "One more try"},
        number=4,
        **ASSIGNMENT,
    ),
    "waive": row(
        "coaching:waive",
        get=POST_ONLY,
        post=signed_in(404, **COACHING_ACTS),
        data={"reason": "Read it in their last job"},
        number=1,
        **ASSIGNMENT,
    ),
    # Refused with a message: the scene's module is not done yet (tests/coaching/rereading).
    "ask to read again": row(
        "coaching:read_again",
        get=POST_ONLY,
        post=signed_in(404, coach=REFUSED, hr=REFUSED, superuser=REFUSED),
        data={"text": "The refund rules changed"},
        number=1,
        **ASSIGNMENT,
    ),
    "read it again": row(
        "coaching:read_again_done",
        get=POST_ONLY,
        post=signed_in(404, trainee=DONE),
        number=1,
        **ASSIGNMENT,
    ),
    # The development record: everyone's own (my record, export, print), the new hire's.
    "my record": row("coaching:my_record", get=signed_in(DONE)),
    "export record": row("coaching:export_record", get=signed_in(200)),
    "print record": row("coaching:print_record", get=signed_in(200)),
    "record": row("coaching:record", get=signed_in(404, **KEEPERS), **ON_RECORD),
    # Who writes each kind of entry on the new hire's record.
    "new feedback": row(
        "coaching:new_entry",
        get=signed_in(404, **COACHING),
        post=signed_in(404, **COACHING_ACTS),
        data=FEEDBACK,
        kind="feedback",
        **ON_RECORD,
    ),
    "new review": row(
        "coaching:new_entry",
        get=signed_in(404, **COACHING),
        post=signed_in(404, **COACHING_ACTS),
        data=REVIEW,
        kind="review",
        **ON_RECORD,
    ),
    "new goal": row(
        "coaching:new_entry",
        get=signed_in(404, **KEEPERS),
        post=signed_in(404, **KEEPERS_ACT),
        data=GOAL,
        kind="goal",
        **ON_RECORD,
    ),
    "new one-on-one": row(
        "coaching:new_entry",
        get=signed_in(404, **KEEPERS),
        post=signed_in(404, **KEEPERS_ACT),
        data=one_on_one,
        kind="one-on-one",
        **ON_RECORD,
    ),
    "new reflection": row(
        "coaching:new_entry",
        get=signed_in(404, trainee=200),
        post=signed_in(404, trainee=DONE),
        data=REFLECTION,
        kind="reflection",
        **ON_RECORD,
    ),
    "new milestone": row(
        "coaching:new_entry", get=signed_in(404), post=signed_in(404), kind="milestone", **ON_RECORD
    ),
    "new recognition": row(
        "coaching:new_entry",
        get=signed_in(404),
        post=signed_in(404),
        kind="recognition",
        **ON_RECORD,
    ),
    "erase record": row(
        "coaching:erase_record",
        get=signed_in(404, hr=200, superuser=200),
        post=signed_in(404, hr=200, superuser=200),
        **ON_RECORD,
    ),
    "erase person": row(
        "coaching:erase_person",
        get=signed_in(404, hr=200, superuser=200),
        post=signed_in(404, hr=200, superuser=200),
        **ON_RECORD,
    ),
    "export a person's data (HR)": row(
        "coaching:export_person",
        get=signed_in(404, hr=200, superuser=200),
        post=signed_in(404, hr=200, superuser=200),
        **ON_RECORD,
    ),
    # Each kind of entry, read; recognition also by its giver (the colleague), and public
    # recognition by every signed-in person.
    "feedback": row("coaching:entry", get=signed_in(404, **KEEPERS), entry_id=Of("feedback")),
    "goal": row("coaching:entry", get=signed_in(404, **KEEPERS), entry_id=Of("goal")),
    "one-on-one": row("coaching:entry", get=signed_in(404, **KEEPERS), entry_id=Of("one-on-one")),
    "review": row("coaching:entry", get=signed_in(404, **KEEPERS), entry_id=Of("review")),
    "reflection": row("coaching:entry", get=signed_in(404, **KEEPERS), entry_id=Of("reflection")),
    "milestone": row("coaching:entry", get=signed_in(404, **KEEPERS), entry_id=Of("milestone")),
    "recognition (public, from the coach)": row(
        "coaching:entry", get=signed_in(200), entry_id=Of("recognition")
    ),
    "private recognition": row(
        "coaching:entry",
        get=signed_in(404, **KEEPERS, colleague=200),
        entry_id=Of("private recognition"),
    ),
    "public recognition": row(
        "coaching:entry", get=signed_in(200), entry_id=Of("public recognition")
    ),
    # Adding to an entry: its record's keepers. An entry is edited by its author only.
    "edit feedback": row(
        "coaching:edit_entry",
        get=signed_in(404, coach=200),
        post=signed_in(404, coach=200),
        entry_id=Of("feedback"),
    ),
    "reply to feedback": row(
        "coaching:reply",
        get=POST_ONLY,
        post=signed_in(404, **KEEPERS_ACT),
        data=TEXT,
        entry_id=Of("feedback"),
    ),
    "reply to private recognition": row(
        "coaching:reply",
        get=POST_ONLY,
        post=signed_in(404, **KEEPERS_ACT),
        data=TEXT,
        entry_id=Of("private recognition"),
    ),
    "goal check-in": row(
        "coaching:goal_check_in",
        get=signed_in(404, **KEEPERS),
        post=signed_in(404, **KEEPERS_ACT),
        data=goal_check_in,
        entry_id=Of("goal"),
    ),
    "add agenda item": row(
        "coaching:add_item",
        get=POST_ONLY,
        post=signed_in(404, **KEEPERS_ACT),
        data=TEXT,
        entry_id=Of("one-on-one"),
        item="agenda",
    ),
    "add action item": row(
        "coaching:add_item",
        get=POST_ONLY,
        post=signed_in(404, **KEEPERS_ACT),
        data=TEXT,
        entry_id=Of("one-on-one"),
        item="action",
    ),
    "add review action": row(
        "coaching:add_item",
        get=POST_ONLY,
        post=signed_in(404, **KEEPERS_ACT),
        data=TEXT,
        entry_id=Of("review"),
        item="review-action",
    ),
    "action item done": row(
        "coaching:item_done",
        get=POST_ONLY,
        post=signed_in(404, **KEEPERS_ACT),
        item="action",
        item_id=Of("action"),
    ),
    "review action done": row(
        "coaching:item_done",
        get=POST_ONLY,
        post=signed_in(404, **KEEPERS_ACT),
        item="review-action",
        item_id=Of("review-action"),
    ),
    # Recognition: cheered by whoever may read it but the new hire and the giver, who are
    # told why not (tests/coaching/record/test_visibility.py checks who cheered).
    "cheer public recognition": row(
        "coaching:cheer",
        get=POST_ONLY,
        post=signed_in(DONE, **NAMED_IN_IT),
        entry_id=Of("public recognition"),
    ),
    "cheer private recognition": row(
        "coaching:cheer",
        get=POST_ONLY,
        post=signed_in(404, **(KEEPERS_ACT | NAMED_IN_IT)),
        entry_id=Of("private recognition"),
    ),
    "kudos": row("coaching:kudos", get=signed_in(200)),
    "give recognition": row("coaching:give_recognition", get=signed_in(200), post=signed_in(200)),
    # Buddies: the colleague is the new hire's buddy. Everyone has a My buddies page (an
    # empty state for most); only the buddy opens their new hire's page and answers.
    "my buddies": row("coaching:buddies", get=signed_in(200)),
    "buddy's new hire": row(
        "coaching:buddy_trainee", get=signed_in(404, colleague=200), trainee_id=Of("trainee")
    ),
    "answer question": row(
        "coaching:answer_question",
        get=POST_ONLY,
        post=signed_in(404, colleague=DONE),
        data=TEXT,
        question_id=Of("question"),
    ),
    # A new hire's own buddy page; asking is refused to one with no buddy (other_trainee).
    "my buddy": row(
        "coaching:my_buddy",
        get=signed_in(404, trainee=200, other_trainee=200),
        post=signed_in(404, trainee=DONE, other_trainee=REFUSED),
        data=TEXT,
    ),
    # Notifications: everyone's own.
    "notifications": row("coaching:notifications", get=signed_in(200)),
    "open notification": row(
        "coaching:open_notification",
        get=POST_ONLY,
        post=signed_in(404, trainee=DONE),
        notification_id=Of("notification"),
    ),
    "mark all read": row("coaching:mark_all_read", get=POST_ONLY, post=signed_in(DONE)),
}

# The admin screens. Without admin access, Wagtail sends a person to its sign-in page; with
# it but without the permission, to the admin home with "Sorry, you do not have permission".
# New hires and who coaches whom: model permissions (here only the superuser has them).
ADMIN_ONLY = answers(ADMIN, hr=SORRY, editor=SORRY, superuser=200)
for viewset, thing in {"trainees": "profile", "coach_relationships": "relationship"}.items():
    pk = Of(thing)
    ROWS |= {
        f"{viewset}:index": row(f"{viewset}:index", get=ADMIN_ONLY),
        f"{viewset}:index_results": row(f"{viewset}:index_results", get=ADMIN_ONLY),
        f"{viewset}:add": row(f"{viewset}:add", get=ADMIN_ONLY, post=ADMIN_ONLY),
        f"{viewset}:edit": row(f"{viewset}:edit", get=ADMIN_ONLY, post=ADMIN_ONLY, pk=pk),
        f"{viewset}:copy": row(f"{viewset}:copy", get=ADMIN_ONLY, post=ADMIN_ONLY, pk=pk),
        f"{viewset}:delete": row(
            f"{viewset}:delete",
            get=ADMIN_ONLY,
            post=answers(ADMIN, hr=SORRY, editor=SORRY, superuser=DONE),
            pk=pk,
        ),
        f"{viewset}:history": row(f"{viewset}:history", get=ADMIN_ONLY, pk=pk),
        f"{viewset}:history_results": row(f"{viewset}:history_results", get=ADMIN_ONLY, pk=pk),
        f"{viewset}:usage": row(f"{viewset}:usage", get=ADMIN_ONLY, pk=pk),
    }
# A new hire is added with "Add a new hire" (a new person), never copied from another. A
# new invitation is for someone with no password yet (the scene's new hire has one).
del ROWS["trainees:copy"]
ROWS["trainees:invite"] = row(
    "trainees:invite",
    get=ADMIN_ONLY,
    post=answers(ADMIN, hr=SORRY, editor=SORRY, superuser=REFUSED),
    pk=Of("profile"),
)
# Notification emails are read-only: listed and inspected, never added, edited or deleted.
NOBODY = answers(ADMIN, hr=SORRY, editor=SORRY, superuser=SORRY)
NOTIFICATION = {"pk": Of("notification")}
ROWS |= {
    "notification_emails:index": row("notification_emails:index", get=ADMIN_ONLY),
    "notification_emails:index_results": row("notification_emails:index_results", get=ADMIN_ONLY),
    "notification_emails:inspect": row(
        "notification_emails:inspect", get=ADMIN_ONLY, **NOTIFICATION
    ),
    "notification_emails:add": row("notification_emails:add", get=NOBODY, post=NOBODY),
    "notification_emails:edit": row(
        "notification_emails:edit", get=NOBODY, post=NOBODY, **NOTIFICATION
    ),
    "notification_emails:copy": row(
        "notification_emails:copy", get=NOBODY, post=NOBODY, **NOTIFICATION
    ),
    "notification_emails:delete": row(
        "notification_emails:delete", get=NOBODY, post=NOBODY, **NOTIFICATION
    ),
    "notification_emails:history": row("notification_emails:history", get=NOBODY, **NOTIFICATION),
    "notification_emails:history_results": row(
        "notification_emails:history_results", get=NOBODY, **NOTIFICATION
    ),
    "notification_emails:usage": row("notification_emails:usage", get=NOBODY, **NOTIFICATION),
    # Module proposals: for people who may add pages under the portal.
    "module_proposals:index": row("module_proposals:index", get=ADMIN_ONLY),
    "module_proposals:create_module": row(
        "module_proposals:create_module",
        get=answers(ADMIN, hr=405, editor=405, superuser=405),
        post=answers(ADMIN, hr=SORRY, editor=SORRY, superuser=DONE),
        review_id=Of("review"),
    ),
}
# Enrolment rules: HR's (and superusers'), everyone else is refused.
HR_ONLY = answers(ADMIN, hr=200, editor=SORRY, superuser=200)
HR_DONE = answers(ADMIN, hr=DONE, editor=SORRY, superuser=DONE)
RULE = {"pk": Of("rule")}
ROWS |= {
    "enrolment_rules:index": row("enrolment_rules:index", get=HR_ONLY),
    "enrolment_rules:index_results": row("enrolment_rules:index_results", get=HR_ONLY),
    "enrolment_rules:add": row("enrolment_rules:add", get=HR_ONLY, post=HR_ONLY),
    "enrolment_rules:edit": row("enrolment_rules:edit", get=HR_ONLY, post=HR_ONLY, **RULE),
    "enrolment_rules:inspect": row("enrolment_rules:inspect", get=HR_ONLY, **RULE),
    "enrolment_rules:delete": row("enrolment_rules:delete", get=HR_ONLY, post=HR_DONE, **RULE),
    "enrolment_rules:history": row("enrolment_rules:history", get=HR_ONLY, **RULE),
    "enrolment_rules:history_results": row("enrolment_rules:history_results", get=HR_ONLY, **RULE),
    "enrolment_rules:usage": row("enrolment_rules:usage", get=HR_ONLY, **RULE),
    "enrolment_rules:run_now": row("enrolment_rules:run_now", get=HR_ONLY, post=HR_DONE, **RULE),
}
# The audit trail: for HR (and superusers) only.
for name in ["index", "results"]:
    ROWS[f"onboarding_trail:{name}"] = row(
        f"onboarding_trail:{name}", get=answers(ADMIN, hr=200, editor=SORRY, superuser=200)
    )
# The erasure log: for HR (and superusers) only.
for name in ["index", "results"]:
    ROWS[f"onboarding_erasures:{name}"] = row(
        f"onboarding_erasures:{name}", get=answers(ADMIN, hr=200, editor=SORRY, superuser=200)
    )
# A new hire's invitation link: the page to choose a password, for anyone holding a valid
# link; a wrong one says so (200) to everyone and changes nothing.
ROWS["set password"] = row(
    "coaching:set_password", get=answers(200), post=answers(200), uidb64="MQ", token="wrong"
)
# Reports: for HR, editors (who may change learning paths) and superusers; the reports of
# people data (recognition, goals, completion by coach) not for editors who are not HR.
REPORTS = answers(ADMIN, hr=200, editor=200, superuser=200)
PEOPLE_REPORTS = answers(ADMIN, hr=200, editor=SORRY, superuser=200)
for report, kwargs, answered in [
    ("completion", {"by": "path"}, REPORTS),
    ("funnel", {}, REPORTS),
    ("questions", {}, REPORTS),
    ("content_freshness", {}, REPORTS),
    ("recognition", {"by": "value"}, PEOPLE_REPORTS),
    ("goals", {}, PEOPLE_REPORTS),
]:
    for name in [report, f"{report}_results"]:
        ROWS[f"onboarding_reports:{name}"] = row(
            f"onboarding_reports:{name}", get=answered, **kwargs
        )
# Completion by coach is people data (how each coach's people are doing).
for name in ["completion", "completion_results"]:
    ROWS[f"onboarding_reports:{name} by coach"] = row(
        f"onboarding_reports:{name}", get=PEOPLE_REPORTS, by="coach"
    )
# Steps nobody can complete: for those who see everyone's reports.
for name in ["index", "results"]:
    ROWS[f"coaching_stuck_steps:{name}"] = row(f"coaching_stuck_steps:{name}", get=REPORTS)
# Moving everyone to a path's latest version: for the same people.
ROWS["coaching_path_versions:move"] = row(
    "coaching_path_versions:move",
    get=REPORTS,
    post=answers(ADMIN, hr=DONE, editor=DONE, superuser=DONE),
    data={"version": "1"},
    path_id=Of("learning path"),
)
# Asking everyone who completed a module to read it again: for the same people (nobody
# completed it here, so nobody is asked: the answer is the report).
ROWS["coaching_read_again:ask"] = row(
    "coaching_read_again:ask",
    get=answers(ADMIN, hr=200, editor=200, superuser=200),
    post=answers(ADMIN, hr=DONE, editor=DONE, superuser=DONE),
    data={"unit": "", "message": "Please read it again"},
    page_id=Of("module"),
)

# SCIM provisioning: a provisioning token opens it, and nothing else does: without one,
# signed in or not, everyone gets 401 (tests/coaching/provisioning).
SCIM = answers(401)
ROWS |= {
    "SCIM users": row("coaching:scim_users", get=SCIM, post=SCIM),
    "SCIM user": row("coaching:scim_user", get=SCIM, post=SCIM, uuid=Of("trainee")),
    "SCIM groups": row("coaching:scim_groups", get=SCIM, post=SCIM),
    "SCIM group": row("coaching:scim_group", get=SCIM, post=SCIM, uuid="1"),
    "SCIM service provider": row("coaching:scim_service_provider_config", get=SCIM),
    "SCIM resource types": row("coaching:scim_resource_types", get=SCIM),
    "SCIM resource type": row("coaching:scim_resource_type", get=SCIM, uuid="User"),
    "SCIM schemas": row("coaching:scim_schemas", get=SCIM),
    "SCIM schema": row(
        "coaching:scim_schema", get=SCIM, uuid="urn:ietf:params:scim:schemas:core:2.0:User"
    ),
}
# Provisioning tokens: HR's (and superusers') admin screen. A form posted empty is shown
# again; the page of a new token's key shows it once (here: already shown).
HR_ADMIN = answers(ADMIN, hr=200, editor=SORRY, superuser=200)
TOKEN = {"pk": Of("provisioning token")}
ROWS |= {
    "provisioning_tokens:index": row("provisioning_tokens:index", get=HR_ADMIN),
    "provisioning_tokens:index_results": row("provisioning_tokens:index_results", get=HR_ADMIN),
    "provisioning_tokens:add": row("provisioning_tokens:add", get=HR_ADMIN, post=HR_ADMIN),
    "provisioning_tokens:edit": row(
        "provisioning_tokens:edit", get=HR_ADMIN, post=HR_ADMIN, **TOKEN
    ),
    "provisioning_tokens:delete": row(
        "provisioning_tokens:delete",
        get=HR_ADMIN,
        post=answers(ADMIN, hr=DONE, editor=SORRY, superuser=DONE),
        **TOKEN,
    ),
    "provisioning_tokens:history": row("provisioning_tokens:history", get=HR_ADMIN, **TOKEN),
    "provisioning_tokens:history_results": row(
        "provisioning_tokens:history_results", get=HR_ADMIN, **TOKEN
    ),
    "provisioning_tokens:usage": row("provisioning_tokens:usage", get=HR_ADMIN, **TOKEN),
    "provisioning_tokens:key": row("provisioning_tokens:key", get=HR_ADMIN, **TOKEN),
}
# Webhook endpoints: HR's (and superusers') admin screen, like the tokens; the test event
# is a POST (a GET is not allowed), and sends one delivery.
ENDPOINT = {"pk": Of("webhook endpoint")}
ROWS |= {
    "webhook_endpoints:index": row("webhook_endpoints:index", get=HR_ADMIN),
    "webhook_endpoints:index_results": row("webhook_endpoints:index_results", get=HR_ADMIN),
    "webhook_endpoints:add": row("webhook_endpoints:add", get=HR_ADMIN, post=HR_ADMIN),
    "webhook_endpoints:edit": row(
        "webhook_endpoints:edit", get=HR_ADMIN, post=HR_ADMIN, **ENDPOINT
    ),
    "webhook_endpoints:delete": row(
        "webhook_endpoints:delete",
        get=HR_ADMIN,
        post=answers(ADMIN, hr=DONE, editor=SORRY, superuser=DONE),
        **ENDPOINT,
    ),
    "webhook_endpoints:history": row("webhook_endpoints:history", get=HR_ADMIN, **ENDPOINT),
    "webhook_endpoints:history_results": row(
        "webhook_endpoints:history_results", get=HR_ADMIN, **ENDPOINT
    ),
    "webhook_endpoints:usage": row("webhook_endpoints:usage", get=HR_ADMIN, **ENDPOINT),
    "webhook_endpoints:secret": row("webhook_endpoints:secret", get=HR_ADMIN, **ENDPOINT),
    "webhook_endpoints:deliveries": row("webhook_endpoints:deliveries", get=HR_ADMIN, **ENDPOINT),
    "webhook_endpoints:test": row(
        "webhook_endpoints:test",
        get=answers(ADMIN, hr=405, editor=405, superuser=405),
        post=answers(ADMIN, hr=DONE, editor=SORRY, superuser=DONE),
        **ENDPOINT,
    ),
}

# API tokens (coaching/api): HR's (and superusers') admin screen, like the provisioning
# tokens; revoking is the delete view. The API itself answers 401 to anyone without a
# token, signed in or not (tests/coaching/api).
API_TOKEN = {"pk": Of("api token")}
ROWS |= {
    "onboarding_api_tokens:index": row("onboarding_api_tokens:index", get=HR_ADMIN),
    "onboarding_api_tokens:index_results": row("onboarding_api_tokens:index_results", get=HR_ADMIN),
    "onboarding_api_tokens:add": row("onboarding_api_tokens:add", get=HR_ADMIN, post=HR_ADMIN),
    "onboarding_api_tokens:edit": row(
        "onboarding_api_tokens:edit", get=HR_ADMIN, post=HR_ADMIN, **API_TOKEN
    ),
    "onboarding_api_tokens:delete": row(
        "onboarding_api_tokens:delete",
        get=HR_ADMIN,
        post=answers(ADMIN, hr=DONE, editor=SORRY, superuser=DONE),
        **API_TOKEN,
    ),
    "onboarding_api_tokens:history": row(
        "onboarding_api_tokens:history", get=HR_ADMIN, **API_TOKEN
    ),
    "onboarding_api_tokens:history_results": row(
        "onboarding_api_tokens:history_results", get=HR_ADMIN, **API_TOKEN
    ),
    "onboarding_api_tokens:usage": row("onboarding_api_tokens:usage", get=HR_ADMIN, **API_TOKEN),
    "onboarding_api_tokens:key": row("onboarding_api_tokens:key", get=HR_ADMIN, **API_TOKEN),
}

# Importing new hires (coaching/importing): HR's screens. An upload posted empty is shown
# again with its error; an upload is its uploader's alone to check and confirm (HR's here:
# anyone else, a superuser too, gets 404); confirming it imports the file.
IMPORT = {"pk": Of("people import")}
ROWS |= {
    "people_imports:index": row("people_imports:index", get=HR_ADMIN),
    "people_imports:results": row("people_imports:results", get=HR_ADMIN),
    "people_imports:upload": row("people_imports:upload", get=HR_ADMIN, post=HR_ADMIN),
    "people_imports:preview": row(
        "people_imports:preview",
        get=answers(ADMIN, hr=200, editor=SORRY, superuser=404),
        post=answers(ADMIN, hr=DONE, editor=SORRY, superuser=404),
        **IMPORT,
    ),
    "people_imports:example_csv": row("people_imports:example_csv", get=HR_ADMIN),
    "people_imports:example_xlsx": row("people_imports:example_xlsx", get=HR_ADMIN),
}


def walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if namespace and pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}"
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace, pattern


def plugin_url_names():
    """Every URL name of the plugin: its own, and those of the admin viewsets it registers."""
    patterns = list(walk(get_resolver().url_patterns))  # registers the admin viewsets
    ours = {"coaching"} | {
        viewset.name
        for viewset in viewsets.viewsets
        if type(viewset).__module__.startswith("coaching")
    }
    return {f"{namespace}:{pattern.name}" for namespace, pattern in patterns if namespace in ours}


def url_of(spec, things, people):
    kwargs = {
        key: (things | people)[value.name].pk if isinstance(value, Of) else value
        for key, value in spec["kwargs"].items()
    }
    return reverse(spec["name"], kwargs=kwargs)


WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.I)
# The one write a GET may make: opening a page reads the viewer's own notifications about
# it (coaching.notifications.inbox.mark_seen), setting read_at and nothing else.
READS_NOTIFICATIONS = re.compile(
    r'^\s*UPDATE\s+"?coaching_notification"?\s+SET\s+"?read_at"?\s*=\s*[^,]*?\s+WHERE', re.I
)


def ask_alone(client, url, method, data):
    """The answer to one request, and the plugin's tables it wrote to. Whatever it changed
    is undone, the client's cookies too (its session, its messages)."""
    written = []

    def watch(execute, sql, params, many, context):
        match = WRITE.match(sql)
        tables = ("coaching_", "lessons_")
        if match and match.group(1).startswith(tables) and not READS_NOTIFICATIONS.match(sql):
            written.append(match.group(1))
        return execute(sql, params, many, context)

    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        with connection.execute_wrapper(watch):
            response = getattr(client, method)(url, data or {})
        word = answer(response)
        if response.streaming:  # a file (evidence): read to its end, so that it is closed
            b"".join(response.streaming_content)
        if word == DONE and told_why_not(client.get(response.url)):
            word = REFUSED
        transaction.set_rollback(True)
    client.cookies = cookies
    cache.clear()
    return response, word, sorted(set(written))


def told_why_not(page):
    """Whether a page shows an error message (the portal's or Wagtail's)."""
    context = page.context
    shown = list(context["messages"]) if context is not None and "messages" in context else []
    return any(message.level >= ERROR for message in shown)


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def policy_problems(response):
    if "text/html" not in response.get("Content-Type", ""):
        return []
    policy = response.get("Content-Security-Policy", "")
    problems = []
    if not ("script-src 'self'" in policy and "style-src 'self'" in policy):
        problems.append(f"policy: {policy!r}")
    html = response.content.decode()
    for pattern in (INLINE_SCRIPT, INLINE_HANDLER, INLINE_STYLE):
        if found := pattern.search(html):
            problems.append(found.group(0))
    return problems


def test_every_plugin_url_has_a_row():
    names = {spec["name"] for spec in ROWS.values()}
    assert plugin_url_names() - names == set(), "Add the new URLs to ROWS"
    assert names - plugin_url_names() == set(), "Remove the URLs that are gone from ROWS"


# Answers after which nothing may have been written: refusals, and forms shown again.
WRITES_NOTHING = {200, 403, 404, 405, LOGIN, ADMIN, SORRY, REFUSED}


@pytest.mark.parametrize("person", PEOPLE)
def test_who_gets_what(client, things, people, person):
    if people[person] is not None:
        client.force_login(people[person])
    got, expected, wrote, unsafe = {}, {}, [], []
    for label, spec in ROWS.items():
        url = url_of(spec, things, people)
        for method in ("get", "post"):
            if spec[method] is None:
                continue
            data = spec["data"] if method == "post" else None
            response, word, written = ask_alone(
                client, url, method, data(things) if callable(data) else data
            )
            got[label, method] = word
            expected[label, method] = spec[method][person]
            if written and (method == "get" or got[label, method] in WRITES_NOTHING):
                wrote.append((label, method, got[label, method], written))
            if response.status_code == 200 and spec["name"].startswith("coaching:"):
                unsafe += [(label, method, problem) for problem in policy_problems(response)]

    assert got == expected
    assert wrote == [], "a GET, a refusal or a form shown again wrote to the database"
    assert unsafe == [], "a page breaks the Content Security Policy"


def test_every_row_says_what_everyone_gets():
    for label, spec in ROWS.items():
        assert spec["get"] is not None and spec["get"].keys() == set(PEOPLE), label
        assert spec["post"] is None or spec["post"].keys() == set(PEOPLE), label
        assert spec["data"] is None or spec["post"] is not None, label
