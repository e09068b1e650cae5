"""The development record: one timeline per new hire of everything that helps them grow.

Every entry is an `Entry` (django-polymorphic), so one query per kind fills a timeline.
Entries are private to the new hire, their coaches and HR unless they are public
recognition; `coaching.record.roles.entry_or_404` is the one place that rule lives.
"""

from typing import ClassVar, Self, TypedDict, TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from polymorphic.managers import PolymorphicManager
from polymorphic.models import PolymorphicModel
from polymorphic.query import PolymorphicQuerySet

from coaching.common.types import User
from lessons.i18n import in_reader_language
from lessons.models.organisation import original_values

_Entry = TypeVar("_Entry", bound="Entry", covariant=True)


class EntryQuerySet(PolymorphicQuerySet[_Entry, "Entry"]):
    def for_trainee(self, user: User) -> Self:
        return self.filter(trainee=user)


class Entry(PolymorphicModel):
    """One entry on a new hire's development record."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="record_entries",
        verbose_name=_("whose record"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authored_entries",
        verbose_name=_("written by"),
        help_text=_("Empty for milestones, which the system writes."),
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Public entries are seen by every signed-in person; others stay private."),
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("last edited"), auto_now=True)

    objects: ClassVar = PolymorphicManager.from_queryset(EntryQuerySet)()

    # Which fields a person may edit after writing, and which carry free text.
    editable_fields: tuple[str, ...] = ()
    kind_label = _("entry")

    class Meta:
        verbose_name = _("record entry")
        verbose_name_plural = _("record entries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["trainee", "-created_at"])]

    def __str__(self):
        return str(self.kind_label)

    @property
    def kind(self):
        return self._meta.model_name


class FeedbackKind(models.TextChoices):
    APPRECIATION = "appreciation", _("Appreciation")
    COACHING = "coaching", _("Coaching")
    EVALUATION = "evaluation", _("Evaluation")


class Feedback(Entry):
    """Specific feedback from a coach: the situation, the behaviour, its impact, a way on."""

    # A default, the kind most feedback is: the form offers the three kinds, one chosen,
    # never an empty "---------" choice that is then refused as missing.
    feedback_kind = models.CharField(
        _("kind of feedback"),
        max_length=16,
        choices=FeedbackKind.choices,
        default=FeedbackKind.COACHING,
    )
    situation = models.TextField(
        _("situation"), help_text=_("When and where: the moment you are talking about.")
    )
    behaviour = models.TextField(
        _("behaviour"), help_text=_("What you saw or heard, as a camera would have recorded it.")
    )
    impact = models.TextField(
        _("impact"), help_text=_("What it led to, for customers, colleagues or you.")
    )
    suggestion = models.TextField(
        _("suggestion"),
        blank=True,
        help_text=_("What to keep doing, or one thing to try next time."),
    )

    editable_fields = ("feedback_kind", "situation", "behaviour", "impact", "suggestion")
    kind_label = _("Feedback")

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")


class Recognition(Entry):
    """Thanks from anyone to anyone, naming the company value it lived."""

    value = models.ForeignKey(
        "lessons.CompanyValue",
        limit_choices_to=original_values,
        on_delete=models.PROTECT,
        related_name="recognitions",
        verbose_name=_("company value"),
    )
    message = models.TextField(
        _("message"), help_text=_("What they did and why it mattered. Be specific.")
    )

    editable_fields = ("value", "message", "is_public")
    kind_label = _("Recognition")
    # For the person reading it, set by the page: whether they cheered it or may
    # (`writing.cheer_state`); None when they may not.
    cheer_state: str | None = None

    class Meta:
        verbose_name = _("recognition")
        verbose_name_plural = _("recognition")


class Cheer(models.Model):
    """A colleague joining in an existing recognition."""

    recognition = models.ForeignKey(Recognition, on_delete=models.CASCADE, related_name="cheers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cheers"
    )
    message = models.CharField(_("message"), max_length=280, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("cheer")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["recognition", "author"], name="one_cheer_each")
        ]

    def __str__(self):
        return f"{self.author} → {self.recognition_id}"


class Reflection(Entry):
    """The new hire's own thoughts on how it is going."""

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("reflection"))

    editable_fields = ("title", "text")
    kind_label = _("Self-reflection")

    class Meta:
        verbose_name = _("self-reflection")
        verbose_name_plural = _("self-reflections")


