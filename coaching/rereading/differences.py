"""What changed in a module since a reader's revision, with Wagtail's own comparison of
revisions (the fields of the page's content tab), for the portal to show in its own look."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from wagtail.models import Page, PageLogEntry, Revision

from coaching.learning.models import StepProgress
from coaching.rereading.models import ModuleChange

# What the reader reads, compared; the editors' own fields (the publishing question, who
# keeps the page and its reviews) are theirs, never shown to readers.
COMPARED = frozenset({"title", "summary", "estimated_minutes", "body", "knowledge_check"})


def live_at(page: Page, moment: datetime) -> Revision | None:
    """The revision of `page` that was live at `moment`: the last one published by then
    (a draft saved meanwhile was never read), from Wagtail's log of publishes."""
    published = (
        PageLogEntry.objects.filter(
            page_id=page.pk, action="wagtail.publish", timestamp__lte=moment, revision__isnull=False
        )
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return published.revision if published is not None else None


def revision_read_by(progress: StepProgress, page: Page | None) -> Revision | None:
    """The revision of `page` (the module as shown now, in the reader's language) that the
    step was read in: the one recorded, when it is of this page; else the revision of this
    page that was live when the step was done (a step done before revisions were kept, or
    read in another language: what changed is then shown in the language read now)."""
    if page is None:
        return None
    read = progress.read_revision
    if read is not None and read.object_id == str(page.pk):
        return read
    if progress.completed_at is None:
        return None
    return live_at(page, progress.completed_at)


def what_changed(
    progress: StepProgress, shown: Page | None, change: ModuleChange | None, request: HttpRequest
) -> tuple[list[Any], Page | None]:
    """What changed in the module since the step was read: the comparisons in the page
    shown (the reader's language), and None; or, when a change to the original asks a
    reader whose translation is not updated yet, the comparisons in the original since the
    step was done, and the original."""
    shown_changes = changes_since(revision_read_by(progress, shown), request)
    if shown_changes or change is None or shown is None or change.page_id == shown.pk:
        return shown_changes, None
    original = change.page
    if progress.completed_at is None:
        return [], None
    in_original = changes_since(live_at(original, progress.completed_at), request)
    return in_original, original if in_original else None


def changes_since(revision: Revision | None, request: HttpRequest) -> list[Any]:
    """Wagtail's comparisons (`field_label()`, `htmldiff()`) of each content field that
    changed between `revision` and its page as published now; [] when the revision, or
    its page, is gone or not live."""
    if revision is None:
        return []
    page = Page.objects.filter(pk=revision.object_id, live=True).specific().first()
    if page is None or page.live_revision_id == revision.pk:
        return []
    content_tab = page.get_edit_handler().children[0]
    bound = content_tab.get_bound_panel(instance=page, request=request, form=None)
    read = revision.as_object()
    shown = []
    for comparison_class in bound.get_comparison():
        comparison = comparison_class(read, page)
        if comparison.field.name not in COMPARED or not comparison.has_changed():
            continue
        shown.append(comparison)
    return shown
