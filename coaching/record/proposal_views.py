"""Wagtail admin screens for editors: module proposals from learning reviews.

Editors see what a review proposes and what was learned, never the review's timeline,
conditions or whose record it is on: those stay private to the new hire and coaches.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet

from coaching.common.text import render_user_text
from coaching.record.models import LearningReview
from coaching.record.proposals import ProposalError, make_draft_module, open_proposals
from lessons.models import LearningPortalPage, ModulePage


def editors_portal(request):
    """The portal new modules go under: the one of the site the editor is using the admin
    on (its hostname), as everywhere in the plugin; drafts count."""
    return LearningPortalPage.for_request(request, live=False)


def may_make_modules(request):
    """Whether the person may turn proposals into modules: may they add modules under the
    portal? The screen and the admin menu both ask on one request; it is looked up once."""
    if not hasattr(request, "_coaching_may_make_modules"):
        portal = editors_portal(request)
        request._coaching_may_make_modules = (
            portal is not None and portal.permissions_for_user(request.user).can_add_subpage()
        )
    return request._coaching_may_make_modules


def require_module_editor(request):
    if not may_make_modules(request):
        raise PermissionDenied


class UserTextColumn(Column):
    """A person's plain text, escaped, with its links and line breaks kept."""

    def get_value(self, instance):
        return render_user_text(super().get_value(instance) or "")


class CreateDraftColumn(Column):
    """A button that turns the row's proposal into a draft module (a POST, with CSRF)."""

    cell_template_name = "coaching/record/proposal_create_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse("module_proposals:create_module", args=[instance.pk])
        context["csrf_token"] = get_token(context["request"])
        return context


class ProposalsIndexView(generic.IndexView):
    """Open proposals, newest first, and the modules already made from reviews."""

    model = LearningReview
    template_name = "coaching/record/proposals.html"
    index_url_name = "module_proposals:index"
    page_title = gettext_lazy("Module proposals")
    verbose_name = gettext_lazy("proposal")
    verbose_name_plural = gettext_lazy("proposals")
    header_icon = "doc-full"
    context_object_name = "proposals"
    # Who may see it is not a permission on reviews: it is being able to add modules.
    any_permission_required = None
    default_ordering = "-created_at"
    paginate_by = 20
    columns = [
        TitleColumn(
            "proposed_module_title",
            label=gettext_lazy("Proposed module"),
            sort_key="proposed_module_title",
        ),
        UserTextColumn("proposed_module_summary", label=gettext_lazy("What it would teach")),
        UserTextColumn("learned", label=gettext_lazy("What we learned")),
        DateColumn("created_at", label=gettext_lazy("Proposed on"), sort_key="created_at"),
        CreateDraftColumn("create", label=gettext_lazy("Actions")),
    ]

    def dispatch(self, request, *args, **kwargs):
        require_module_editor(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return open_proposals()

    @property
    def no_results_message(self):
        return _("No open proposals. When a learning review proposes a module, it appears here.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["made"] = (
            ModulePage.objects.filter(learning_reviews__isnull=False)
            .distinct()
            .order_by("-latest_revision_created_at")[:20]
        )
        return context


@require_POST
def create_module(request, review_id):
    require_module_editor(request)
    try:
        module = make_draft_module(review_id, editor=request.user, portal=editors_portal(request))
    except LearningReview.DoesNotExist:
        raise Http404 from None
    except ProposalError as error:
        messages.error(request, str(error))
        return redirect("module_proposals:index")
    messages.success(request, _("Draft module created. Finish it and publish when ready."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[module.pk]))


class ModuleProposalsMenuItem(MenuItem):
    """Shown only to people who may make modules: coaches have admin access for reports,
    and the menu must not offer them a screen that would turn them away."""

    def is_shown(self, request):
        return may_make_modules(request)


class ModuleProposalsViewSet(ViewSet):
    name = "module_proposals"
    url_prefix = "onboarding/module-proposals"
    icon = "doc-full"
    menu_label = gettext_lazy("Module proposals")
    add_to_admin_menu = True
    menu_order = 300
    menu_item_class = ModuleProposalsMenuItem

    def get_urlpatterns(self):
        return [
            path("", ProposalsIndexView.as_view(), name="index"),
            path("<int:review_id>/create/", create_module, name="create_module"),
        ]
