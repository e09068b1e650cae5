"""The admin home's panel for editors: module proposals from learning reviews waiting to be
made into modules. Shown to those who may make modules (as the proposals screen is); two
queries at most (the first few, and how many when there are more)."""

from wagtail.admin.ui.components import Component

from coaching.record.proposal_views import may_make_modules
from coaching.record.proposals import open_proposals

PANEL_SIZE = 5


class ModuleProposalsPanel(Component):
    name = "module_proposals"
    template_name = "coaching/record/proposals_panel.html"
    order = 70

    def get_context_data(self, parent_context):
        proposals = open_proposals().order_by("-created_at", "-pk")
        shown = list(proposals.only("pk", "proposed_module_title", "created_at")[:PANEL_SIZE])
        count = proposals.count() if len(shown) == PANEL_SIZE else len(shown)
        return {"proposals": shown, "count": count, "more": count - len(shown)}


def add_module_proposals_panel(request, panels):
    if may_make_modules(request):
        panels.append(ModuleProposalsPanel())
