"""The words of every kind of notification: whole sentences, in English and Indonesian.

English writes an afternoon as "3 p.m.": a sentence that ended with the time and then a
full stop ended "p.m.."; none may end with two dots.
"""

import pytest
from django.utils import translation

from coaching.models import Notification, NotificationKind
from coaching.notifications.messages import message_for

AFTERNOON = "2026-03-02T15:00:00+07:00"  # 3 p.m. in Jakarta, the site's time zone
DAY = "2026-03-02"

# Each kind's details as its events and reminders write them.
PARAMS = {
    NotificationKind.ASSIGNED: {"path": "Orientation", "assigner": "Citra", "due_on": DAY},
    NotificationKind.DUE_SOON: {
        "path": "Orientation",
        "due_on": DAY,
        "remaining": 2,
        "next_step": "Serving customers",
    },
    NotificationKind.OVERDUE: {"path": "Orientation", "due_on": DAY, "remaining": 1},
    NotificationKind.OVERDUE_DIGEST: {
        "items": [{"trainee": "Nadia", "path": "Orientation", "due_on": DAY, "remaining": 3}]
    },
    NotificationKind.SIGN_OFF: {"trainee": "Nadia", "step": "Shadow calls", "path": "Orientation"},
    NotificationKind.FEEDBACK: {"author": "Citra"},
    NotificationKind.RECOGNITION: {"author": "Bima", "value": "One team"},
    NotificationKind.GOAL_CHECK_IN: {"goal": "Calls", "cadence": "weekly", "last_on": DAY},
    NotificationKind.ONE_ON_ONE: {"other": "Citra", "meets_at": AFTERNOON, "agenda": True},
    NotificationKind.ONE_ON_ONE_PLANNED: {"author": "Nadia", "meets_at": AFTERNOON},
    NotificationKind.ONE_ON_ONE_MOVED: {"author": "Citra", "meets_at": AFTERNOON},
    NotificationKind.ONE_ON_ONE_CANCELLED: {"author": "Citra", "meets_at": AFTERNOON},
    NotificationKind.ATTEMPTS_GRANTED: {
        "coach": "Citra",
        "attempts": 2,
        "step": "Empathy check",
        "path": "Orientation",
    },
    NotificationKind.STEP_WAIVED: {
        "coach": "Citra",
        "step": "Empathy check",
        "path": "Orientation",
        "reason": "Withdrawn module.",
    },
}
PARAMS[NotificationKind.READ_AGAIN] = {
    "step": "Refunds",
    "path": "Orientation",
    "note": "The refund window is now 30 days.",
}
PARAMS[NotificationKind.REVIEW_DUE] = {"title": "Refunds", "review_on": "2026-12-10"}
ASKED_BY_THE_COACH = {
    "step": "Refunds",
    "path": "Orientation",
    "coach": "Citra",
    "message": "Before your first shift.",
}
PARAMS[NotificationKind.TASK_SIGNED_OFF] = {
    "coach": "Citra",
    "step": "Shadow calls",
    "path": "Orientation",
    "comment": "Well handled.",
}
PARAMS[NotificationKind.TASK_SENT_BACK] = {**PARAMS[NotificationKind.TASK_SIGNED_OFF]}
PARAMS[NotificationKind.BUDDY_QUESTION] = {"trainee": "Nadia", "question": "Where is lunch?"}
PARAMS[NotificationKind.BUDDY_ANSWER] = {
    "buddy": "Bima",
    "question": "Where is lunch?",
    "answer": "The canteen, at noon.",
}
CHECK_IN_STEP = {
    "author": "Citra",
    "meets_at": AFTERNOON,
    "step": "Check-in",
    "path": "Orientation",
}
NO_COACH_NAMED = {"other": "", "meets_at": AFTERNOON, "agenda": True}


def texts(kind, params):
    message = message_for(Notification(kind=kind, params=params))
    return [message.subject, *message.lines, *message.items]


def test_every_kind_of_notification_is_covered_here():
    assert set(PARAMS) == set(NotificationKind.values)


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize(
    ("kind", "params"),
    [
        *PARAMS.items(),
        (NotificationKind.ONE_ON_ONE, NO_COACH_NAMED),
        (NotificationKind.ONE_ON_ONE_PLANNED, CHECK_IN_STEP),
        (NotificationKind.ONE_ON_ONE_MOVED, CHECK_IN_STEP),
        (NotificationKind.ONE_ON_ONE_CANCELLED, CHECK_IN_STEP),
        (NotificationKind.READ_AGAIN, ASKED_BY_THE_COACH),
    ],
    ids=[
        *PARAMS,
        "one_on_one_no_coach",
        "check_in_step_planned",
        "check_in_step_moved",
        "check_in_step_cancelled",
        "read_again_asked_by_the_coach",
    ],
)
def test_no_sentence_ends_with_two_dots(kind, params, language):
    with translation.override(language):
        written = texts(kind, params)

    assert all(written), written  # every text says something
    assert not [text for text in written if ".." in text]


def test_the_1_1_reminder_names_the_time_and_the_coach():
    with translation.override("en"):
        subject, sentence, _agenda = texts(NotificationKind.ONE_ON_ONE, PARAMS["one_on_one"])

    assert subject == "1:1 with Citra on March 2, 2026, 3 p.m."
    assert sentence == "On March 2, 2026, 3 p.m. you have your 1:1 with Citra."


def test_a_1_1_with_no_coach_named_is_with_your_coach():
    with translation.override("en"):
        subject, sentence, _agenda = texts(NotificationKind.ONE_ON_ONE, NO_COACH_NAMED)

    assert subject == "1:1 with your coach on March 2, 2026, 3 p.m."
    assert sentence == "On March 2, 2026, 3 p.m. you have your 1:1 with your coach."


def test_a_new_path_is_opened_not_started_as_it_may_be_under_way_when_read():
    params = PARAMS[NotificationKind.ASSIGNED]

    message = message_for(Notification(kind=NotificationKind.ASSIGNED, params=params))

    assert message.action == "Open the path"
