"""Asking a buddy and answering: once each, told to the other, following the new hire to a
new buddy, and nobody else's to read."""

from django.urls import reverse

from coaching.buddies import questions
from coaching.buddies.models import BuddyQuestion
from coaching.models import Notification, NotificationKind, Preferences, TraineeProfile
from tests import builders


def notified(person, kind):
    return Notification.objects.filter(recipient=person, kind=kind)


def test_a_question_reaches_the_buddy_and_the_answer_the_new_hire(client, buddied, buddy):
    client.force_login(buddied)
    response = client.post(reverse("coaching:my_buddy"), {"text": "Where is the canteen?"})
    assert response.status_code == 302
    question = BuddyQuestion.objects.get()
    assert (question.asker, question.buddy, question.text) == (
        buddied,
        buddy,
        "Where is the canteen?",
    )
    waiting = notified(buddy, NotificationKind.BUDDY_QUESTION).get()
    assert waiting.params["question"] == "Where is the canteen?"
    assert waiting.read_at is None

    client.force_login(buddy)
    url = reverse("coaching:answer_question", args=[question.pk])
    assert client.post(url, {"text": "Second floor, by the lifts."}).status_code == 302
    question.refresh_from_db()
    assert question.answer == "Second floor, by the lifts."
    assert question.answered_by == buddy
    assert question.answered_at is not None
    waiting.refresh_from_db()
    assert waiting.read_at is not None  # it asked for an answer, and has one
    told = notified(buddied, NotificationKind.BUDDY_ANSWER).get()
    assert told.url == reverse("coaching:my_buddy")


def test_answering_twice_or_from_two_tabs_keeps_the_first_answer(client, buddied, buddy):
    question, _new = questions.ask(buddied, "Who orders the headsets?")
    client.force_login(buddy)
    url = reverse("coaching:answer_question", args=[question.pk])
    client.post(url, {"text": "The IT desk."})
    client.post(url, {"text": "Ask Citra."})
    question.refresh_from_db()
    assert question.answer == "The IT desk."
    assert notified(buddied, NotificationKind.BUDDY_ANSWER).count() == 1
    assert questions.answer(question, buddy=buddy, text="Again") is False


def test_asking_the_same_twice_from_two_tabs_asks_once(client, buddied, buddy):
    client.force_login(buddied)
    for _tab in range(2):
        client.post(reverse("coaching:my_buddy"), {"text": "Is there parking?"})
    assert BuddyQuestion.objects.count() == 1
    assert notified(buddy, NotificationKind.BUDDY_QUESTION).count() == 1


def test_someone_elses_question_is_404(client, buddied, buddy, colleague):
    question, _new = questions.ask(buddied, "Dress code?")
    client.force_login(colleague)
    url = reverse("coaching:answer_question", args=[question.pk])
    assert client.post(url, {"text": "Anything"}).status_code == 404
    assert client.get(reverse("coaching:buddy_trainee", args=[buddied.pk])).status_code == 404
    question.refresh_from_db()
    assert not question.is_answered


def test_an_empty_or_long_answer_is_refused_beside_the_field(client, buddied, buddy):
    question, _new = questions.ask(buddied, "Lunch?")
    client.force_login(buddy)
    url = reverse("coaching:answer_question", args=[question.pk])
    response = client.post(url, {"text": "   "})
    assert response.status_code == 200
    assert "Write a few words first." in response.text
    assert f'id="question-{question.pk}-text_error"' in response.text
    response = client.post(url, {"text": "x" * 5000})
    assert "Keep it under 4000 characters" in response.text
    question.refresh_from_db()
    assert not question.is_answered


def test_a_new_hire_without_a_buddy_is_told_and_nothing_is_saved(client, trainee):
    client.force_login(trainee)
    page = client.get(reverse("coaching:my_buddy"))
    assert "No buddy yet" in page.text
    response = client.post(reverse("coaching:my_buddy"), {"text": "Hello?"}, follow=True)
    assert "You have no buddy yet, so there is nobody to ask." in response.text
    assert not BuddyQuestion.objects.exists()


def test_someone_who_is_not_onboarding_has_no_buddy_page(client, colleague):
    client.force_login(colleague)
    assert client.get(reverse("coaching:my_buddy")).status_code == 404


