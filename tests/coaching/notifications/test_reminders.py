"""The reminder sweep: each reminder is written and emailed once, whenever it runs."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from coaching.learning.assigning import cancel_assignment
from coaching.learning.progress import complete_module, plan_checkin, sign_off, submit_task
from coaching.models import (
    CoachRelationship,
    EmailStatus,
    GoalCheckIn,
    Notification,
    NotificationKind,
    ProgressStatus,
)
from coaching.notifications.reminders import sweep
from tests import builders
from tests.coaching.record import make

NOW = timezone.now()
TODAY = timezone.localdate(NOW)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the sweep at `now`, with emails sent as the immediate task backend does."""

    def run_sweep(now=NOW):
        with django_capture_on_commit_callbacks(execute=True):
            return sweep(now)

    return run_sweep


def reminders(kind):
    return list(Notification.objects.filter(kind=kind).order_by("pk"))


def test_a_path_due_soon_is_reminded_once(task_path, trainee, coach, outbox, run):
    assignment = builders.assign(task_path, trainee, by=coach, due_on=TODAY + timedelta(days=3))
    builders.assign(
        builders.make_path("Later", steps=["Read the handbook"]),
        trainee,
        due_on=TODAY + timedelta(days=4),
    )
    outbox.clear()

    run()
    run()

    [reminder] = reminders(NotificationKind.DUE_SOON)
    assert reminder.recipient == trainee
    assert reminder.params["remaining"] == 2
    assert reminder.params["next_step"] == "Serving customers"
    assert reminder.key == f"due-soon:{assignment.pk}:{assignment.due_on.isoformat()}"
    assert len(outbox) == 1
    assert "you have 2 steps left" in outbox[0].body


def test_a_new_due_date_is_a_new_reminder(task_path, trainee, coach, run):
    assignment = builders.assign(task_path, trainee, by=coach, due_on=TODAY + timedelta(days=1))
    run()
    assignment.due_on = TODAY + timedelta(days=2)
    assignment.save()
    run()

    assert len(reminders(NotificationKind.DUE_SOON)) == 2


def test_an_overdue_path_reminds_the_new_hire_and_sends_each_coach_a_digest(
    task_path, trainee, coach, outbox, run
):
    buddy = builders.make_user("agus")
    CoachRelationship.objects.create(coach=buddy, trainee=trainee)
    other = builders.make_trainee("bima", coach=coach)
    builders.assign(task_path, trainee, by=coach, due_on=TODAY - timedelta(days=2))
    builders.assign(task_path, other, by=coach, due_on=TODAY - timedelta(days=1))
    builders.assign(task_path, builders.make_trainee("rizky"), due_on=TODAY + timedelta(days=30))
    Notification.objects.update(email_status=EmailStatus.SENT)  # "path assigned", sent then

    run()
    run(NOW + timedelta(hours=1))

    overdue = reminders(NotificationKind.OVERDUE)
    assert sorted(n.recipient.username for n in overdue) == ["bima", "nadia"]
    digests = {n.recipient.username: n for n in reminders(NotificationKind.OVERDUE_DIGEST)}
    assert set(digests) == {"citra", "agus"}
    assert [item["trainee"] for item in digests["citra"].params["items"]] == ["Nadia", "Bima"]
    assert [item["trainee"] for item in digests["agus"].params["items"]] == ["Nadia"]
    assert len(outbox) == 4
    citra_digest = next(email for email in outbox if email.to == ["citra@example.com"])
    assert citra_digest.subject == "2 overdue paths among your new hires"
    assert "- Nadia: Orientation, due on" in citra_digest.body


def test_the_overdue_digest_comes_again_the_next_week(task_path, trainee, coach, run):
    builders.assign(task_path, trainee, by=coach, due_on=TODAY - timedelta(days=1))
    run()
    run(NOW + timedelta(days=7))

    assert len(reminders(NotificationKind.OVERDUE_DIGEST)) == 2
    assert len(reminders(NotificationKind.OVERDUE)) == 1  # once per due date


