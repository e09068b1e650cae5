from functools import partial

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from coaching.audit import trail
from coaching.audit.viewset import TrailViewSet, trail_menu_item
from coaching.common import header
from coaching.learning import withdrawn
from coaching.learning.stuck_views import StuckStepsViewSet, stuck_steps_menu_item
from coaching.notifications.models import Notification
from coaching.notifications.viewsets import ReadOnlyPolicy
from coaching.people.access import coaches_someone
from coaching.people.viewsets import PeopleGroup
from coaching.record.proposal_views import ModuleProposalsViewSet
from coaching.reports.panels import TraineesNeedingAttentionPanel
from coaching.reports.viewset import REPORT_NAMES, OnboardingReportsViewSet, report_menu_item
from lessons.header import HOOK_NAME as HEADER_ITEMS
from lessons.header import PINNED_HOOK_NAME as HEADER_PINNED_ITEMS
from lessons.header import SIGN_OUT_ORDER

register_permission_policy(Notification, ReadOnlyPolicy(Notification))

# The portal's header: coaching's pages before the person's name, signing out last.
hooks.register(HEADER_ITEMS, header.coaching_links)
hooks.register(HEADER_ITEMS, header.sign_out, order=SIGN_OUT_ORDER)
hooks.register(HEADER_PINNED_ITEMS, header.notifications)


@hooks.register("register_admin_viewset")
def register_people():
    return PeopleGroup()


@hooks.register("register_admin_viewset")
def register_module_proposals():
    return ModuleProposalsViewSet()


# Onboarding reports (coaching/reports): their screens, menu items and dashboard panel.
@hooks.register("register_admin_viewset")
def register_onboarding_reports():
    return OnboardingReportsViewSet()


for _report in REPORT_NAMES:
    hooks.register("register_reports_menu_item", partial(report_menu_item, _report))


@hooks.register("construct_homepage_panels")
def add_trainees_needing_attention(request, panels):
    if coaches_someone(request.user):
        panels.append(TraineesNeedingAttentionPanel())


# The onboarding audit trail (coaching/audit): its actions in Wagtail's log, and HR's screen.
hooks.register("register_log_actions", trail.register_actions)
hooks.register("register_reports_menu_item", trail_menu_item)


@hooks.register("register_admin_viewset")
def register_onboarding_trail():
    return TrailViewSet()


# Content that disappears under paths in progress (coaching/learning/withdrawn.py): the
# editor's warning before it goes, and the report of steps nobody can complete.
hooks.register("before_delete_page", withdrawn.before_deleting_page)
hooks.register("before_unpublish_page", withdrawn.before_unpublishing_page)
hooks.register("before_delete_snippet", withdrawn.before_deleting_snippets)
hooks.register("before_unpublish", withdrawn.before_unpublishing)
hooks.register("register_reports_menu_item", stuck_steps_menu_item)


@hooks.register("register_admin_viewset")
def register_stuck_steps():
    return StuckStepsViewSet()