def test_open_questions_go_to_the_new_buddy_and_answered_ones_stay(buddied, buddy, colleague):
    answered, _new = questions.ask(buddied, "Where is the printer?")
    questions.answer(answered, buddy=buddy, text="Next to the kitchen.")
    still_open, _new = questions.ask(buddied, "Who runs the stand-up?")
    old_notice = notified(buddy, NotificationKind.BUDDY_QUESTION).get(
        key=questions.question_key(still_open, buddy.pk)
    )

    profile = TraineeProfile.objects.get(user=buddied)
    profile.buddy = colleague  # HR names another buddy, in the admin
    profile.save()

    still_open.refresh_from_db()
    answered.refresh_from_db()
    assert still_open.buddy == colleague
    assert (answered.buddy, answered.answered_by) == (buddy, buddy)
    assert notified(colleague, NotificationKind.BUDDY_QUESTION).get().params["question"] == (
        "Who runs the stand-up?"
    )
    old_notice.refresh_from_db()
    assert old_notice.read_at is not None  # not the old buddy's to answer any more
    assert questions.answer(still_open, buddy=buddy, text="Me") is False


def test_a_new_hire_whose_buddy_is_taken_off_keeps_open_questions_for_the_next(
    client, buddied, buddy, colleague
):
    question, _new = questions.ask(buddied, "Badge?")
    profile = TraineeProfile.objects.get(user=buddied)
    profile.buddy = None
    profile.save()
    question.refresh_from_db()
    assert question.buddy is None
    client.force_login(buddied)
    assert "Waiting for your next buddy" in client.get(reverse("coaching:my_buddy")).text

    profile.buddy = colleague
    profile.save()
    question.refresh_from_db()
    assert question.buddy == colleague


def test_saving_a_profile_with_the_same_buddy_asks_nothing_about_questions(buddied):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profile = TraineeProfile.objects.get(user=buddied)
    profile.job_title = "Senior agent"
    with CaptureQueriesContext(connection) as saved:
        profile.save()
    # The profile's UPDATE (and Wagtail's reference index), never the questions.
    assert saved.captured_queries
    assert not [q for q in saved.captured_queries if "coaching_buddyquestion" in q["sql"]]


def test_a_buddy_who_muted_questions_gets_no_email(buddied, buddy, outbox):
    Preferences.objects.create(user=buddy, muted_kinds=[NotificationKind.BUDDY_QUESTION])
    questions.ask(buddied, "Muted?")
    assert notified(buddy, NotificationKind.BUDDY_QUESTION).exists()  # still in the portal
    assert outbox == []


def test_the_email_to_the_buddy_says_who_asks_what(
    buddied, buddy, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        questions.ask(buddied, "Where do I park <b>bikes</b>?")
    (email,) = outbox
    assert email.subject == "Nadia has a question for you"
    assert "Where do I park <b>bikes</b>?" in email.body
    html = email.alternatives[0][0]
    assert "<b>bikes</b>" not in html


def test_the_buddy_can_choose_question_emails_and_others_do_not_see_them(
    client, buddied, buddy, colleague
):
    client.force_login(buddy)
    assert 'value="buddy_question"' in client.get(reverse("coaching:preferences")).text
    client.force_login(colleague)
    assert 'value="buddy_question"' not in client.get(reverse("coaching:preferences")).text
    client.force_login(buddied)
    assert 'value="buddy_answer"' in client.get(reverse("coaching:preferences")).text


def test_question_words_in_bahasa_indonesia(buddied, buddy):
    from django.utils import translation

    from coaching.notifications.messages import message_for

    questions.ask(buddied, "Kantin di mana?")
    notification = notified(buddy, NotificationKind.BUDDY_QUESTION).get()
    with translation.override("id"):
        message = message_for(notification)
    assert message.subject != "Nadia has a question for you"
    assert "Nadia" in message.subject


def test_only_the_asker_and_their_buddy_see_a_question(client, buddied, buddy, other_trainee):
    questions.ask(buddied, "Secret handshake?")
    client.force_login(other_trainee)
    assert "Secret handshake?" not in client.get(reverse("coaching:my_buddy")).text
    other = builders.make_user("teguh")
    TraineeProfile.objects.filter(user=other_trainee).update(buddy=other)
    client.force_login(other)
    assert client.get(reverse("coaching:buddy_trainee", args=[buddied.pk])).status_code == 404
