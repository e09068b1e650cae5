"""The words of each kind of notification, put together when it is shown or emailed.

A notification keeps its details as data (`params`); the sentences are written here, in
the reader's language at the time of reading. The titles of paths, steps and company
values are kept with their translations (`translations`, {language: {name: title}}) and
shown in the reader's language too. Dates are kept as ISO strings: a key that
ends in `_on` is a date, one that ends in `_at` a date and time.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coaching.notifications.models import Notification, NotificationKind
from coaching.record.models import Cadence
from lessons.i18n import in_reader_language_all


@dataclass(frozen=True)
class Message:
    subject: str
    lines: list[str]
    action: str  # the link's label
    items: list[str]  # digest rows, each a sentence


def _readable(params):
    """Titles in the reader's language (those stored with their translations; one stored
    without them reads as it was written), dates and times in the reader's format."""
    values = {}
    shown = in_reader_language_all(params, params.get("translations") or {})
    for name, value in shown.items():
        if name.endswith("_on") and isinstance(value, str) and (day := parse_date(value)):
            value = formats.date_format(day, "DATE_FORMAT")
        elif name.endswith("_at") and isinstance(value, str) and (moment := parse_datetime(value)):
            value = formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        values[name] = value
    return values


def _steps_left(count):
    return ngettext("%(count)s step left", "%(count)s steps left", count) % {"count": count}


def _assigned(p):
    if p.get("assigner"):
        lines = [_("%(assigner)s gave you a learning path: %(path)s.") % p]
    else:
        lines = [_("You have a new learning path: %(path)s.") % p]
    if p.get("due_on"):
        lines.append(_("It is due on %(due_on)s.") % p)
    # "Open", not "Start": the path may be well under way when the notification is read.
    return _("New learning path: %(path)s") % p, lines, _("Open the path")


def _due_soon(p):
    lines = [
        _("%(path)s is due on %(due_on)s, and you have %(left)s.")
        % {**p, "left": _steps_left(p["remaining"])},
        _("Your next step: %(next_step)s.") % p if p.get("next_step") else "",
    ]
    return _("%(path)s is due on %(due_on)s") % p, lines, _("Go to your next step")


def _overdue(p):
    lines = [
        _("%(path)s was due on %(due_on)s, and %(left)s.")
        % {**p, "left": _steps_left(p["remaining"])},
        _("If something is in the way, tell your coach: that is what they are there for."),
    ]
    return _("%(path)s is overdue") % p, lines, _("Open the path")


def _overdue_digest(p):
    count = len(p["items"])
    subject = ngettext(
        "%(count)s overdue path among your new hires",
        "%(count)s overdue paths among your new hires",
        count,
    ) % {"count": count}
    lines = [_("These paths are past their due date. A short conversation often unblocks them.")]
    return subject, lines, _("Open the coach dashboard")


def _digest_items(p):
    return [
        _("%(trainee)s: %(path)s, due on %(due_on)s, %(left)s")
        % {**_readable(item), "left": _steps_left(item["remaining"])}
        for item in p.get("items", [])
    ]


def _sign_off(p):
    lines = [_("%(trainee)s submitted “%(step)s” on %(path)s.") % p]
    return (
        _("%(trainee)s's task waits for your sign-off: %(step)s") % p,
        lines,
        _("Review the task"),
    )


def _feedback(p):
    lines = [
        _("Read it on your development record. You can reply to it there."),
    ]
    return _("%(author)s gave you feedback") % p, lines, _("Read the feedback")


def _recognition(p):
    lines = [_("%(author)s thanked you for living our value %(value)s.") % p]
    return _("%(author)s recognised you") % p, lines, _("See the recognition")


def _every(cadence):
    return {
        Cadence.WEEKLY: _("every week"),
        Cadence.MONTHLY: _("every month"),
        Cadence.QUARTERLY: _("every quarter"),
    }.get(cadence, cadence)


