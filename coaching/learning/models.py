"""Assignments of learning paths to new hires, and their progress step by step."""

from datetime import date
from typing import TYPE_CHECKING, Self, TypedDict, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coaching.common.names import display_name
from coaching.common.percent import percent_of
from coaching.common.types import User
from coaching.learning import evidence
from coaching.people.models import CoachRelationship

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class ProgressStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for sign-off")
    RETURNED = "returned", _("Sent back")
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")


class Progress(TypedDict):
    """What `AssignmentQuerySet.with_progress` adds to each assignment."""

    done_count: int
    percent: int


_Assignment = TypeVar("_Assignment", bound="Assignment", covariant=True)


class AssignmentQuerySet(models.QuerySet[_Assignment]):
    def current(self) -> Self:
        """Assignments that count: in progress or completed, not cancelled."""
        return self.exclude(status=AssignmentStatus.CANCELLED)

    def active(self) -> Self:
        return self.filter(status=AssignmentStatus.ACTIVE)

    def overdue(self, today: date | None = None) -> Self:
        return self.active().filter(due_on__lt=today or timezone.localdate())

    def for_trainee(self, user: User) -> Self:
        return self.filter(trainee=user)

    def coached_by(self, coach: User, on: date | None = None) -> Self:
        return self.filter(trainee__in=CoachRelationship.objects.trainees_of(coach, on))

    def with_progress(self) -> "AssignmentQuerySet[WithAnnotations[Assignment, Progress]]":
        """Annotate done steps and percent complete, counted by the database."""
        # The plugin types `annotate` on a generic QuerySet as Any; this says what it adds.
        # Only the steps of the assignment's own version count: progress on a step that a
        # newer version dropped stays as history when the assignment moves (versions.py).
        # Read from the figure stored on each assignment (coaching/learning/stored.py), not
        # counted from the progress rows on every request.
        annotated: AssignmentQuerySet[WithAnnotations[Assignment, Progress]] = self.annotate(
            done_count=F("steps_done"),
        ).annotate(percent=percent_of("done_count", "version__step_count"))
        return annotated


class Assignment(models.Model):
    """A learning path given to a new hire, pinned to the version that was published then."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("new hire"),
    )
    path = models.ForeignKey(
        "lessons.LearningPath",
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("learning path"),
    )
    version = models.ForeignKey(
        "lessons.PathVersion",
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("version"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    # The enrolment rule that made it, if a rule did (coaching/automation).
    rule = models.ForeignKey(
        "coaching.EnrolmentRule",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
        verbose_name=_("enrolment rule"),
    )
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ACTIVE,
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    # Steps of its version done (waived ones too), written with each change of progress
    # (coaching/learning/stored.py); `manage.py check_stored_progress` recounts it.
    steps_done = models.PositiveIntegerField(_("steps done"), default=0, editable=False)
    # Its first step not done (None once every step is), and the reading time of the steps
    # not done: what the portal's home shows, stored with `steps_done`.
    next_step = models.ForeignKey(
        "lessons.PathVersionStep",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("next step"),
    )
    minutes_left = models.PositiveIntegerField(
        _("minutes of reading left"), default=0, editable=False
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_on", "assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "path"],
                condition=~Q(status=AssignmentStatus.CANCELLED),
                name="coaching_one_current_assignment_per_path",
                violation_error_message=_("This path is already assigned to this person."),
            )
        ]
        indexes = [models.Index(fields=["trainee", "status"])]

    def __str__(self) -> str:
        return _("%(path)s for %(trainee)s") % {
            "path": self.version.title,
            "trainee": display_name(self.trainee),
        }

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == AssignmentStatus.ACTIVE
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )

    @property
    def days_to_due(self) -> int | None:
        """Days from today to the due date (negative once it has passed), None without one."""
        return None if self.due_on is None else (self.due_on - timezone.localdate()).days

    @property
    def days_overdue(self) -> int | None:
        days = self.days_to_due
        return None if days is None else -days


class TraineeFigures(models.Model):
    """A new hire's figures over their current paths (not cancelled): what the coach's
    dashboard sorts and filters by and HR's overview counts, read as columns instead of
    being counted from assignments and progress rows on every request. Written from the
    rows by `stored.refresh_trainees` whenever an assignment or a step of it changes;
    `manage.py check_stored_progress` recounts them."""

    trainee = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="learning_figures",
        verbose_name=_("new hire"),
    )
    steps_total = models.PositiveIntegerField(_("steps"), default=0)
    steps_done = models.PositiveIntegerField(_("steps done"), default=0)
    waiting_count = models.PositiveIntegerField(_("tasks waiting for sign-off"), default=0)
    paths_current = models.PositiveIntegerField(_("paths"), default=0)
    paths_active = models.PositiveIntegerField(_("paths in progress"), default=0)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    # The earliest due date of a path in progress: before today, they are overdue.
    next_due = models.DateField(_("next due"), null=True, blank=True, db_index=True)
    finished_at = models.DateTimeField(_("last path completed at"), null=True, blank=True)
    # When any of their assignments or its progress last changed (each refresh writes it):
    # what the API's `updated_since` reads for assignments.
    changed_at = models.DateTimeField(_("changed at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("new hire's learning figures")
        verbose_name_plural = _("new hires' learning figures")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class StepProgressQuerySet(models.QuerySet["StepProgress"]):
    def on_own_version(self) -> Self:
        """Progress on the steps of its assignment's version: not the history left on a
        step that a newer version dropped, when the assignment moved to it."""
        return self.filter(step__version=F("assignment__version"))

    def done(self) -> Self:
        """Steps done that count towards their path (`Assignment.with_progress` counts the
        same, through the assignment)."""
        return self.on_own_version().filter(status=ProgressStatus.DONE)

    def waiting_for_sign_off(self) -> Self:
        """Practical tasks submitted on paths still in progress."""
        return self.on_own_version().filter(
            status=ProgressStatus.SUBMITTED, assignment__status=AssignmentStatus.ACTIVE
        )

    def planned_check_ins(self) -> Self:
        """Check-in steps planned on paths still in progress."""
        return self.on_own_version().filter(
            status=ProgressStatus.PLANNED, assignment__status=AssignmentStatus.ACTIVE
        )


class StepProgress(models.Model):
    """What happened on one step of one assignment. At most one row per step, ever."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="progress", verbose_name=_("assignment")
    )
    step = models.ForeignKey(
        "lessons.PathVersionStep",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("step"),
    )
    status = models.CharField(_("status"), max_length=12, choices=ProgressStatus.choices)
    note = models.TextField(_("note from the new hire"), blank=True)
    coach_comment = models.TextField(_("comment from the coach"), blank=True)
    scheduled_for = models.DateTimeField(_("planned for"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signed off or recorded by"),
    )
    # A waived step is done (status DONE, so every count of done steps holds) without the
    # new hire doing it: their coach or HR excused it, and said why.
    waived_at = models.DateTimeField(_("waived at"), null=True, blank=True)
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("waived by"),
    )
    waived_reason = models.TextField(_("why it was waived"), blank=True)
    # The revision of the module's page that was read, in the reader's language (the page
    # is the revision's object): recorded when the step was done, and again when the reader
    # confirms they read a change (coaching.rereading). None for other steps.
    read_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision read"),
    )
    # Every change of a row is an update(), which auto_now does not see: the code that
    # changes progress (progress.py) writes this too.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = StepProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("step progress")
        verbose_name_plural = _("step progress")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "step"], name="coaching_one_progress_per_step"
            )
        ]
        indexes = [models.Index(fields=["assignment", "status"])]

    def __str__(self) -> str:
        return f"{self.step} · {self.get_status_display()}"

    @property
    def is_waived(self) -> bool:
        return self.waived_at is not None


