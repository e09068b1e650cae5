"""Which revision of a module each reader read, and asking them to read it again.

A module step that is done records the revision of the page it was read in
(`revision_read`). When an editor publishes a revision as a change people must read,
everyone whose step is done on an earlier revision of that page is asked to read it again
(`ask_everyone_who_read`); a coach can ask one new hire (`ask_to_read_again`). The reader
sees what changed since their revision and confirms (`confirm_read`). Nothing here changes
a step's status, its completion date, or a path's: the request is a row of its own.
"""

from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from wagtail.models import Locale, Page, Revision

from coaching.common.names import display_name
from coaching.common.types import User
from coaching.learning.models import AssignmentStatus, CheckAttempt, ProgressStatus, StepProgress
from coaching.notifications import events
from coaching.rereading.models import (
    TO_PASS,
    TO_READ,
    ModuleChange,
    ReadAgain,
    ReadAgainQuerySet,
    ReadAgainReason,
)
from lessons.i18n import in_active_language
from lessons.models import BusinessUnit, KnowledgeCheck, LearnablePage, PathVersionStep, StepKind


def revision_read(step: PathVersionStep) -> int | None:
    """The live revision of the step's module in the reader's language (the page shown on
    the step), for its progress row; None for other steps or a module withdrawn."""
    if step.kind != StepKind.MODULE or step.page is None or not step.page.live:
        return None
    return in_active_language(step.page).page.live_revision_id


def _open_on_the_row() -> ReadAgainQuerySet:
    """For a subquery of a StepProgress queryset: the row's open requests."""
    return ReadAgain.objects.still_open().filter(progress=OuterRef("pk"))


def with_read_again(progress_rows: QuerySet[StepProgress]) -> QuerySet[StepProgress]:
    """Annotate `read_again`, why the step is asked to be read again (a ReadAgainReason
    other than CHECK) or None, and `pass_again`, whether it is asked to pass its changed
    check again; in the same query."""
    return progress_rows.annotate(
        read_again=Subquery(_open_on_the_row().to_read().values("reason")[:1]),
        pass_again=Exists(_open_on_the_row().to_pass()),
    )


def done_on(page: Page) -> QuerySet[StepProgress]:
    """The done module steps of `page`'s module, read in any language and any revision, on
    paths that count (in progress or completed, on their own version)."""
    return (
        StepProgress.objects.on_own_version()
        .filter(status=ProgressStatus.DONE, step__kind=StepKind.MODULE, waived_at__isnull=True)
        .exclude(assignment__status=AssignmentStatus.CANCELLED)
        .filter(step__page__translation_key=page.translation_key)
    )


def readers_of(page: Page) -> QuerySet[StepProgress]:
    """Who a change people must read on `page` asks: those who read an earlier revision of
    it and, when it is the original (the site's default language), everyone who read the
    module in another language, whose translation is to follow. A change to a translation
    asks only its own readers. A step done before revisions were recorded counts as read on
    the step's own page."""
    readers = done_on(page)
    if page.locale_id != Locale.get_default().pk:
        page_type = ContentType.objects.get_for_model(Page)
        readers = readers.filter(
            Q(read_revision__base_content_type=page_type, read_revision__object_id=str(page.pk))
            | Q(read_revision__isnull=True, step__page=page)
        )
    return readers.exclude(read_revision=page.live_revision_id)


def _ask(
    readers: QuerySet[StepProgress], asked_at: datetime, told: dict[str, Any], **request: Any
) -> list[int]:
    """Open a request to read again on each of `readers` not asked already (an INSERT of
    the ids; a step asked meanwhile keeps its one open request), and tell each reader
    (`told`: the notification's words). Returns the progress rows asked."""
    same_kind = TO_PASS if request["reason"] == ReadAgainReason.CHECK else TO_READ
    already = Exists(_open_on_the_row().filter(same_kind))
    ids = list(readers.exclude(already).values_list("pk", flat=True))
    ReadAgain.objects.bulk_create(
        [ReadAgain(progress_id=pk, asked_at=asked_at, **request) for pk in ids],
        ignore_conflicts=True,
        batch_size=5000,
    )
    # Only the requests this call opened: a step asked at the same time by another publish
    # or another person kept theirs (the insert skipped it), and is told once.
    ids = list(
        ReadAgain.objects.filter(
            progress_id__in=ids, asked_at=asked_at, reason=request["reason"]
        ).values_list("progress_id", flat=True)
    )
    asked = StepProgress.objects.filter(pk__in=ids).select_related("assignment__version", "step")
    events.asked_to_read_again(asked, asked_at, **told)
    return ids