def _goal_check_in(p):
    lines = [
        _("Your goal “%(goal)s” is checked %(every)s; the last check-in was on %(last_on)s.")
        % {**p, "every": _every(p["cadence"])},
        _("Update the key results and say how confident you feel."),
    ]
    return _("Time for a check-in on your goal: %(goal)s") % p, lines, _("Check in now")


def _one_on_one(p):
    # The time goes first: in English it can end in "p.m.", and a full stop after it
    # would make two.
    if p.get("other"):
        lines = [_("On %(meets_at)s you have your 1:1 with %(other)s.") % p]
        subject = _("1:1 with %(other)s on %(meets_at)s") % p
    else:  # planned by the new hire before 1:1s named their coach, and none was found
        lines = [_("On %(meets_at)s you have your 1:1 with your coach.") % p]
        subject = _("1:1 with your coach on %(meets_at)s") % p
    if p.get("agenda"):
        lines.append(_("Add what you want to talk about to the agenda beforehand."))
    return subject, lines, _("Open the 1:1")


def _one_on_one_planned(p):
    if p.get("step"):  # a check-in step of a path
        lines = [
            _("On %(meets_at)s you meet %(author)s for “%(step)s” on %(path)s.") % p,
            _("Think of what you want to ask; your coach records the check-in afterwards."),
        ]
        return _("%(author)s planned your check-in: %(step)s") % p, lines, _("Open the step")
    lines = [
        _("On %(meets_at)s you meet for a 1:1 that %(author)s planned.") % p,
        _("Add what you want to talk about to the agenda beforehand."),
    ]
    return _("%(author)s planned a 1:1 with you") % p, lines, _("Open the 1:1")


def _one_on_one_moved(p):
    # The time goes first, as in _one_on_one: a full stop after "p.m." would make two.
    if p.get("step"):  # a check-in step of a path
        lines = [
            _("On %(meets_at)s you have your check-in “%(step)s” on %(path)s: %(author)s moved it.")
            % p,
            _("The invite attached updates your calendar."),
        ]
        return _("Your check-in moved: %(step)s") % p, lines, _("Open the step")
    lines = [
        _("On %(meets_at)s you have your 1:1: %(author)s moved it.") % p,
        _("The invite attached updates your calendar."),
    ]
    return _("Your 1:1 moved to %(meets_at)s") % p, lines, _("Open the 1:1")


def _one_on_one_cancelled(p):
    # The time goes first, as in _one_on_one: a full stop after "p.m." would make two.
    if p.get("step"):  # a check-in step of a path
        lines = [
            _("Your check-in “%(step)s” on %(path)s, planned for %(meets_at)s, is cancelled.") % p,
            _("The invite attached removes it from your calendar."),
        ]
        return _("Check-in cancelled: %(step)s") % p, lines, _("Open the path")
    lines = [
        _("On %(meets_at)s you no longer have a 1:1: %(author)s cancelled it.") % p,
        _("The invite attached removes it from your calendar."),
    ]
    return _("1:1 cancelled: %(meets_at)s") % p, lines, _("Open the record")


def _attempts_granted(p):
    count = p["attempts"]
    lines = [
        ngettext(
            "%(coach)s gave you %(count)s more attempt at “%(step)s” on %(path)s.",
            "%(coach)s gave you %(count)s more attempts at “%(step)s” on %(path)s.",
            count,
        )
        % {**p, "count": count},
        _("Read the explanations of your last attempt before you try again."),
    ]
    return _("More attempts at %(step)s") % p, lines, _("Take the check again")


def _step_waived(p):
    lines = [
        _("%(coach)s waived “%(step)s” on %(path)s: it counts as done.") % p,
        _("Why: %(reason)s") % p,
    ]
    return _("A step was waived: %(step)s") % p, lines, _("Open the step")


