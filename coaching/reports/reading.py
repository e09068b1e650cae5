"""Content freshness: every published learnable page (in its original language), who keeps
it up to date and when it is to be reviewed, and who has read it as it stands. Of the
people whose module step is done, how many are asked to read it again after a change (or
by their coach: they have read only an outdated revision), and how many have."""

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from coaching.common.names import display_name
from coaching.learning.models import AssignmentStatus, ProgressStatus, StepProgress
from coaching.rereading.models import ModuleChange, ReadAgainReason
from lessons.i18n import localized_all
from lessons.models import LEARNABLE_PAGES, LearningPath, StepKind

from .completion import percent


def _day(value):
    return date_format(value) if value else None


def _review(content, today):
    """The review columns of a page or a path (lessons.models.freshness)."""
    return {
        "owner": display_name(content.content_owner) if content.content_owner else None,
        "last_reviewed_on": _day(content.last_reviewed_on),
        "review_by": _day(content.review_by),
        "review_overdue": content.review_by is not None and content.review_by < today,
    }


def _path_rows(scope, filters, paths, shown_paths, today):
    """One row per published learning path (`paths`, and `shown_paths` in the reader's
    language): its review, and how many completed it. A path is pinned to the version each
    person was given, so reading it "as it stands" is a page's figure, not a path's."""
    if not paths:
        return []
    completed = dict(
        scope.assignments(filters)
        .filter(path__in=paths, status=AssignmentStatus.COMPLETED)
        .values("path")
        .annotate(completed=Count("pk"))
        .values_list("path", "completed")
        .order_by()
    )
    return [
        {
            "module": shown.title,
            "kind": _("Learning path"),
            **_review(path, today),
            "completed": completed.get(path.pk, 0),
            "up_to_date": None,
            "up_to_date_rate": None,
            "to_read_again": None,
            "read_again": None,
            "last_change": None,
        }
        for path, shown in zip(paths, shown_paths, strict=True)
    ]


def content_freshness(scope, filters):
    """One row per published learnable page in the default language, those read only in
    an outdated revision by the most people first, then those whose review is overdue:
    its owner, last review and next; completed, read as it stands (and %), asked to read
    again, read again; its last change people must read. Then one row per published path,
    its review and how many completed it. A fixed number of queries: the default locale, a
    page type each, the readers grouped by page, the changes, the paths, their completions,
    and the titles in the reader's language."""
    default = Locale.get_default()
    pages = [
        page
        for model in LEARNABLE_PAGES
        for page in model.objects.live().filter(locale=default).select_related("content_owner")
    ]
    done = scope.limit(
        filters.assignments(
            StepProgress.objects.on_own_version()
            .filter(status=ProgressStatus.DONE, step__kind=StepKind.MODULE)
            .filter(step__page__in=[page.pk for page in pages])
            .exclude(assignment__status=AssignmentStatus.CANCELLED),
            prefix="assignment__",
        ),
        "assignment__trainee",
    )
    # Requests to read (a changed page, a coach's or HR's ask), not a check to pass again.
    reading = ~Q(read_again_requests__reason=ReadAgainReason.CHECK)
    open_requests = reading & Q(read_again_requests__read_at__isnull=True)
    closed_requests = reading & Q(read_again_requests__read_at__isnull=False)
    readers = {
        row.pop("step__page"): row
        for row in done.values("step__page")
        .annotate(
            completed=Count("pk", distinct=True),
            to_read_again=Count("read_again_requests", filter=open_requests, distinct=True),
            read_again=Count("read_again_requests", filter=closed_requests, distinct=True),
        )
        .order_by()
    }
    changed = dict(
        ModuleChange.objects.filter(page__in=[page.pk for page in pages])
        .values("page")
        .annotate(last=Max("published_at"))
        .values_list("page", "last")
    )
    paths = list(
        LearningPath.objects.filter(locale=default, current_version__isnull=False)
        .select_related("content_owner")
        .order_by("title")
    )
    titles = localized_all([*pages, *paths])  # one query a kind, whatever the number
    today = timezone.localdate()
    rows = []
    for page, shown in zip(pages, titles[: len(pages)], strict=True):
        figures = readers.get(page.pk, {"completed": 0, "to_read_again": 0, "read_again": 0})
        up_to_date = figures["completed"] - figures["to_read_again"]
        last = changed.get(page.pk)
        rows.append(
            {
                "module": shown.title,
                "kind": _("Page"),
                **_review(page, today),
                **figures,
                "up_to_date": up_to_date,
                "up_to_date_rate": percent(up_to_date, figures["completed"]),
                "last_change": _day(timezone.localtime(last)) if last else None,
            }
        )
    rows.sort(key=lambda row: (-row["to_read_again"], not row["review_overdue"], row["module"]))
    path_rows = _path_rows(scope, filters, paths, titles[len(pages) :], today)
    path_rows.sort(key=lambda row: not row["review_overdue"])  # overdue first, then by title
    return rows + path_rows
