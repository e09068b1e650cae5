"""Content that changes after people read it: a change people must read asks them again,
shows what changed, and never resets anyone's progress."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from coaching.learning.progress import StepError, ask_to_read_again, complete_module
from coaching.models import (
    Assignment,
    AssignmentStatus,
    ModuleChange,
    Notification,
    NotificationKind,
    ProgressStatus,
    ReadAgain,
    StepProgress,
)
from coaching.notifications.messages import message_for
from coaching.rereading import signals
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def read(portal):
    """Nadia completed a one-module path (the path completed); Omar has not started it."""
    module = builders.make_module(portal, title="Refunds")
    learning_path = builders.make_path(steps=[module])
    coach = builders.make_user("carla")
    nadia = builders.make_trainee("nadia", coach=coach)
    omar = builders.make_trainee("omar", coach=coach)
    done = builders.assign(learning_path, nadia)
    builders.assign(learning_path, omar)
    complete_module(done, builders.steps_of(done)[0])
    return module, done, coach


def publish_change(module, must_read, body_text="Refunds within 30 days.", note=""):
    module = type(module).objects.get(pk=module.pk)
    module.summary = body_text
    module.change_must_be_read = must_read
    module.change_note = note
    module.save_revision().publish()
    return module


def test_completing_a_module_records_the_revision_read(read):
    module, done, _ = read

    progress = StepProgress.objects.get(assignment=done)

    assert progress.read_revision_id == module.live_revision_id


def test_a_minor_change_asks_nobody(read):
    module, _, _ = read

    publish_change(module, must_read=False)

    assert not ReadAgain.objects.exists()
    assert not ModuleChange.objects.exists()


def test_a_change_people_must_read_asks_those_who_read_it_and_resets_nothing(read):
    module, done, _ = read
    before = StepProgress.objects.get(assignment=done)

    publish_change(module, must_read=True, note="The refund window is now 30 days.")

    change = ModuleChange.objects.get()
    assert change.readers_asked == 1 and change.note == "The refund window is now 30 days."
    request = ReadAgain.objects.get()
    assert request.progress == before and request.reason == "changed"
    after = StepProgress.objects.get(pk=before.pk)
    assert (after.status, after.completed_at) == (ProgressStatus.DONE, before.completed_at)
    assert Assignment.objects.get(pk=done.pk).status == AssignmentStatus.COMPLETED
    # The answer belongs to one change: the page's next edit starts unticked.
    module.refresh_from_db()
    assert module.change_must_be_read is False and module.change_note == ""


def test_the_reader_sees_what_changed_and_confirms_once(read, client):
    module, done, _ = read
    publish_change(module, must_read=True, body_text="Refunds within 30 days.")
    client.force_login(done.trainee)

    path_page = client.get(reverse("coaching:assignment", args=[done.pk])).text
    step_page = client.get(reverse("coaching:step", args=[done.pk, 1])).text

    assert "Updated since you read it" in path_page
    assert "What changed since you read it" in step_page
    assert "Refunds within 30 days." in step_page and 'class="addition"' in step_page
    url = reverse("coaching:read_again_done", args=[done.pk, 1])
    for _ in range(2):  # a double click, or a second tab
        assert client.post(url).status_code == 302
    request = ReadAgain.objects.get()
    assert request.read_at is not None
    progress = StepProgress.objects.get(assignment=done)
    module.refresh_from_db()
    assert progress.read_revision_id == module.live_revision_id
    assert (
        "Updated since you read it"
        not in client.get(reverse("coaching:assignment", args=[done.pk])).text
    )


def test_a_second_change_before_the_first_is_read_keeps_one_request(read):
    module, _, _ = read

    module = publish_change(module, must_read=True, body_text="One")
    publish_change(module, must_read=True, body_text="Two")

    assert ReadAgain.objects.count() == 1
    assert list(ModuleChange.objects.values_list("readers_asked", flat=True)) == [0, 1]


def test_nobody_else_can_confirm_a_request(read, client):
    module, done, _ = read
    publish_change(module, must_read=True)
    client.force_login(builders.make_trainee("someone"))

    response = client.post(reverse("coaching:read_again_done", args=[done.pk, 1]))

    assert response.status_code == 404
    assert ReadAgain.objects.get().read_at is None


def test_a_coach_asks_one_new_hire_to_read_a_module_again(read, client):
    _, done, coach = read
    client.force_login(coach)

    response = client.post(
        reverse("coaching:read_again", args=[done.pk, 1]), {"text": "Before your first shift."}
    )

    assert response.status_code == 302
    request = ReadAgain.objects.get()
    assert (request.reason, request.asked_by, request.message) == (
        "coach",
        coach,
        "Before your first shift.",
    )
    trainee_page = client.get(reverse("coaching:trainee", args=[done.trainee_id])).text
    assert "Asked to read again" in trainee_page
    with pytest.raises(StepError):
        ask_to_read_again(done, builders.steps_of(done)[0], coach=coach, message="")


def test_a_coach_cannot_ask_someone_they_do_not_coach(read, client):
    _, done, _ = read
    client.force_login(builders.make_user("other-coach"))

    response = client.post(reverse("coaching:read_again", args=[done.pk, 1]), {"text": ""})

    assert response.status_code == 404
    assert not ReadAgain.objects.exists()


def test_a_step_not_done_cannot_be_asked_again(portal):
    module = builders.make_module(portal)
    assignment = builders.assign(builders.make_path(steps=[module]), builders.make_trainee())

    with pytest.raises(StepError):
        ask_to_read_again(
            assignment, builders.steps_of(assignment)[0], coach=builders.make_user(), message=""
        )


def test_the_coach_message_is_escaped(read, client):
    _, done, coach = read
    ask_to_read_again(
        done, builders.steps_of(done)[0], coach=coach, message="<script>alert(1)</script>"
    )
    client.force_login(done.trainee)

    page = client.get(reverse("coaching:step", args=[done.pk, 1])).text

    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_the_editor_answers_the_question_when_publishing_and_it_starts_unticked(read, admin_client):
    module, _, _ = read
    edit = reverse("wagtailadmin_pages:edit", args=[module.pk])
    data = builders.page_form_data(
        module,
        change_must_be_read="on",
        change_note="Thirty days now.",
        **{"action-publish": "publish"},
    )

    response = admin_client.post(edit, data)

    assert response.status_code == 302
    assert ModuleChange.objects.get().note == "Thirty days now."
    assert ReadAgain.objects.count() == 1
    form = admin_client.get(edit).context["form"]
    assert form["change_must_be_read"].value() is False and form["change_note"].value() == ""


def test_a_draft_asks_nobody_until_it_is_published(read):
    module, _, _ = read
    module = type(module).objects.get(pk=module.pk)
    module.change_must_be_read = True
    revision = module.save_revision()

    assert not ReadAgain.objects.exists()
    revision.publish()
    assert ReadAgain.objects.count() == 1


def test_each_reader_is_told_once_and_opening_the_step_reads_it(read, client):
    module, done, _ = read
    publish_change(module, must_read=True, note="Thirty days now.")
    notice = Notification.objects.get(kind=NotificationKind.READ_AGAIN)
    assert notice.recipient_id == done.trainee_id
    assert notice.url == reverse("coaching:step", args=[done.pk, 1])
    assert "Thirty days now." in str(message_for(notice).lines)

    client.force_login(done.trainee)
    client.get(notice.url)

    notice.refresh_from_db()
    assert notice.read_at is not None


def test_the_new_hire_is_told_of_their_coachs_request(read):
    _, done, coach = read

    ask_to_read_again(done, builders.steps_of(done)[0], coach=coach, message="Before Friday.")

    notice = Notification.objects.get(kind=NotificationKind.READ_AGAIN)
    assert notice.recipient_id == done.trainee_id
    assert "Before Friday." in str(message_for(notice).lines)


def test_my_onboarding_lists_what_to_read_again_until_it_is_read(read, client):
    module, done, _ = read
    publish_change(module, must_read=True)
    client.force_login(done.trainee)

    home = client.get(reverse("coaching:home")).text
    assert "To read again" in home
    assert reverse("coaching:step", args=[done.pk, 1]) in home

    client.post(reverse("coaching:read_again_done", args=[done.pk, 1]))
    assert "To read again" not in client.get(reverse("coaching:home")).text


def test_readers_never_see_the_editors_own_fields_in_what_changed(read, client):
    module, done, _ = read
    module = type(module).objects.get(pk=module.pk)
    module.summary = "Refunds within 30 days."
    module.content_owner = builders.make_user("edi")
    module.review_every_months = 6
    module.change_must_be_read = True
    module.save_revision().publish()
    client.force_login(done.trainee)

    page = client.get(reverse("coaching:step", args=[done.pk, 1])).text

    assert "Refunds within 30 days." in page
    assert "kept up to date by" not in page.lower() and "review every" not in page.lower()


def test_publishing_the_same_revision_again_asks_once(read):
    module, _, _ = read
    module = publish_change(module, must_read=True)

    module.live_revision.publish()

    assert ModuleChange.objects.count() == 1 and ReadAgain.objects.count() == 1


def test_a_step_asked_meanwhile_is_told_once(read, monkeypatch):
    """Two asks at once (a publish and HR's ask, say): the second's insert skips the step
    the first asked between its reading and its writing, and does not tell it again."""
    module, done, coach = read
    progress = StepProgress.objects.get(assignment=done)
    real_insert = ReadAgain.objects.bulk_create

    def asked_meanwhile(requests, **options):
        ask_to_read_again(done, progress.step, coach=coach, message="Please.")
        return real_insert(requests, **options)

    monkeypatch.setattr(ReadAgain.objects, "bulk_create", asked_meanwhile)
    publish_change(module, must_read=True)

    assert ReadAgain.objects.get().reason == "coach"
    assert Notification.objects.filter(kind=NotificationKind.READ_AGAIN).count() == 1
    assert ModuleChange.objects.get().readers_asked == 0


def test_for_a_step_done_before_revisions_were_kept_a_draft_is_never_taken_as_read(read, client):
    module, done, _ = read
    StepProgress.objects.filter(assignment=done).update(read_revision=None)
    # A draft saved before the step was done, and never published.
    draft = type(module).objects.get(pk=module.pk)
    draft.summary = "A draft nobody read."
    revision = draft.save_revision()
    StepProgress.objects.filter(assignment=done).update(completed_at=revision.created_at)
    publish_change(module, must_read=True, body_text="Refunds within 30 days.")
    client.force_login(done.trainee)

    page = client.get(reverse("coaching:step", args=[done.pk, 1])).text

    # Compared with the summary published when it was done ("About Refunds."), not the draft.
    assert '<span class="deletion">About </span>Refunds' in page
    assert "A draft nobody read." not in page


def test_a_failing_ask_never_stops_the_publish(read, monkeypatch, caplog):
    module, _, _ = read

    def broken(*args):
        ModuleChange.objects.create(page=module)  # undone with the failed ask
        raise RuntimeError("the database went away")

    monkeypatch.setattr(signals, "ask_everyone_who_read", broken)
    module = publish_change(module, must_read=True)

    module.refresh_from_db()
    assert module.live and module.summary == "Refunds within 30 days."
    assert not ModuleChange.objects.exists() and not ReadAgain.objects.exists()
    assert "the database went away" in caplog.text


def test_what_changed_shows_only_the_blocks_that_changed(read, client):
    module, done, _ = read
    module = type(module).objects.get(pk=module.pk)
    module.body.append(
        ("paragraph", RichText("<p>Refunds over 1,000 need a second pair of eyes.</p>"))
    )
    module.change_must_be_read = True
    module.save_revision().publish()
    client.force_login(done.trainee)

    page = client.get(reverse("coaching:step", args=[done.pk, 1])).text
    changed = page[page.index('class="what-changed"') : page.index("Added text is underlined")]

    assert "Refunds over 1,000 need a second pair of eyes." in changed
    assert '<p class="diff__kind">Paragraph</p>' in changed
    assert "Customers remember how we made them feel." not in changed  # unchanged: not shown