def ask_everyone_who_read(page: LearnablePage, revision: Revision | None, by: User | None) -> int:
    """The page was published as a change people must read: record it and ask everyone who
    read an earlier revision, at once. Returns how many were asked."""
    with transaction.atomic():
        if revision is not None and ModuleChange.objects.filter(revision=revision).exists():
            return 0  # this revision published again (its content keeps the answer)
        change = ModuleChange.objects.create(
            page=page, revision=revision, note=page.change_note, published_by=by
        )
        asked = _ask(
            readers_of(page),
            change.published_at,
            {"note": change.note},
            reason=ReadAgainReason.CHANGED,
            change=change,
        )
        ModuleChange.objects.filter(pk=change.pk).update(readers_asked=len(asked))
        # The answer belongs to this change only: the next publish asks again.
        type(page).objects.filter(pk=page.pk).update(change_must_be_read=False, change_note="")
    return len(asked)


def ask_unit(page: Page, unit: BusinessUnit | None, *, by: User, message: str) -> int:
    """HR or L&D ask everyone in `unit` (everyone, if None) who completed `page` to read it
    again, whatever revision they read. Returns how many were asked."""
    readers = done_on(page)
    if unit is not None:
        readers = readers.filter(assignment__trainee__trainee_profile__business_unit=unit)
    with transaction.atomic():
        asked = _ask(
            readers,
            timezone.now(),
            {"coach": display_name(by), "message": message},
            reason=ReadAgainReason.ASKED,
            asked_by=by,
            message=message,
        )
    return len(asked)


def passed_before(check: KnowledgeCheck) -> QuerySet[StepProgress]:
    """The done steps (on paths that count, on their own version) passed on an earlier
    revision of `check` than its live one: an attempt passed, and none on this revision."""
    passed = CheckAttempt.objects.filter(
        assignment=OuterRef("assignment"), step=OuterRef("step"), knowledge_check=check, passed=True
    )
    return (
        StepProgress.objects.on_own_version()
        .filter(status=ProgressStatus.DONE, waived_at__isnull=True)
        .exclude(assignment__status=AssignmentStatus.CANCELLED)
        .filter(Exists(passed))
        .exclude(Exists(passed.filter(check_revision=check.live_revision_id)))
    )


def ask_everyone_who_passed(check: KnowledgeCheck) -> int:
    """The check was published as a version people who passed must pass: ask each of them
    to pass it again. Their step stays done and their attempts stay graded as they were.
    Returns how many were asked."""
    with transaction.atomic():
        asked = _ask(
            passed_before(check),
            timezone.now(),
            {"check": check.subject},
            reason=ReadAgainReason.CHECK,
        )
        # The answer belongs to this change only: the next publish asks again.
        KnowledgeCheck.objects.filter(pk=check.pk).update(change_must_be_passed=False)
    return len(asked)


def ask_to_read_again(progress: StepProgress, *, by: User, message: str) -> bool:
    """A coach asks a new hire to read a done module step again (`progress` with its
    assignment and step), and tells them; False if it is asked already (one open request
    a step)."""
    try:
        with transaction.atomic():
            request = ReadAgain.objects.create(
                progress=progress, reason=ReadAgainReason.COACH, asked_by=by, message=message
            )
            events.asked_to_read_again(
                [progress], request.asked_at, coach=display_name(by), message=message
            )
    except IntegrityError:
        return False
    return True


def to_read_again(user: User) -> list[ReadAgain]:
    """The person's open requests to read a module again, oldest first, with the step and
    path each is on (one query), for My onboarding."""
    return list(
        ReadAgain.objects.still_open()
        .filter(
            progress__assignment__trainee=user,
            progress__step__version=F("progress__assignment__version"),
        )
        .exclude(progress__assignment__status=AssignmentStatus.CANCELLED)
        .select_related("progress__step", "progress__assignment__version", "change")
        .order_by("asked_at", "pk")
    )


def open_check_request(assignment: Any, step: PathVersionStep) -> ReadAgain | None:
    """The step's open request to pass its changed check again, if any."""
    return (
        ReadAgain.objects.still_open()
        .to_pass()
        .filter(progress__assignment=assignment, progress__step=step)
        .exclude(progress__assignment__status=AssignmentStatus.CANCELLED)
        .first()
    )


def close(request: ReadAgain) -> bool:
    """The request is done (a changed check passed again); once only."""
    closed = ReadAgain.objects.filter(pk=request.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return bool(closed)


def open_request(progress: StepProgress | None) -> ReadAgain | None:
    """The step's open request to read it again (not to pass its check), if any."""
    if progress is None:
        return None
    return (
        ReadAgain.objects.still_open()
        .to_read()
        .select_related("change__page", "asked_by")
        .filter(progress=progress)
        .first()
    )


def confirm_read(progress: StepProgress, step: PathVersionStep) -> bool:
    """The reader read the module again: the open request closes and the step records the
    revision now read. Once only: a second tab or a double click changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        # A changed check is passed again (progress.take_check), not confirmed with a button.
        closed = (
            ReadAgain.objects.still_open().to_read().filter(progress=progress).update(read_at=now)
        )
        if closed:
            StepProgress.objects.filter(pk=progress.pk).update(
                read_revision=revision_read(step), updated_at=now
            )
    return bool(closed)