class MilestoneKind(models.TextChoices):
    PATH_COMPLETED = "path_completed", _("Path completed")
    CHECK_PASSED = "check_passed", _("Knowledge check passed")
    GOAL_ACHIEVED = "goal_achieved", _("Goal achieved")


# What a milestone says, by kind, around what it is about (%(subject)s).
MILESTONE_HEADINGS = {
    MilestoneKind.PATH_COMPLETED: _("Path completed: %(subject)s"),
    MilestoneKind.CHECK_PASSED: _("Knowledge check passed: %(subject)s"),
    MilestoneKind.GOAL_ACHIEVED: _("Goal achieved: %(subject)s"),
}


class Milestone(Entry):
    """Written by the system when something is achieved; nobody edits it."""

    milestone_kind = models.CharField(_("milestone"), max_length=20, choices=MilestoneKind.choices)
    # As written, in the language of the request that wrote it; shown as it is only by
    # milestones written before `about` was kept.
    title = models.CharField(_("title"), max_length=255)
    # What it is about, to say it in each reader's language: {"subject": as published,
    # "translations": {language code: {"subject": ...}}} (a path's or check's published
    # translations; a goal's title is the person's own words, in none).
    about = models.JSONField(_("about"), default=dict, blank=True)
    # The event, so that it is written once: "7:path_completed:assignment:12" (person 7).
    key = models.CharField(max_length=120, unique=True)

    kind_label = _("Milestone")

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    @property
    def heading(self) -> str:
        """What the milestone says, in the reader's language."""
        if not self.about:
            return self.title
        return milestone_heading(
            self.milestone_kind,
            in_reader_language(
                self.about.get("translations", {}), "subject", self.about["subject"]
            ),
        )


def milestone_heading(kind: str, subject: str) -> str:
    return MILESTONE_HEADINGS[MilestoneKind(kind)] % {"subject": subject}


class OwnedAction(models.Model):
    """Something a person owns doing after a 1:1 or a review, open until marked done."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    text: str  # each kind of action says in its own words what the action is

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text


class Reply(models.Model):
    """A reply on an entry: the new hire answering feedback, a coach answering back."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("reply"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class EntryRevision(models.Model):
    """What an entry said before an edit: edits keep a history."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions")
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)
    previous = models.JSONField(_("previous values"))

    class Meta:
        verbose_name = _("entry revision")
        ordering = ["-edited_at", "-pk"]

    def __str__(self):
        return f"{self.entry_id} · {self.edited_at:%Y-%m-%d %H:%M}"


class ErasureScope(models.TextChoices):
    RECORD = "record", _("The development record")
    PERSON = "person", _("The person")


class ErasedId(TypedDict):
    person_id_erased: int


class RecordErasureQuerySet(models.QuerySet["RecordErasure"]):
    def people(self) -> "models.QuerySet[RecordErasure, ErasedId]":
        """The ids of the people erased (not just their record), as a subquery."""
        return self.filter(scope=ErasureScope.PERSON).values("person_id_erased")


class RecordErasure(models.Model):
    """HR (or the retention sweep) erased a person's record, or the person, on request: who,
    when, what and how much, never what it said. The person is named by their account's
    number only: the account itself is anonymised when the person is erased."""

    person_id_erased = models.PositiveIntegerField(_("person's id"), db_index=True)
    scope = models.CharField(
        _("erased"), max_length=10, choices=ErasureScope.choices, default=ErasureScope.RECORD
    )
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    erased_at = models.DateTimeField(default=timezone.now)
    entries_erased = models.PositiveIntegerField(default=0)
    reason = models.CharField(_("reason"), max_length=255, blank=True)

    objects = RecordErasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("record erasure")
        verbose_name_plural = _("record erasures")
        ordering = ["-erased_at"]

    def __str__(self):
        return _("Person #%(id)s") % {"id": self.person_id_erased}


class Deactivation(models.Model):
    """When the retention sweep first found a person's account deactivated: their data is
    kept `COACHING_ERASE_DEACTIVATED_AFTER_DAYS` from then. Gone again if they come back."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    noticed_at = models.DateTimeField(_("found deactivated on"), default=timezone.now)

    class Meta:
        verbose_name = _("deactivated account")
        verbose_name_plural = _("deactivated accounts")

    def __str__(self):
        return _("Person #%(id)s") % {"id": self.person_id}
