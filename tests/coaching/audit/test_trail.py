"""The onboarding audit trail: who did what to whose onboarding, in Wagtail's action log."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.log_actions import LogContext

from coaching.audit.models import CoachingLogEntry
from coaching.audit.trail import ACTIONS, forget, record, record_many
from coaching.common.names import display_name
from coaching.learning.models import AssignmentStatus
from coaching.people.models import CoachRelationship
from coaching.record.erasure import erase_person
from tests import builders

# Every test here uses the database, including those that name their person by parameter
# (pytest-django would otherwise run them among the tests without one).
pytestmark = pytest.mark.django_db
TRAIL_QUERIES = 16


@pytest.fixture
def published_path(portal):
    return builders.make_path(steps=[builders.make_module(portal)])


def test_every_coaching_action_is_registered_with_wagtail():
    from wagtail.log_actions import registry

    for action in ACTIONS:
        assert registry.action_exists(action)


def test_a_cancel_names_who_cancelled_and_whose_path_it_was(client, coach, trainee, published_path):
    assignment = builders.assign(published_path, trainee, by=coach)
    client.force_login(coach)

    response = client.post(reverse("coaching:cancel_assignment", args=[assignment.pk]), follow=True)

    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.CANCELLED
    assert "Assignment cancelled" in response.content.decode()
    entry = CoachingLogEntry.objects.get(action="coaching.cancel")
    assert (entry.user, entry.trainee, entry.object_id) == (coach, trainee, str(assignment.pk))
    assert entry.message == f"Cancelled {published_path.title}"


def test_a_new_due_date_keeps_the_old_and_the_new(client, coach, trainee, published_path):
    assignment = builders.assign(
        published_path, trainee, by=coach, due_on=datetime.date(2027, 1, 1)
    )
    client.force_login(coach)

    client.post(
        reverse("coaching:change_due", args=[assignment.pk]), {"due_on": "2027-02-01"}, follow=True
    )

    entry = CoachingLogEntry.objects.get(action="coaching.change_due")
    assert entry.user == coach
    assert entry.data["old"] == "2027-01-01" and entry.data["new"] == "2027-02-01"


def test_the_label_never_carries_the_persons_name(coach, trainee, published_path):
    assignment = builders.assign(published_path, trainee, by=coach)

    record(assignment, "coaching.cancel", by=coach, trainee_id=trainee.pk, path="Orientation")

    entry = CoachingLogEntry.objects.get(action__in=["coaching.cancel", "coaching.waive"])
    assert trainee.username not in entry.label and trainee.get_full_name() not in entry.label


def test_forgetting_a_person_removes_reasons_and_keeps_what_happened(
    coach, trainee, published_path
):
    assignment = builders.assign(published_path, trainee, by=coach)
    record(
        assignment,
        "coaching.waive",
        by=coach,
        trainee_id=trainee.pk,
        path="Orientation",
        step="Empathy",
        reason=f"{trainee.username} was ill",
    )

    forget(trainee.pk)

    entry = CoachingLogEntry.objects.get(action__in=["coaching.cancel", "coaching.waive"])
    assert "reason" not in entry.data
    assert entry.message == "Waived Empathy in Orientation"


def test_starting_and_ending_a_coaching_link_in_the_admin_is_logged(client, hr, coach):
    newcomer = builders.make_trainee("dewi")
    hr.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["add_coachrelationship", "change_coachrelationship"]
        )
    )
    client.force_login(hr)
    client.post(
        reverse("coach_relationships:add"),
        {"coach": coach.pk, "trainee": newcomer.pk, "starts_on": "2026-11-01", "ends_on": ""},
    )
    link = CoachRelationship.objects.get(trainee=newcomer, coach=coach)
    client.post(
        reverse("coach_relationships:edit", args=[link.pk]),
        {
            "coach": coach.pk,
            "trainee": newcomer.pk,
            "starts_on": "2026-11-01",
            "ends_on": "2026-11-30",
        },
    )

    actions = list(
        CoachingLogEntry.objects.filter(trainee=newcomer, action__startswith="coaching.link")
        .order_by("timestamp", "pk")
        .values_list("action", "user")
    )
    assert actions == [("coaching.link_start", hr.pk), ("coaching.link_end", hr.pk)]


def test_erasing_a_coach_takes_their_name_out_of_the_links_they_had(hr, coach, trainee):
    link = CoachRelationship.objects.get(trainee=trainee, coach=coach)
    record(
        link,
        "coaching.link_start",
        by=hr,
        trainee_id=trainee.pk,
        coach=display_name(coach),
        starts_on="2026-11-01",
    )

    erase_person(coach, erased_by=hr, reason="Left and asked to be forgotten")

    entry = CoachingLogEntry.objects.get(action="coaching.link_start")
    assert entry.message == "A person whose data was erased coaches this new hire from Nov. 1, 2026"


def test_hr_filters_the_trail_by_person_and_action(
    client, hr, coach, trainee, other_trainee, published_path
):
    mine = builders.assign(published_path, trainee, by=coach)
    theirs = builders.assign(published_path, other_trainee, by=coach)
    record(mine, "coaching.cancel", by=coach, trainee_id=trainee.pk, path="Mine <b>x</b>")
    record(theirs, "coaching.cancel", by=coach, trainee_id=other_trainee.pk, path="Theirs")
    client.force_login(hr)

    response = client.get(
        reverse("onboarding_trail:index"), {"trainee": trainee.pk, "action": "coaching.cancel"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Cancelled Mine &lt;b&gt;x&lt;/b&gt;" in page
    assert "Cancelled Theirs" not in page


def test_the_trails_export_says_whose_trail_and_which_action(
    client, hr, coach, trainee, published_path
):
    mine = builders.assign(published_path, trainee, by=coach)
    record(mine, "coaching.cancel", by=coach, trainee_id=trainee.pk, path="Mine")
    client.force_login(hr)

    response = client.get(
        reverse("onboarding_trail:index"),
        {"trainee": trainee.pk, "action": "coaching.cancel", "export": "csv"},
    )

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[:3] == [
        ["Report", "Onboarding activity"],
        ["New hire", display_name(trainee)],
        ["Action", "Onboarding: cancel an assignment"],
    ]
    assert rows[3][0] == "Exported"
    assert rows[4] == []
    table = rows[5:]
    assert table[0] == ["When", "New hire", "What happened", "Reason", "By"]
    assert [row[2] for row in table[1:]] == ["Cancelled Mine"]


def test_an_editor_in_the_admin_is_turned_back(client, editor):
    client.force_login(editor)

    response = client.get(reverse("onboarding_trail:index"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert "Sorry, you do not have permission" in response.content.decode()


@pytest.mark.parametrize("who", ["coach", "trainee", "colleague"])
def test_people_without_the_admin_are_sent_to_sign_in(client, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("onboarding_trail:index"))

    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("size", [2, 6])
def test_the_trail_takes_the_same_queries_for_any_number_of_entries(
    portal, client, hr, size, django_assert_num_queries
):
    for number in range(size):
        person = builders.make_trainee(f"person{number}")
        acting = builders.make_user(f"coach{number}")
        record(person.trainee_profile, "coaching.invite", by=acting, trainee_id=person.pk)
    client.force_login(hr)
    client.get(reverse("onboarding_trail:index"))  # Wagtail's caches warmed

    # session, user, HR's permissions (own, groups'), the filters' people, the count, the
    # page of entries (with whose and who acted, their avatars), and Wagtail's own
    with django_assert_num_queries(TRAIL_QUERIES):
        client.get(reverse("onboarding_trail:index"))


def test_entries_written_at_once_share_their_requests_log_context(coach, trainee, other_trainee):
    path = builders.make_path(steps=["A"])
    first, second = (builders.assign(path, person, by=coach) for person in (trainee, other_trainee))

    with LogContext(user=coach) as context:
        record(first, "coaching.cancel", by=coach, trainee_id=trainee.pk)
        record_many([first, second], "coaching.change_due", by=coach, old="", new="")

    assert set(
        CoachingLogEntry.objects.filter(
            action__in=["coaching.cancel", "coaching.change_due"]
        ).values_list("uuid", flat=True)
    ) == {context.uuid}
