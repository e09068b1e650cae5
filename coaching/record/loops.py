"""Learning reviews that close their loop: the module a review proposed, once published, is
assigned to the people the reviewer chose (a unit, a job title, or everyone) as a one-step
path, through the bulk assignment; the review's follow-up action closes itself when the
share who completed it reaches the target. Still blameless: the path and the module name
nobody, and the path is assigned by nobody in particular.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coaching.account.languages import recipient_language
from coaching.common.publishing import publish_goes_on
from coaching.learning.assigning import assign_path
from coaching.learning.models import Assignment, AssignmentStatus
from coaching.people.models import TraineeProfile
from coaching.record.models import LearningReview, ReviewAction
from lessons.models import LearningPath, LearningPathStep, ModulePage, StepKind


@dataclass(frozen=True)
class Loop:
    """Where a review's lesson stands: proposed, drafted, published, assigned, completed."""

    review: LearningReview
    assigned: int = 0
    completed: int = 0

    @property
    def percent(self) -> int:
        return round(self.completed * 100 / self.assigned) if self.assigned else 0

    @property
    def target_met(self) -> bool:
        # Not the rounded percent: 179 of 200 is 89.5 %, short of 90 %.
        return (
            self.assigned > 0 and self.completed * 100 >= self.review.target_percent * self.assigned
        )

    @property
    def published(self) -> bool:
        module = self.review.module
        return module is not None and module.live


def loop_of(review: LearningReview) -> Loop:
    """The review's loop with its figures (one query once its path is assigned)."""
    if review.learning_path_id is None:
        return Loop(review)
    figures = (
        Assignment.objects.current()
        .filter(path_id=review.learning_path_id)
        .aggregate(
            assigned=Count("pk"),
            completed=Count("pk", filter=Q(status=AssignmentStatus.COMPLETED)),
        )
    )
    return Loop(review, figures["assigned"], figures["completed"])


def learners(review: LearningReview):
    """The new hires the reviewer chose: of a unit, with a job title, or everyone."""
    who = Q(user__is_active=True)
    if review.learners_unit_id is not None:
        who &= Q(business_unit_id=review.learners_unit_id)
    if review.learners_job_title.strip():
        who &= Q(job_title__iexact=review.learners_job_title.strip())
    return TraineeProfile.objects.filter(who)


def _free_path_slug(title: str) -> str:
    base = slugify(title)[:40] or "learning-review"
    taken = set(LearningPath.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _one_step_path(module: ModulePage) -> LearningPath:
    learning_path = LearningPath(
        title=module.title,
        slug=_free_path_slug(module.title),
        description=module.summary,
        live=False,
    )
    # modelcluster's child relation takes a list; the stubs see a related manager.
    learning_path.steps = [LearningPathStep(kind=StepKind.MODULE, page=module)]  # type: ignore[misc]
    learning_path.save()
    learning_path.save_revision(log_action=False).publish(log_action=False)
    learning_path.refresh_from_db()
    return learning_path


def module_published(sender, instance, **kwargs) -> None:
    """Connected to Wagtail's `page_published` (CoachingConfig.ready)."""
    if isinstance(instance, ModulePage) and instance.live:
        with publish_goes_on("assigning the learning reviews' module", instance):
            close_the_loop(instance)


def _target_text(review: LearningReview, module: ModulePage) -> str:
    """The follow-up action's words, in the language of its owner (the review's author),
    whoever publishes the module."""
    language = recipient_language(review.author) if review.author else settings.LANGUAGE_CODE
    with translation.override(language):
        return _(
            "%(percent)s%% of the people chosen complete “%(module)s” within %(days)s days"
        ) % {
            "percent": review.target_percent,
            "module": module.title,
            "days": review.target_days,
        }


def close_the_loop(module: ModulePage) -> int:
    """A module made from learning reviews went live: for each review not assigned yet, a
    one-step path to the people it chose, due within its target days, and the follow-up
    action that closes at its target. Returns how many people were given it."""
    given = 0
    with transaction.atomic():
        reviews = list(
            LearningReview.objects.select_for_update()
            .filter(module=module, learning_path__isnull=True)
            .order_by("pk")
        )
        for review in reviews:
            learning_path = _one_step_path(module)
            now = timezone.now()
            result = assign_path(
                learning_path,
                learners(review),
                assigned_by=None,
                due_on=timezone.localdate() + timedelta(days=review.target_days),
            )
            review.loop_action = ReviewAction.objects.create(
                review=review, owner=review.author, text=_target_text(review, module)
            )
            review.learning_path, review.assigned_at = learning_path, now
            review.save(update_fields=["learning_path", "assigned_at", "loop_action"])
            given += result.created
    return given


def path_completed(assignment: Assignment) -> None:
    """Called when an assignment completes: a review whose loop path it is closes its
    loop (and its follow-up action) once completion reaches the target."""
    # Locked, so that the last two completions at once count one after the other.
    for review in LearningReview.objects.select_for_update().filter(
        learning_path_id=assignment.path_id, target_met_at__isnull=True
    ):
        if loop_of(review).target_met:
            now = timezone.now()
            LearningReview.objects.filter(pk=review.pk, target_met_at__isnull=True).update(
                target_met_at=now
            )
            if review.loop_action_id is not None:
                ReviewAction.objects.filter(pk=review.loop_action_id, done_at__isnull=True).update(
                    done_at=now
                )
