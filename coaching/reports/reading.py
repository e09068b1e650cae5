"""Content freshness: every published learnable page (in its original language), who keeps
it up to date and when it is to be reviewed, and who has read it as it stands. Of the
people whose module step is done, how many are asked to read it again after a change (or
by their coach: they have read only an outdated revision), and how many have."""

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Locale

from coaching.common.names import display_name
from coaching.learning.models import AssignmentStatus, ProgressStatus, StepProgress
from coaching.rereading.models import ModuleChange, ReadAgainReason
from lessons.i18n import localized_all
from lessons.models import LEARNABLE_PAGES, StepKind

from .completion import percent


def _day(value):
    return date_format(value) if value else None


def content_freshness(scope, filters):
    """One row per published learnable page in the default language, those read only in
    an outdated revision by the most people first, then those whose review is overdue:
    its owner, last review and next; completed, read as it stands (and %), asked to read
    again, read again; its last change people must read. A fixed number of queries: the
    default locale, a page type each, the readers grouped by page, the changes, and the
    titles in the reader's language."""
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
    today = timezone.localdate()
    rows = []
    for page, shown in zip(pages, localized_all(pages), strict=True):
        figures = readers.get(page.pk, {"completed": 0, "to_read_again": 0, "read_again": 0})
        up_to_date = figures["completed"] - figures["to_read_again"]
        last = changed.get(page.pk)
        rows.append(
            {
                "module": shown.title,
                "owner": display_name(page.content_owner) if page.content_owner else None,
                "last_reviewed_on": _day(page.last_reviewed_on),
                "review_by": _day(page.review_by),
                "review_overdue": page.review_by is not None and page.review_by < today,
                **figures,
                "up_to_date": up_to_date,
                "up_to_date_rate": percent(up_to_date, figures["completed"]),
                "last_change": _day(timezone.localtime(last)) if last else None,
            }
        )
    rows.sort(key=lambda row: (-row["to_read_again"], not row["review_overdue"], row["module"]))
    return rows
