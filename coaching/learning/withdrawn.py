"""Content that disappears under a path in progress: who still has to complete a step
whose module or knowledge check is gone, and the editor's warning before it goes.

A published path version keeps its steps, but not the pages and checks they point at:
an editor may unpublish or delete them. The new hires on such a step cannot finish it
themselves (a withdrawn check cannot be taken); their coach waives it. Editors are told
how many people that leaves waiting before they unpublish or delete, and the admin's
report of stuck steps (`stuck_views`) lists what is left to sort out.
"""

from collections.abc import Iterable

from django.contrib import messages
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from coaching.learning.models import Assignment, ProgressStatus, StepProgress
from lessons.models import KnowledgeCheck, PathVersionStep, StepKind

# The field that Wagtail's own form gets when the editor has read our warning.
CONFIRMED = "confirm_withdraw_in_use"
STUCK_STEPS_URL = "coaching_stuck_steps:index"


def waiting_on(steps: QuerySet[PathVersionStep]) -> QuerySet[Assignment]:
    """Active assignments whose version has one of `steps` not done yet (one query)."""
    pending = steps.filter(version=OuterRef("version")).exclude(
        Exists(
            StepProgress.objects.filter(
                assignment=OuterRef(OuterRef("pk")),
                step=OuterRef("pk"),
                status=ProgressStatus.DONE,
            )
        )
    )
    return Assignment.objects.active().filter(Exists(pending))


def waiting_on_pages(pages: QuerySet[Page]) -> QuerySet[Assignment]:
    return waiting_on(PathVersionStep.objects.filter(kind=StepKind.MODULE, page__in=pages))


def waiting_on_checks(checks: Iterable[KnowledgeCheck]) -> QuerySet[Assignment]:
    ids = [check.pk for check in checks]
    return waiting_on(
        PathVersionStep.objects.filter(kind=StepKind.KNOWLEDGE_CHECK, knowledge_check__in=ids)
    )


def _in_use_message(count: int, deleting: bool) -> str:
    if deleting:
        text = ngettext(
            "%(count)s new hire still has to complete a step of an active learning path "
            "that uses this. Once it is deleted, they cannot complete that step: their "
            "coach will have to waive it.",
            "%(count)s new hires still have to complete a step of an active learning path "
            "that uses this. Once it is deleted, they cannot complete that step: their "
            "coaches will have to waive it.",
            count,
        )
    else:
        text = ngettext(
            "%(count)s new hire still has to complete a step of an active learning path "
            "that uses this. Once it is unpublished, they cannot complete that step: their "
            "coach will have to waive it.",
            "%(count)s new hires still have to complete a step of an active learning path "
            "that uses this. Once it is unpublished, they cannot complete that step: their "
            "coaches will have to waive it.",
            count,
        )
    return text % {"count": count}


def _warn(
    request: HttpRequest,
    waiting: QuerySet[Assignment],
    item: Page | KnowledgeCheck,
    *,
    deleting: bool,
) -> HttpResponse | None:
    """Warn the editor when content in use is about to go.

    Wagtail's delete views run their hook when showing the confirmation too: the warning
    joins that page. The unpublish views run it only once the editor has confirmed: a
    page of our own then asks again, with the warning, and sends the same form back."""
    if request.method != "POST":
        count = waiting.count()
        if count:
            messages.warning(request, _in_use_message(count, deleting))
        return None
    if deleting or request.POST.get(CONFIRMED):
        return None
    count = waiting.count()
    if not count:
        return None
    return TemplateResponse(
        request,
        "coaching/learning/admin/confirm_withdraw.html",
        {
            "page_title": _("Unpublish %(title)s?") % {"title": item.title},
            "header_icon": "warning",
            "message": _in_use_message(count, deleting),
            "posted": [
                (name, value)
                for name, values in request.POST.lists()
                if name != "csrfmiddlewaretoken"
                for value in values
            ],
            "confirmed_field": CONFIRMED,
            "action_url": request.get_full_path(),
            "stuck_steps_url": reverse(STUCK_STEPS_URL),
            "back_url": AdminURLFinder(request.user).get_edit_url(item),
        },
    )


def before_deleting_page(request: HttpRequest, page: Page) -> HttpResponse | None:
    """`before_delete_page`: the page and its descendants go."""
    pages = Page.objects.descendant_of(page, inclusive=True)
    return _warn(request, waiting_on_pages(pages), page, deleting=True)


def before_unpublishing_page(request: HttpRequest, page: Page) -> HttpResponse | None:
    """`before_unpublish_page`: the page goes, and its descendants if the editor chose."""
    if request.POST.get("include_descendants"):
        pages = Page.objects.descendant_of(page, inclusive=True)
    else:
        pages = Page.objects.filter(pk=page.pk)
    return _warn(request, waiting_on_pages(pages), page, deleting=False)


def before_deleting_snippets(request: HttpRequest, instances: list) -> HttpResponse | None:
    """`before_delete_snippet`: only knowledge checks matter here."""
    checks = [instance for instance in instances if isinstance(instance, KnowledgeCheck)]
    if not checks:
        return None
    return _warn(request, waiting_on_checks(checks), checks[0], deleting=True)


def before_unpublishing(request: HttpRequest, instance: object) -> HttpResponse | None:
    """`before_unpublish` (snippets and other models): only knowledge checks matter here."""
    if not isinstance(instance, KnowledgeCheck):
        return None
    return _warn(request, waiting_on_checks([instance]), instance, deleting=False)