class CheckAttempt(models.Model):
    """One try at a knowledge check within an assignment, graded and kept with its answers."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="attempts", verbose_name=_("assignment")
    )
    step = models.ForeignKey(
        "lessons.PathVersionStep",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("step"),
    )
    knowledge_check = models.ForeignKey(
        "lessons.KnowledgeCheck",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("knowledge check"),
    )
    # The check's live revision that was answered: its questions then, whatever they are now.
    check_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision of the check"),
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    answers = models.JSONField(_("answers"), default=dict)
    results = models.JSONField(_("graded questions"), default=list)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    created_at = models.DateTimeField(_("taken at"), default=timezone.now)

    class Meta:
        verbose_name = _("knowledge check attempt")
        verbose_name_plural = _("knowledge check attempts")
        ordering = ["assignment", "step", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "step", "number"], name="coaching_attempt_number_unique"
            )
        ]

    def __str__(self) -> str:
        return _("Attempt %(number)s: %(score)s%%") % {"number": self.number, "score": self.score}


class ExtraAttempts(models.Model):
    """Attempts at a step's knowledge check granted beyond the check's own limit, for one
    assignment: the sum of every grant (each grant adds to `count` in the database)."""

    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.CASCADE,
        related_name="extra_attempts",
        verbose_name=_("assignment"),
    )
    step = models.ForeignKey(
        "lessons.PathVersionStep",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("step"),
    )
    count = models.PositiveSmallIntegerField(_("extra attempts"), default=0)

    class Meta:
        verbose_name = _("extra attempts")
        verbose_name_plural = _("extra attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "step"], name="coaching_one_extra_attempts_per_step"
            )
        ]

    def __str__(self) -> str:
        return _("%(count)s extra attempts") % {"count": self.count}


class Evidence(models.Model):
    """A file or photo the new hire attached to a practical task, for their coach to see.
    Kept in `evidence.storage()` under a path with a random part, checked on its content
    when it arrived (`evidence.check`), and served only by `evidence_views.download`."""

    progress = models.ForeignKey(
        StepProgress, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("step")
    )
    file = models.FileField(
        _("file"), upload_to=evidence.upload_to, storage=evidence.storage, max_length=255
    )
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("attached by"),
    )
    uploaded_at = models.DateTimeField(_("attached at"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["progress", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