def test_completed_and_cancelled_paths_are_not_reminded(task_path, trainee, coach, run):
    yesterday = TODAY - timedelta(days=1)
    completed = builders.assign(task_path, trainee, by=coach, due_on=yesterday)
    module, task = builders.steps_of(completed)
    complete_module(completed, module)
    submit_task(completed, task, note="Done")
    sign_off(completed, task, coach=coach)
    cancelled = builders.assign(
        builders.make_path("Cancelled", steps=["Read the handbook"]), trainee, due_on=yesterday
    )
    cancel_assignment(cancelled, by=None)
    active = builders.assign(
        builders.make_path("Still open", steps=["Shadow a shift"]), trainee, due_on=yesterday
    )
    completed.refresh_from_db()
    cancelled.refresh_from_db()
    assert (completed.status, cancelled.status) == ("completed", "cancelled")
    before = list(Notification.objects.values_list("pk", flat=True))

    run()

    # only the path still open is overdue: a reminder for the new hire, a digest for the coach
    sent = Notification.objects.exclude(pk__in=before)
    assert sorted(sent.values_list("kind", flat=True)) == sorted(
        [NotificationKind.OVERDUE, NotificationKind.OVERDUE_DIGEST]
    )
    assert sent.get(kind=NotificationKind.OVERDUE).key.startswith(f"overdue:{active.pk}:")
    [item] = sent.get(kind=NotificationKind.OVERDUE_DIGEST).params["items"]
    assert item["trainee"] == "Nadia"


def test_a_goal_check_in_is_due_on_its_cadence(trainee, coach, outbox, run):
    weekly = make.goal(trainee, coach, title="Handle calls alone", cadence="weekly")
    monthly = make.goal(trainee, coach, title="Learn billing", cadence="monthly")
    Goal = type(weekly)
    Goal.objects.filter(pk__in=[weekly.pk, monthly.pk]).update(created_at=NOW - timedelta(days=8))
    GoalCheckIn.objects.create(goal=weekly, status="on_track", created_at=NOW - timedelta(days=8))
    outbox.clear()

    run()
    run()

    [reminder] = reminders(NotificationKind.GOAL_CHECK_IN)
    assert reminder.params["goal"] == "Handle calls alone"
    assert len(outbox) == 1
    assert "is checked every week" in outbox[0].body

    GoalCheckIn.objects.create(goal=weekly, status="on_track", created_at=NOW)
    run(NOW + timedelta(days=3))
    assert len(reminders(NotificationKind.GOAL_CHECK_IN)) == 1  # checked in: not due


def test_an_upcoming_one_on_one_reminds_both_people_once(trainee, coach, outbox, run):
    meeting = make.one_on_one(trainee, coach, meets_at=NOW + timedelta(hours=20))
    make.one_on_one(trainee, coach, meets_at=NOW + timedelta(days=3))  # not yet
    outbox.clear()

    run()
    run(NOW + timedelta(hours=1))

    notices = reminders(NotificationKind.ONE_ON_ONE)
    assert sorted((n.recipient.username, n.params["other"]) for n in notices) == [
        ("citra", "Nadia"),
        ("nadia", "Citra"),
    ]
    assert {n.key for n in notices} == {f"one-on-one:{meeting.pk}:{meeting.meets_at.isoformat()}"}
    assert len(outbox) == 2


def test_a_1_1_the_new_hire_planned_reminds_them_and_the_coach_it_is_with(
    trainee, coach, outbox, run
):
    buddy = builders.make_user("dewi")
    CoachRelationship.objects.create(coach=buddy, trainee=trainee)
    make.one_on_one(trainee, trainee, coach=buddy, meets_at=NOW + timedelta(hours=20))
    outbox.clear()

    run()

    notices = reminders(NotificationKind.ONE_ON_ONE)
    assert sorted((n.recipient.username, n.params["other"]) for n in notices) == [
        ("dewi", "Nadia"),
        ("nadia", "Dewi"),
    ]
    assert sorted(email.to[0] for email in outbox) == ["dewi@example.com", "nadia@example.com"]
    [to_trainee] = [email for email in outbox if email.to == ["nadia@example.com"]]
    assert "you have your 1:1 with Dewi." in to_trainee.body


