"""Who has read each module as it stands: of the people whose module step is done, how
many are asked to read it again after a change (or by their coach), and how many have."""

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Page

from coaching.learning.models import AssignmentStatus, ProgressStatus, StepProgress
from coaching.rereading.models import ModuleChange
from lessons.i18n import localized_all
from lessons.models import StepKind

from .completion import percent


def module_readers(scope, filters):
    """One row per module that someone in scope completed, most asked to read again first:
    completed, up to date (read since the last change they must read), asked to read
    again, read again, and when it last changed in a way people must read. Four queries
    (with the active locale, to name the modules in the reader's language; one more for
    their translations)."""
    done = scope.limit(
        filters.assignments(
            StepProgress.objects.on_own_version()
            .filter(
                status=ProgressStatus.DONE, step__kind=StepKind.MODULE, step__page__isnull=False
            )
            .exclude(assignment__status=AssignmentStatus.CANCELLED),
            prefix="assignment__",
        ),
        "assignment__trainee",
    )
    open_requests = Q(read_again_requests__read_at__isnull=True)
    closed_requests = Q(read_again_requests__read_at__isnull=False)
    rows = list(
        done.values("step__page")
        .annotate(
            completed=Count("pk", distinct=True),
            to_read_again=Count("read_again_requests", filter=open_requests, distinct=True),
            read_again=Count("read_again_requests", filter=closed_requests, distinct=True),
        )
        .order_by()
    )
    originals = list(Page.objects.filter(pk__in=[row["step__page"] for row in rows]))
    pages = {
        original.pk: shown
        for original, shown in zip(originals, localized_all(originals), strict=True)
    }
    changed = dict(
        ModuleChange.objects.filter(page__in=pages)
        .values("page")
        .annotate(last=Max("published_at"))
        .values_list("page", "last")
    )
    for row in rows:
        page_id = row.pop("step__page")
        row["module"] = pages[page_id].title if page_id in pages else ""
        row["up_to_date"] = row["completed"] - row["to_read_again"]
        row["up_to_date_rate"] = percent(row["up_to_date"], row["completed"])
        last = changed.get(page_id)
        row["last_change"] = date_format(timezone.localtime(last)) if last else None
    rows.sort(key=lambda row: (-row["to_read_again"], row["module"]))
    return rows
