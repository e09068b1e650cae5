"""A learning review closes its loop: its module, once published, is assigned to the people
the reviewer chose, and its follow-up closes itself when completion reaches the target."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from coaching.account.languages import remember_language
from coaching.learning.progress import complete_module
from coaching.models import Assignment
from coaching.record import loops
from coaching.record.loops import loop_of
from coaching.record.proposals import make_draft_module
from tests import builders
from tests.coaching.record import make

pytestmark = pytest.mark.django_db


@pytest.fixture
def loop(portal):
    """Three Customer Service agents and one in Sales; a review about Nadia (the person in
    the incident) that wants Customer Service to learn its lesson, 60 % within 14 days."""
    service, sales = builders.make_unit("Customer Service"), builders.make_unit("Sales")
    agents = [builders.make_trainee(name, unit=service) for name in ("ayu", "bagus", "cahya")]
    builders.make_trainee("sari", unit=sales)
    coach = builders.make_user("citra")
    nadia = builders.make_trainee("nadia", unit=service, coach=coach)
    review = make.review(
        nadia,
        coach,
        text="Outage queue overflowed",
        proposed_module_title="Outage calls: what to say",
        proposed_module_summary="What to say when the network is down.",
        learners_unit=service,
        target_percent=60,
        target_days=14,
    )
    module = make_draft_module(review.pk, editor=builders.make_user("edi"), portal=portal)
    return review, module, agents, nadia


def publish(module):
    module = type(module).objects.get(pk=module.pk)
    module.save_revision().publish()
    return module


def test_nothing_is_assigned_while_the_module_is_a_draft(loop):
    review, _, _, _ = loop

    assert not Assignment.objects.exists()
    assert loop_of(review).assigned == 0


def test_publishing_assigns_it_to_the_unit_as_a_one_step_path_due_at_the_target(loop):
    review, module, _, _ = loop

    publish(module)

    review.refresh_from_db()
    assigned = Assignment.objects.filter(path=review.learning_path)
    trainees = sorted(a.trainee.username for a in assigned)
    assert trainees == ["ayu", "bagus", "cahya", "nadia"]  # Customer Service, not Sales
    assert review.learning_path.current_version.step_count == 1
    assert {a.due_on for a in assigned} == {timezone.localdate() + timedelta(days=14)}
    assert {a.assigned_by_id for a in assigned} == {None}  # by nobody in particular
    assert review.loop_action.done_at is None
    # Published again: nobody is given it twice.
    publish(module)
    assert Assignment.objects.filter(path=review.learning_path).count() == 4


def test_the_follow_up_closes_itself_when_completion_reaches_the_target(loop):
    review, module, agents, _ = loop
    publish(module)
    review.refresh_from_db()

    for done, agent in enumerate(agents, start=1):
        assignment = Assignment.objects.get(path=review.learning_path, trainee=agent)
        complete_module(assignment, builders.steps_of(assignment)[0])
        review.refresh_from_db()
        # 1 of 4 is 25 %, 2 of 4 is 50 %: under 60 %. 3 of 4 is 75 %: the target is met.
        assert (review.target_met_at is not None) == (done == 3)

    review.loop_action.refresh_from_db()
    assert review.loop_action.done_at is not None
    assert loop_of(review).percent == 75


def test_the_review_page_shows_the_loop_and_the_learners_never_see_the_review(loop, client):
    review, module, agents, _ = loop
    publish(module)
    client.force_login(review.author)

    page = client.get(reverse("coaching:entry", args=[review.pk])).text

    assert "From lesson to training" in page and "Assigned to 4 people" in page
    assert "target: 60% within 14 days" in page
    client.force_login(agents[0])
    review.refresh_from_db()
    assignment = Assignment.objects.get(path=review.learning_path, trainee=agents[0])
    path_page = client.get(reverse("coaching:assignment", args=[assignment.pk])).text
    assert "Outage queue overflowed" not in path_page and "nadia" not in path_page.lower()


def test_the_follow_up_is_written_in_its_owners_language_whoever_publishes(loop):
    review, module, _, _ = loop
    remember_language(review.author, "id")

    with translation.override("en"):  # an English-speaking editor publishes
        publish(module)

    review.refresh_from_db()
    assert review.loop_action.text.startswith("60% orang yang dipilih menyelesaikan")


def test_a_failing_loop_never_stops_the_publish(loop, monkeypatch, caplog):
    _, module, _, _ = loop

    def broken(module):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(loops, "close_the_loop", broken)
    publish(module)

    module.refresh_from_db()
    assert module.live and not Assignment.objects.exists()
    assert "Publishing" in caplog.text and "the database went away" in caplog.text