def test_a_1_1_with_no_coach_named_reminds_the_new_hire_of_their_coach(trainee, outbox, run):
    meeting = make.one_on_one(trainee, trainee, meets_at=NOW + timedelta(hours=20))
    assert meeting.coach is None  # planned before 1:1s named the coach, and none was found
    outbox.clear()

    run()

    [notice] = reminders(NotificationKind.ONE_ON_ONE)
    assert notice.recipient == trainee
    assert "you have your 1:1 with your coach." in outbox[0].body


def test_a_coach_whose_link_ended_is_not_reminded_of_a_1_1_they_can_no_longer_open(
    trainee, coach, outbox, run
):
    make.one_on_one(trainee, coach, meets_at=NOW + timedelta(hours=20))
    CoachRelationship.objects.filter(coach=coach, trainee=trainee).update(
        starts_on=TODAY - timedelta(days=30), ends_on=TODAY - timedelta(days=1)
    )

    run()

    assert [n.recipient for n in reminders(NotificationKind.ONE_ON_ONE)] == [trainee]


def test_hr_who_planned_a_check_in_is_reminded_without_coaching_the_new_hire(
    portal, trainee, hr, run
):
    learning_path = builders.make_path(steps=[builders.checkin_step()])
    assignment = builders.assign(learning_path, trainee, by=hr)
    plan_checkin(
        assignment, builders.steps_of(assignment)[0], coach=hr, when=NOW + timedelta(hours=2)
    )

    run()

    assert sorted(n.recipient.username for n in reminders(NotificationKind.ONE_ON_ONE)) == [
        "hana",
        "nadia",
    ]


def test_a_planned_check_in_step_is_reminded(portal, trainee, coach, run):
    learning_path = builders.make_path(steps=[builders.checkin_step()])
    assignment = builders.assign(learning_path, trainee, by=coach)
    plan_checkin(
        assignment, builders.steps_of(assignment)[0], coach=coach, when=NOW + timedelta(hours=2)
    )

    run()

    notices = reminders(NotificationKind.ONE_ON_ONE)
    assert sorted(n.recipient.username for n in notices) == ["citra", "nadia"]
    assert assignment.progress.get().status == ProgressStatus.PLANNED


def test_the_command_runs_the_sweep(task_path, trainee, coach, capsys):
    builders.assign(task_path, trainee, by=coach, due_on=TODAY - timedelta(days=1))

    call_command("send_reminders")

    assert "Reminders written: 2." in capsys.readouterr().out  # overdue, and the digest


FIRST_SWEEP_QUERIES = 21
AGAIN_SWEEP_QUERIES = 14


@pytest.mark.parametrize("size", [3, 30])
def test_a_sweep_makes_the_same_queries_for_any_number_of_new_hires(
    task_path, coach, size, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """Half the new hires are overdue, half due soon; the second sweep finds in SQL that
    every reminder is written and builds none. (The emails are the worker's, after the
    commit: not counted here.)"""

    def run(now=NOW):
        with django_capture_on_commit_callbacks(execute=False):
            return sweep(now)

    for number in range(size):
        late = number % 2 == 0
        trainee = builders.make_trainee(f"hire{number}", coach=coach)
        builders.assign(
            task_path, trainee, by=coach, due_on=TODAY + timedelta(days=-2 if late else 2)
        )
    ContentType.objects.clear_cache()  # as in a fresh process, whichever test ran before

    # emails to retry; webhook deliveries to retry; repeating 1:1s held (and their content
    # type); the paths due soon, the overdue ones, the digest's late paths and its coaches;
    # goals due a check-in; 1:1s and check-in steps coming up; content due for review (the
    # default locale, then modules, profile and unit pages, paths: 5); then the notices'
    # email settings, and in a savepoint the insert and the rows it wrote
    with django_assert_num_queries(FIRST_SWEEP_QUERIES):
        run()
    assert len(reminders(NotificationKind.OVERDUE)) == (size + 1) // 2
    assert len(reminders(NotificationKind.DUE_SOON)) == size // 2
    assert len(reminders(NotificationKind.OVERDUE_DIGEST)) == 1

    # again an hour later (the worker has sent the emails): nothing new, nothing written
    Notification.objects.update(email_status=EmailStatus.SENT)
    # the same reads, less the digest's coaches (no late path is left to digest)
    with django_assert_num_queries(AGAIN_SWEEP_QUERIES):
        result = run(NOW + timedelta(hours=1))
    assert result.written == 0
