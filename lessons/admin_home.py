"""The editor's panels on the Wagtail admin home: their own drafts of onboarding content
(modules and other learnable pages, learning paths, knowledge checks) still to publish,
and the content they keep up to date whose review is due (lessons/models/freshness.py).

Wagtail's own panels already show what awaits the editor's review and what they submitted
to a workflow; this one shows what they left as a draft. Three queries (one a content
type), whatever the number of drafts. Registered in wagtail_hooks.py.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from lessons.models import LEARNABLE_PAGES, REVIEWED_CONTENT, KnowledgeCheck, LearningPath
from lessons.models.freshness import REVIEW_SOON_DAYS

PANEL_SIZE = 6


def is_editor(user):
    """Whether the person writes onboarding content (the editors' snippet permissions)."""
    return user.has_perm("lessons.change_learningpath") or user.has_perm(
        "lessons.change_knowledgecheck"
    )


def _latest_first(queryset, user):
    return (
        queryset.filter(has_unpublished_changes=True, latest_revision__user=user)
        .select_related("latest_revision")
        .order_by("-latest_revision__created_at", "-pk")
    )


def drafts_of(user):
    """The person's own drafts still to publish, newest first: (title, kind, url, edited)
    rows, at most PANEL_SIZE, and whether there are more."""
    pages = _latest_first(Page.objects.type(*LEARNABLE_PAGES), user).select_related("content_type")
    snippets = [
        (LearningPath.objects.all(), "wagtailsnippets_lessons_learningpath:edit"),
        (KnowledgeCheck.objects.all(), "wagtailsnippets_lessons_knowledgecheck:edit"),
    ]
    rows = [
        (
            page.draft_title,
            page.content_type.name,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            page.latest_revision.created_at,
        )
        for page in pages[: PANEL_SIZE + 1]
    ]
    for snippets_of_a_kind, url_name in snippets:
        rows += [
            (
                str(item),
                item._meta.verbose_name,
                reverse(url_name, args=[item.pk]),
                item.latest_revision.created_at,
            )
            for item in _latest_first(snippets_of_a_kind, user)[: PANEL_SIZE + 1]
        ]
    rows.sort(key=lambda row: row[3], reverse=True)
    return rows[:PANEL_SIZE], len(rows) > PANEL_SIZE


class EditorDraftsPanel(Component):
    name = "onboarding_drafts"
    template_name = "lessons/admin/drafts_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        drafts, more = drafts_of(parent_context["request"].user)
        return {"drafts": drafts, "more": more}


def reviews_due(user, today=None):
    """The content the person keeps up to date whose review is due within
    REVIEW_SOON_DAYS (or overdue), soonest first: (title, kind, url, review_by) rows. One
    query per kind of content (three page types and paths), whatever the number."""
    today = today or timezone.localdate()
    soon = {
        "content_owner": user,
        "review_by__lte": today + timedelta(days=REVIEW_SOON_DAYS),
        "locale": Locale.get_default(),  # a translation shares its source's review
    }
    rows = [
        (item.title, model._meta.verbose_name, reverse(url_name, args=[item.pk]), item.review_by)
        for model, url_name in REVIEWED_CONTENT
        for item in model.objects.filter(**soon).only("title", "review_by")
    ]
    rows.sort(key=lambda row: (row[3], row[0]))
    return rows


class ReviewsDuePanel(Component):
    name = "onboarding_reviews_due"
    template_name = "lessons/admin/reviews_due_panel.html"
    order = 55

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"reviews": self.rows, "today": timezone.localdate()}


def add_editor_panels(request, panels):
    if not is_editor(request.user):
        return
    panels.append(EditorDraftsPanel())
    # The content they keep up to date, when a review of it is due.
    if due := reviews_due(request.user):
        panels.append(ReviewsDuePanel(due))
