"""Asking a buddy and answering: each once, however often it is posted, and each told to
the other person through `coaching.notifications`.

A question goes to whoever is the new hire's buddy when it is asked. When HR names another
buddy, the open questions move to the new buddy (who is told of each); answered ones stay
as they were, with the name of the buddy who answered. A new hire whose buddy is taken off
keeps their open questions, waiting for the next buddy.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.buddies.models import BuddyQuestion
from coaching.common.names import display_name
from coaching.common.types import User
from coaching.notifications.inbox import clear
from coaching.notifications.models import Notification, NotificationKind
from coaching.notifications.sending import Notice, notify
from coaching.people.models import TraineeProfile

# The same words posted again within this time (a double click, a second tab, a retry)
# are the same question.
SAME_QUESTION_WITHIN = timedelta(minutes=10)


class BuddyError(Exception):
    """Something about a buddy that cannot be done now, with a message for the person."""


def question_key(question: BuddyQuestion, buddy_id: int) -> str:
    return f"buddy-question:{question.pk}:{buddy_id}"


def _question_notice(question: BuddyQuestion, buddy_id: int, trainee: User) -> Notice:
    url = reverse("coaching:buddy_trainee", args=[question.asker_id])
    return Notice(
        recipient_id=buddy_id,
        kind=NotificationKind.BUDDY_QUESTION,
        key=question_key(question, buddy_id),
        params={"trainee": display_name(trainee), "question": question.text},
        url=f"{url}#question-{question.pk}",
    )


def ask(asker: User, text: str) -> tuple[BuddyQuestion, bool]:
    """The new hire's question to their buddy, and whether it is new: the same words asked
    again a moment later (a second tab) are the question already asked."""
    text = text.strip()
    with transaction.atomic():
        # One asker at a time, so two tabs posting at once find each other's question.
        profile = (
            TraineeProfile.objects.select_for_update(of=("self",))
            .select_related("buddy")
            .filter(user=asker)
            .first()
        )
        if profile is None or profile.buddy is None or not profile.buddy.is_active:
            raise BuddyError(_("You have no buddy yet. HR names one; ask your coach meanwhile."))
        since = timezone.now() - SAME_QUESTION_WITHIN
        same = BuddyQuestion.objects.asked_by(asker).filter(text=text, asked_at__gte=since).first()
        if same is not None:
            return same, False
        question = BuddyQuestion.objects.create(asker=asker, buddy=profile.buddy, text=text)
        notify([_question_notice(question, profile.buddy.pk, asker)])
    return question, True


def answer(question: BuddyQuestion, *, buddy: User, text: str) -> bool:
    """Record the buddy's answer, once: True if this call answered it, False if it had an
    answer already (a second tab, a double click), which stays as it was."""
    now = timezone.now()
    with transaction.atomic():
        answered = (
            BuddyQuestion.objects.open()
            .filter(pk=question.pk, buddy=buddy)
            .update(answer=text.strip(), answered_by=buddy, answered_at=now)
        )
        if not answered:
            return False
        question.refresh_from_db()
        clear(
            Notification.objects.filter(
                kind=NotificationKind.BUDDY_QUESTION,
                key__startswith=f"buddy-question:{question.pk}:",
            )
        )
        notify(
            [
                Notice(
                    recipient_id=question.asker_id,
                    kind=NotificationKind.BUDDY_ANSWER,
                    key=f"buddy-answer:{question.pk}",
                    params={
                        "buddy": display_name(buddy),
                        "question": question.text,
                        "answer": question.answer,
                    },
                    url=reverse("coaching:my_buddy"),
                )
            ]
        )
    return True


def follow_buddy(profiles: QuerySet[TraineeProfile]) -> int:
    """Move the open questions of these new hires to their buddy of now, and tell each new
    buddy of the questions that came to them. Returns how many moved."""
    moved = 0
    for profile in profiles.only("user_id", "buddy_id"):
        asker_id, buddy_id = profile.user_id, profile.buddy_id
        with transaction.atomic():
            others = BuddyQuestion.objects.open().filter(asker_id=asker_id)
            others = (
                others.filter(Q(buddy__isnull=True) | ~Q(buddy_id=buddy_id))
                if buddy_id is not None
                else others.filter(buddy__isnull=False)
            )
            questions = list(others.select_related("asker"))
            if not questions:
                continue
            BuddyQuestion.objects.filter(pk__in=[q.pk for q in questions]).update(buddy_id=buddy_id)
            # The old buddy's "waits for your answer" is not theirs to answer any more.
            clear(
                Notification.objects.filter(
                    kind=NotificationKind.BUDDY_QUESTION,
                    key__in=[question_key(q, q.buddy_id) for q in questions if q.buddy_id],
                )
            )
            if buddy_id is not None:
                notify(_question_notice(q, buddy_id, q.asker) for q in questions)
            moved += len(questions)
    return moved


def remember_buddy(
    sender: type[TraineeProfile], instance: TraineeProfile, **kwargs: object
) -> None:
    """post_init: the buddy a profile was loaded with, so saving it knows if it changed
    without asking the database."""
    instance._loaded_buddy_id = instance.buddy_id  # type: ignore[attr-defined]


def buddy_saved(
    sender: type[TraineeProfile], instance: TraineeProfile, created: bool, **kwargs: object
) -> None:
    """post_save: a profile saved with another buddy sends its open questions along. A new
    profile has no questions yet, and an unchanged buddy costs no query."""
    loaded = getattr(instance, "_loaded_buddy_id", None)
    instance._loaded_buddy_id = instance.buddy_id  # type: ignore[attr-defined]
    if created or loaded == instance.buddy_id:
        return
    follow_buddy(TraineeProfile.objects.filter(pk=instance.pk))
