"""No content change ever resets or deletes a progress row: whatever editors, coaches and
HR do to content people have read (a minor change, a change people must read, in the
original or a translation, a changed check, a unit asked, a coach's ask, reading again,
passing again), every step keeps its status and completion date, and every path its."""

import pytest
from django.utils import translation

from coaching.account.languages import remember_language
from coaching.learning.progress import ask_to_read_again, complete_module, take_check
from coaching.models import Assignment, ReadAgain, StepProgress
from coaching.rereading.changes import ask_unit, confirm_read
from lessons.models import KnowledgeCheck
from tests import builders

from .test_pass_again import right_answers

pytestmark = pytest.mark.django_db


def progress_as_it_stands():
    steps = StepProgress.objects.order_by("pk").values_list("pk", "status", "completed_at")
    paths = Assignment.objects.order_by("pk").values_list("pk", "status", "completed_at")
    return list(steps), list(paths)


def publish(content, **fields):
    content = type(content).objects.get(pk=content.pk)
    for name, value in fields.items():
        setattr(content, name, value)
    content.save_revision().publish()
    return type(content).objects.get(pk=content.pk)


def test_no_content_change_resets_or_deletes_a_progress_row(portal, indonesian):
    check = builders.make_check(max_attempts=3)
    module = builders.make_module(portal, title="Refunds")
    with_check = builders.make_module(portal, title="Outages", knowledge_check=check)
    builders.translated_copy(portal, indonesian, title="Orientasi", slug="orientasi")
    translated = builders.translated_copy(module, indonesian, title="Pengembalian dana")
    learning_path = builders.make_path(steps=[module, with_check])
    unit = builders.make_unit("Customer Service")
    coach = builders.make_user("citra")
    done, halfway, in_indonesian = (
        builders.assign(learning_path, builders.make_trainee(name, unit=unit, coach=coach))
        for name in ("nadia", "omar", "dewi")
    )
    remember_language(in_indonesian.trainee, "id")
    for assignment in (done, in_indonesian):
        first, second = builders.steps_of(assignment)
        with translation.override("id" if assignment is in_indonesian else "en"):
            complete_module(assignment, first)
        take_check(assignment, second, right_answers(check))
    complete_module(halfway, builders.steps_of(halfway)[0])
    before = progress_as_it_stands()
    first, second = builders.steps_of(done)

    changes = [
        lambda: publish(module, summary="A typo fixed."),
        lambda: ask_to_read_again(halfway, first, coach=coach, message="Again."),
        lambda: publish(module, summary="Thirty days.", change_must_be_read=True),
        lambda: publish(translated, summary="Tiga puluh hari.", change_must_be_read=True),
        lambda: publish(with_check, summary="Call the NOC.", change_must_be_read=True),
        lambda: publish(check, intro="New rules.", change_must_be_passed=True),
        lambda: ask_unit(module, unit, by=coach, message="Please."),
        lambda: ask_unit(with_check, None, by=coach, message=""),
        lambda: confirm_read(StepProgress.objects.get(assignment=done, step=first), first),
        lambda: take_check(done, second, right_answers(KnowledgeCheck.objects.get(pk=check.pk))),
    ]
    for change in changes:
        change()
        assert progress_as_it_stands() == before, change

    assert ReadAgain.objects.count() >= 6  # the changes did ask people