def _read_again(p):
    if p.get("check"):
        lines = [
            _("The knowledge check of “%(step)s” on %(path)s changed since you passed it.") % p,
            _("Your step stays done: pass the new version on the step."),
        ]
        return _("Pass again: %(step)s") % p, lines, _("Open the check")
    if p.get("coach"):
        lines = [
            _("%(coach)s asks you to read “%(step)s” on %(path)s again.") % p,
            _("Their message: %(message)s") % p if p.get("message") else "",
        ]
    else:
        lines = [
            _("“%(step)s” on %(path)s changed since you read it.") % p,
            _("What changed: %(note)s") % p if p.get("note") else "",
        ]
    lines.append(_("The step stays done: read it again and confirm on the step."))
    return _("Read again: %(step)s") % p, lines, _("See what changed")


def _review_due(p):
    lines = [
        _("“%(title)s” is due for review on %(review_on)s. You keep it up to date.") % p,
        _("Check it still holds, set “last reviewed on” to today, and publish it."),
    ]
    return _("Review due: %(title)s") % p, lines, _("Open it in the admin")


def _task_signed_off(p):
    lines = [
        _("%(coach)s signed off “%(step)s” on %(path)s: it is done.") % p,
        _("Their comment: %(comment)s") % p if p.get("comment") else "",
    ]
    return _("Signed off: %(step)s") % p, lines, _("Go to your path")


def _task_sent_back(p):
    lines = [
        _("%(coach)s sent “%(step)s” on %(path)s back to you.") % p,
        _("What is missing: %(comment)s") % p,
    ]
    return _("Your task needs more: %(step)s") % p, lines, _("Open the task")


def _buddy_question(p):
    lines = [
        _("%(trainee)s asked you, their buddy:") % p,
        _("“%(question)s”") % p,
        _("A short answer helps: you know the everyday ways here."),
    ]
    return _("%(trainee)s has a question for you") % p, lines, _("Answer the question")


def _buddy_answer(p):
    lines = [
        _("You asked: “%(question)s”") % p,
        _("%(buddy)s answered: “%(answer)s”") % p,
    ]
    return _("%(buddy)s answered your question") % p, lines, _("Read the answer")


# Each kind's writer: its readable params -> (subject, lines, the link's label).
Writer = Callable[[dict[str, Any]], tuple[str, list[str], str]]

WRITERS: dict[str, Writer] = {
    NotificationKind.ASSIGNED: _assigned,
    NotificationKind.DUE_SOON: _due_soon,
    NotificationKind.OVERDUE: _overdue,
    NotificationKind.OVERDUE_DIGEST: _overdue_digest,
    NotificationKind.SIGN_OFF: _sign_off,
    NotificationKind.FEEDBACK: _feedback,
    NotificationKind.RECOGNITION: _recognition,
    NotificationKind.GOAL_CHECK_IN: _goal_check_in,
    NotificationKind.ONE_ON_ONE: _one_on_one,
    NotificationKind.ONE_ON_ONE_PLANNED: _one_on_one_planned,
    NotificationKind.ONE_ON_ONE_MOVED: _one_on_one_moved,
    NotificationKind.ONE_ON_ONE_CANCELLED: _one_on_one_cancelled,
    NotificationKind.ATTEMPTS_GRANTED: _attempts_granted,
    NotificationKind.STEP_WAIVED: _step_waived,
    NotificationKind.READ_AGAIN: _read_again,
    NotificationKind.REVIEW_DUE: _review_due,
    NotificationKind.TASK_SIGNED_OFF: _task_signed_off,
    NotificationKind.TASK_SENT_BACK: _task_sent_back,
    NotificationKind.BUDDY_QUESTION: _buddy_question,
    NotificationKind.BUDDY_ANSWER: _buddy_answer,
}


def message_for(notification: Notification) -> Message:
    """The notification in words, in the active language."""
    params = _readable(notification.params)
    subject, lines, action = WRITERS[notification.kind](params)
    return Message(
        subject=subject,
        lines=[line for line in lines if line],
        action=action,
        items=_digest_items(notification.params),
    )
