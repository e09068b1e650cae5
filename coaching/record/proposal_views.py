"""Wagtail admin screens for editors: module proposals from learning reviews.

Editors see what a review proposes and what was learned, never the review's timeline,
conditions or whose record it is on: those stay private to the new hire and coaches.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from coaching.record.proposals import ProposalError, make_draft_module, open_proposals
from lessons.models import LearningPortalPage, ModulePage


def editors_portal(request):
    """The portal new modules go under: the one of the site the editor is using the admin
    on (its hostname), as everywhere in the plugin; drafts count."""
    return LearningPortalPage.for_request(request, live=False)


def require_module_editor(request):
    """Who may turn proposals into modules: people who may add modules under the portal."""
    portal = editors_portal(request)
    if portal is None or not portal.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied


def proposals_index(request):
    require_module_editor(request)
    return TemplateResponse(
        request,
        "coaching/record/proposals.html",
        {
            "header_title": _("Module proposals"),
            "page_title": _("Module proposals"),
            "header_icon": "doc-full",
            "proposals": open_proposals().order_by("-created_at"),
            "made": ModulePage.objects.filter(learning_reviews__isnull=False)
            .distinct()
            .order_by("-latest_revision_created_at")[:20],
        },
    )


@require_POST
def create_module(request, review_id):
    require_module_editor(request)
    try:
        module = make_draft_module(review_id, editor=request.user, portal=editors_portal(request))
    except ProposalError as error:
        messages.error(request, str(error))
        return redirect("module_proposals:index")
    messages.success(request, _("Draft module created. Finish it and publish when ready."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[module.pk]))


def can_use_module_proposals(request):
    try:
        require_module_editor(request)
    except PermissionDenied:
        return False
    return True


class ModuleProposalsMenuItem(MenuItem):
    """Shown only to people who may make modules: coaches have admin access for reports,
    and the menu must not offer them a screen that would turn them away."""

    def is_shown(self, request):
        return can_use_module_proposals(request)


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
            path("", proposals_index, name="index"),
            path("<int:review_id>/create/", create_module, name="create_module"),
        ]
