"""Knowledge checks grade answers, explain them, and refuse malformed questions."""

import pytest
from wagtail.blocks import StreamBlockValidationError

from lessons.blocks import QuestionBlock
from tests import builders

pytestmark = pytest.mark.django_db


def question_ids(check):
    return [block.id for block in check.questions]


def test_all_correct_answers_pass_with_full_score():
    check = builders.make_check(pass_mark=100)
    single, true_false = question_ids(check)

    result = check.grade({single: ["0"], true_false: ["false"]})

    assert (result.score, result.passed, result.correct_count) == (100, True, 2)


def test_score_below_the_pass_mark_fails():
    check = builders.make_check(pass_mark=60)
    single, true_false = question_ids(check)

    result = check.grade({single: ["0"], true_false: ["true"]})

    assert (result.score, result.passed) == (50, False)


def test_unanswered_questions_count_as_wrong():
    check = builders.make_check()

    result = check.grade({})

    assert (result.score, result.passed) == (0, False)


def test_results_carry_explanations_and_what_was_chosen():
    check = builders.make_check()
    single, _ = question_ids(check)

    question = check.grade({single: ["1"]}).questions[0]

    assert question.correct is False
    assert question.explanation == "Listening comes first."
    assert [(c.text, c.chosen, c.correct, c.explanation) for c in question.choices] == [
        ("Listen", False, True, "Yes."),
        ("Interrupt", True, False, "No."),
    ]


def test_multiple_choice_needs_exactly_the_correct_set():
    check = builders.make_check()
    check.questions = [
        (
            "multiple_choice",
            {
                "question": "Which help a customer?",
                "choices": [
                    {"text": "Empathy", "correct": True, "explanation": ""},
                    {"text": "Clear next steps", "correct": True, "explanation": ""},
                    {"text": "Jargon", "correct": False, "explanation": ""},
                ],
                "explanation": "",
            },
        )
    ]
    check.save()
    (question,) = question_ids(check)

    assert check.grade({question: ["0", "1"]}).passed
    assert not check.grade({question: ["0"]}).passed
    assert not check.grade({question: ["0", "1", "2"]}).passed


def test_answer_keys_offered_for_a_form():
    check = builders.make_check()

    offered = check.question_choices()

    assert [q["kind"] for q in offered] == ["single_choice", "true_false"]
    assert offered[0]["choices"] == [("0", "Listen"), ("1", "Interrupt")]
    assert [key for key, _label in offered[1]["choices"]] == ["true", "false"]


@pytest.mark.parametrize(
    ("kind", "flags", "message"),
    [
        ("single_choice", [True, True], "Mark exactly one answer as correct."),
        ("single_choice", [False, False], "Mark exactly one answer as correct."),
        ("multiple_choice", [False, False], "Mark at least one answer as correct."),
    ],
)
def test_questions_without_the_right_number_of_correct_answers_are_refused(kind, flags, message):
    stream = QuestionBlock()
    value = stream.to_python(
        [
            {
                "type": kind,
                "value": {
                    "question": "Q?",
                    "choices": [{"text": f"A{i}", "correct": f} for i, f in enumerate(flags)],
                    "explanation": "",
                },
            }
        ]
    )

    with pytest.raises(StreamBlockValidationError) as caught:
        stream.clean(value)

    assert message in str(caught.value.as_json_data())
