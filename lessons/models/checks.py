"""Knowledge checks: questions with a pass mark, an attempt limit and explanations."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from lessons.blocks import QuestionBlock
from lessons.edit_forms import ChangeQuestionForm
from lessons.i18n import active_content_language, translated_names

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


@dataclass(frozen=True)
class Wording:
    """What a question says in one language: its text, its explanation, and each answer's
    text and explanation in order (none for true or false)."""

    question: str
    explanation: str
    choices: list[tuple[str, str]]


def _wording(block) -> Wording:
    value = block.value
    choices = [] if block.block_type == "true_false" else value["choices"]
    return Wording(
        value["question"],
        value["explanation"],
        [(choice["text"], choice["explanation"]) for choice in choices],
    )


def _question_choices(block, wording: Wording):
    """(key, text, correct, explanation) for each answer a question offers: what is right
    from `block`, the words from `wording`."""
    value = block.value
    if block.block_type == "true_false":
        return [
            (TRUE, _("True"), value["correct_answer"], ""),
            (FALSE, _("False"), not value["correct_answer"], ""),
        ]
    return [
        (str(index), text, choice["correct"], explanation)
        for index, (choice, (text, explanation)) in enumerate(
            zip(value["choices"], wording.choices, strict=True)
        )
    ]


class KnowledgeCheck(  # noqa: DJ008 (__str__ comes from EditorialSnippetMixin)
    TranslatableMixin,
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
    # The question publishing asks (`ChangeQuestionForm` unticks it at every edit): the app
    # that keeps who passed what asks those who passed an earlier revision to pass this one.
    # Their earlier attempts stay graded as they were, and their step stays done.
    change_must_be_passed = models.BooleanField(
        _("people who passed it must pass this version"),
        default=False,
        help_text=_(
            "Tick this when the questions changed in a way that matters: everyone who passed "
            "an earlier version is asked to pass this one. Their earlier attempts keep their "
            "grades, and their step stays done."
        ),
    )

    base_form_class = ChangeQuestionForm
    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("pass_mark"), FieldPanel("max_attempts")], heading=_("Passing")
        ),
        FieldPanel("questions"),
        MultiFieldPanel([FieldPanel("change_must_be_passed")], heading=_("Publishing this change")),
    ]
    preview_template = "lessons/knowledge_check_preview.html"

    class Meta(TranslatableMixin.Meta, EditorialSnippetMixin.Meta):
        verbose_name = _("knowledge check")
        verbose_name_plural = _("knowledge checks")

    @property
    def subject(self) -> str:
        """The title without a leading "Knowledge check:" (in English or the active
        language): what the check is about, for every place that already says it is a
        knowledge check ("Knowledge check: %(subject)s", a milestone, a step's title)."""
        return _without_kind(self.title)

    def subjects_in_translation(self) -> dict[str, str]:
        """The subject in each language the check has a published translation in:
        {language code: subject} (one query)."""
        return {
            code: _without_kind(title) for code, title in translated_names(self, "title").items()
        }

    def for_reader(self) -> "KnowledgeCheck":
        """The check as the reader sees it: its published translation in the reader's
        language, or the check itself (one query). Grade with the check itself, passing
        this as the `wording`."""
        language = active_content_language()
        if not language:
            return self
        found = (
            KnowledgeCheck.objects.filter(
                translation_key=self.translation_key, locale__language_code=language, live=True
            )
            .exclude(pk=self.pk)
            .first()
        )
        return found or self

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["answer_key"] = self.grade({})
        return context

    def grade(
        self, answers: Mapping[str, Iterable[str]], wording: "KnowledgeCheck | None" = None
    ) -> CheckResult:
        """Score submitted answers: a mapping of question id to the chosen answer keys.

        A question counts as correct only when exactly the correct answers were chosen.
        What is right always comes from this check (the source one steps point at); the
        words come from `wording`, its translation the reader sees, question by question
        (wagtail-localize keeps the block ids), so a check is graded the same in every
        language.
        """
        results = []
        for block, words in self._worded(wording):
            chosen = set(answers.get(block.id, ()))
            choices = [
                ChoiceResult(key, text, correct, key in chosen, explanation)
                for key, text, correct, explanation in _question_choices(block, words)
            ]
            results.append(
                QuestionResult(
                    id=block.id,
                    kind=block.block_type,
                    question=words.question,
                    correct=all(choice.correct == choice.chosen for choice in choices),
                    explanation=words.explanation,
                    choices=choices,
                )
            )
        score = round(100 * sum(r.correct for r in results) / len(results)) if results else 0
        return CheckResult(score=score, passed=score >= self.pass_mark, questions=results)

    def question_choices(self, wording: "KnowledgeCheck | None" = None):
        """Each question with the answers to offer, for rendering the check as a form, in
        the words of `wording` (a translation of this check) where it has the question."""
        return [
            {
                "id": block.id,
                "kind": block.block_type,
                "question": words.question,
                "choices": [(key, text) for key, text, _c, _e in _question_choices(block, words)],
            }
            for block, words in self._worded(wording)
        ]

    def reworded(self, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Stored grading results (what `grade` returned, as JSON) in this check's words:
        questions matched by id, answers by position; a question this check does not
        have as stored (removed, or answers added since) keeps its stored words."""
        words = {block.id: (block, _wording(block)) for block in self.questions}
        shown = []
        for result in results:
            block, wording = words.get(result.get("id", ""), (None, None))
            choices = result.get("choices", [])
            if block is None or wording is None:
                shown.append(result)
                continue
            if block.block_type == "true_false":
                texts = [(str(_("True")), ""), (str(_("False")), "")]
            else:
                texts = wording.choices
            if len(texts) != len(choices):
                shown.append(result)
                continue
            shown.append(
                {
                    **result,
                    "question": wording.question,
                    "explanation": wording.explanation,
                    "choices": [
                        {**choice, "text": text, "explanation": explanation}
                        for choice, (text, explanation) in zip(choices, texts, strict=True)
                    ],
                }
            )
        return shown

    def _worded(self, wording: "KnowledgeCheck | None"):
        """Each question block with its words: from `wording` when it has the block with
        the same kind and number of answers, this check's own otherwise."""
        translated = {}
        if wording is not None and wording.pk != self.pk:
            translated = {block.id: block for block in wording.questions}
        for block in self.questions:
            other = translated.get(block.id)
            own = _wording(block)
            if other is not None and other.block_type == block.block_type:
                words = _wording(other)
                if len(words.choices) == len(own.choices):
                    own = words
            yield block, own


def _without_kind(title: str) -> str:
    # The English words (the msgid) and the active language's: a title may be in either.
    names = {"Knowledge check", gettext("Knowledge check")}
    kind = "|".join(re.escape(name) for name in names)
    subject = re.sub(rf"^\s*(?:{kind})\s*[:\-\u2013\u2014]\s*", "", title, flags=re.IGNORECASE)
    return subject[:1].upper() + subject[1:] if subject else title
