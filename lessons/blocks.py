"""StreamField blocks: the bodies of learnable pages, and knowledge-check questions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.struct_block import BlockGroup, StructBlockAdapter, StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class LabelledChoiceBlock(blocks.ChoiceBlock):
    """A choice that shows its label, in the reader's language, where Wagtail renders it
    plainly: in the comparison of revisions readers see after a change ("Information",
    not "info")."""

    def render_basic(self, value, context=None):
        return force_str(dict(self.field.choices).get(value, value))


class CalloutBlock(blocks.StructBlock):
    tone = LabelledChoiceBlock(
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
        label=_("Tone"),
    )
    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "lessons/blocks/callout.html"


class ItemListBlock(blocks.StructBlock):
    """A titled list of short lines: key takeaways, a checklist."""

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1, label=_("Items"))


class KeyTakeawaysBlock(ItemListBlock):
    class Meta:
        icon = "tick-inverse"
        label = _("Key takeaways")
        template = "lessons/blocks/key_takeaways.html"


class ChecklistBlock(ItemListBlock):
    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        template = "lessons/blocks/checklist.html"


class ScenarioBlock(blocks.StructBlock):
    """A customer-service scenario: what happened, a good response, and why it works."""

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    situation = blocks.TextBlock(label=_("Situation"))
    response = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("A good response"))
    why_it_works = blocks.TextBlock(required=False, label=_("Why it works"))

    class Meta:
        icon = "group"
        label = _("Scenario")
        template = "lessons/blocks/scenario.html"


class ProcessStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Step"))
    description = blocks.TextBlock(required=False, label=_("Description"))


class ProcessBlock(blocks.StructBlock):
    """A key process of a unit, as numbered steps."""

    title = blocks.CharBlock(max_length=120, label=_("Process"))
    steps = blocks.ListBlock(ProcessStepBlock(), min_num=1, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Process")
        template = "lessons/blocks/process.html"


class BodyBlock(blocks.StreamBlock):
    """What a learnable page's body may hold."""

    heading = blocks.CharBlock(
        max_length=120, label=_("Heading"), template="lessons/blocks/heading.html", icon="title"
    )
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    image = ImageBlock(label=_("Image"), template="lessons/blocks/image.html")
    video = EmbedBlock(
        label=_("Embedded video"),
        help_text=_("A link to a video on YouTube, Vimeo or another oEmbed provider."),
        template="lessons/blocks/video.html",
        icon="media",
    )
    callout = CalloutBlock()
    key_takeaways = KeyTakeawaysBlock()
    checklist = ChecklistBlock()
    scenario = ScenarioBlock()
    process = ProcessBlock()


# Knowledge-check questions. Each question is a block of the check's `questions` stream;
# the block's id is the question's stable identity, so stored answers keep their meaning
# when the check is reordered or edited later.


# The editor stays compact: questions start collapsed, each headed by its own text, and
# the explanations sit in each block's settings area (Wagtail's form_layout), opened when
# wanted, so an answer is one line and a box to tick.


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    explanation = blocks.TextBlock(
        required=False,
        label=_("Explanation"),
        help_text=_("Shown after submitting: why this answer is right or wrong."),
    )

    class Meta:
        label = _("Answer")
        label_format = "{text}"
        form_classname = "struct-block lessons-answer"
        form_layout = BlockGroup(children=["text", "correct"], settings=["explanation"])


class ChoiceBlockAdapter(StructBlockAdapter):
    """An answer's editor: Wagtail's own, with the stylesheet that lays it out compactly,
    loaded by the forms that edit answers rather than on every admin page."""

    @cached_property
    def media(self):
        return super().media + forms.Media(css={"all": ["lessons/admin/editor.css"]})


register(ChoiceBlockAdapter(), ChoiceBlock)


class ChoiceQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, max_num=8, label=_("Answers"))
    explanation = blocks.TextBlock(
        required=False, label=_("Explanation"), help_text=_("Shown after submitting.")
    )

    # Single-choice questions need exactly one correct answer; multiple-choice at least one.
    exactly_one_correct = False

    class Meta:
        label_format = "{question}"
        form_layout = BlockGroup(children=["question", "choices"], settings=["explanation"])

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if self.exactly_one_correct and correct != 1:
            message = _("Mark exactly one answer as correct.")
        elif correct < 1:
            message = _("Mark at least one answer as correct.")
        else:
            return value
        raise StructBlockValidationError(block_errors={"choices": ValidationError(message)})


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    exactly_one_correct = True

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class TrueFalseQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Statement"))
    correct_answer = blocks.BooleanBlock(
        required=False, label=_("The statement is true"), default=True
    )
    explanation = blocks.TextBlock(
        required=False, label=_("Explanation"), help_text=_("Shown after submitting.")
    )

    class Meta:
        icon = "circle-check"
        label = _("True or false")
        label_format = "{question}"
        form_layout = BlockGroup(children=["question", "correct_answer"], settings=["explanation"])


class QuestionBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        collapsed = True
