"""Knowledge checks: questions with a pass mark, an attempt limit and explanations."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from lessons.blocks import QuestionBlock

from .snippets import EditorialSnippetMixin

TRUE, FALSE = "true", "false"


@dataclass(frozen=True)
class ChoiceResult:
    key: str
    text: str
    correct: bool
    chosen: bool
    explanation: str


@dataclass(frozen=True)
class QuestionResult:
    id: str
    kind: str
    question: str
    correct: bool
    explanation: str
    choices: list[ChoiceResult] = field(default_factory=list)


@dataclass(frozen=True)
class CheckResult:
    score: int  # percent, 0 to 100
    passed: bool
    questions: list[QuestionResult]

    @property
    def correct_count(self):
        return sum(1 for question in self.questions if question.correct)


def _question_choices(block):
    """(key, text, correct, explanation) for each answer a question offers."""
    value = block.value
    if block.block_type == "true_false":
        return [
            (TRUE, _("True"), value["correct_answer"], ""),
            (FALSE, _("False"), not value["correct_answer"], ""),
        ]
    return [
        (str(index), choice["text"], choice["correct"], choice["explanation"])
        for index, choice in enumerate(value["choices"])
    ]


class KnowledgeCheck(  # noqa: DJ008 (__str__ comes from EditorialSnippetMixin)
    EditorialSnippetMixin,
    DraftStateMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A short quiz. Attached to a module page, or a step of a learning path on its own."""

    intro = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The share of questions to answer correctly to pass."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempt limit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty to allow any number of attempts."),
    )
    questions = StreamField(QuestionBlock(), verbose_name=_("questions"))

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("pass_mark"), FieldPanel("max_attempts")], heading=_("Passing")
        ),
        FieldPanel("questions"),
    ]
    preview_template = "lessons/knowledge_check_preview.html"

    class Meta(EditorialSnippetMixin.Meta):
        verbose_name = _("knowledge check")
        verbose_name_plural = _("knowledge checks")

    @property
    def subject(self) -> str:
        """The title without a leading "Knowledge check:" (in English or the active
        language): what the check is about, for every place that already says it is a
        knowledge check ("Knowledge check: %(subject)s", a milestone, a step's title)."""
        return _without_kind(self.title)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["answer_key"] = self.grade({})
        return context

    def grade(self, answers: Mapping[str, Iterable[str]]) -> CheckResult:
        """Score submitted answers: a mapping of question id to the chosen answer keys.

        A question counts as correct only when exactly the correct answers were chosen.
        """
        results = []
        for block in self.questions:
            chosen = set(answers.get(block.id, ()))
            choices = [
                ChoiceResult(key, text, correct, key in chosen, explanation)
                for key, text, correct, explanation in _question_choices(block)
            ]
            results.append(
                QuestionResult(
                    id=block.id,
                    kind=block.block_type,
                    question=block.value["question"],
                    correct=all(choice.correct == choice.chosen for choice in choices),
                    explanation=block.value["explanation"],
                    choices=choices,
                )
            )
        score = round(100 * sum(r.correct for r in results) / len(results)) if results else 0
        return CheckResult(score=score, passed=score >= self.pass_mark, questions=results)

    def question_choices(self):
        """Each question with the answers to offer, for rendering the check as a form."""
        return [
            {
                "id": block.id,
                "kind": block.block_type,
                "question": block.value["question"],
                "choices": [(key, text) for key, text, _c, _e in _question_choices(block)],
            }
            for block in self.questions
        ]


def _without_kind(title: str) -> str:
    # The English words (the msgid) and the active language's: a title may be in either.
    names = {"Knowledge check", gettext("Knowledge check")}
    kind = "|".join(re.escape(name) for name in names)
    subject = re.sub(rf"^\s*(?:{kind})\s*[:\-\u2013\u2014]\s*", "", title, flags=re.IGNORECASE)
    return subject[:1].upper() + subject[1:] if subject else title
