"""What changed in a module since a reader's revision, with Wagtail's own comparison of
revisions (the fields of the page's content tab), for the portal to show in its own look."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html_join
from wagtail.admin.compare import StreamBlockComparison, StreamFieldComparison
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
        if isinstance(comparison, StreamFieldComparison) and _has_block_ids(comparison):
            comparison = ChangedBlocks(comparison)
        shown.append(comparison)
    return shown


def _has_block_ids(comparison: StreamFieldComparison) -> bool:
    return comparison.has_block_ids(comparison.val_a) and comparison.has_block_ids(comparison.val_b)


class ChangedBlocks:
    """A body's comparison that shows only its blocks that changed (added, removed or
    edited), each under its kind ("Paragraph", "Callout"), where Wagtail's shows every
    block: a reader looks for what is new, not for the module again."""

    def __init__(self, comparison: StreamFieldComparison):
        self.comparison = comparison
        self.field = comparison.field

    def field_label(self) -> str:
        return self.comparison.field_label()

    def htmldiff(self) -> str:
        body = StreamBlockComparison(
            self.field.stream_block, True, True, self.comparison.val_a, self.comparison.val_b
        )
        changed = []
        for block in body.get_block_comparisons():
            if block.is_new():
                changed.append(("addition", block.block.label, block.htmlvalue(block.val_b)))
            elif block.is_deleted():
                changed.append(("deletion", block.block.label, block.htmlvalue(block.val_a)))
            elif block.htmlvalue(block.val_a) != block.htmlvalue(block.val_b):
                # What reads differently: a list's items can get new ids with the same words.
                changed.append(("", block.block.label, block.htmldiff()))
        return format_html_join(
            "\n",
            '<div class="comparison__child-object {}"><p class="diff__kind">{}</p>{}</div>',
            changed,
        )
