from functools import partial

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from coaching.account.languages import reader_language
from coaching.api.models import TokenScopes
from coaching.api.viewsets import TokenViewSet
from coaching.audit import trail
from coaching.audit.erasures import ErasureLogViewSet, erasure_menu_item
from coaching.audit.viewset import TrailViewSet, trail_menu_item
from coaching.automation.models import EnrolmentRule
from coaching.common import header, wagtail_words
from coaching.learning import withdrawn
from coaching.learning.stuck_views import StuckStepsViewSet, stuck_steps_menu_item
from coaching.learning.version_views import (
    PathVersionsViewSet,
    on_opening_path,
    on_publishing_path,
)
from coaching.notifications.models import Notification
from coaching.notifications.viewsets import ReadOnlyPolicy
from coaching.people.access import coaches_someone, is_hr
from coaching.people.panels import OnboardingOverviewPanel
from coaching.people.policies import HROnlyPolicy
from coaching.people.viewsets import PeopleGroup
from coaching.provisioning.models import ProvisioningToken
from coaching.provisioning.viewsets import ProvisioningTokenViewSet
from coaching.record.proposal_panel import add_module_proposals_panel
from coaching.record.proposal_views import ModuleProposalsViewSet
from coaching.reports.menu import ONBOARDING_REPORTS_HOOK, onboarding_reports_menu
from coaching.reports.panels import TraineesNeedingAttentionPanel
from coaching.reports.viewset import REPORT_NAMES, OnboardingReportsViewSet, report_menu_item
from coaching.rereading import admin_views as read_again_views
from coaching.webhooks.models import Endpoint
from coaching.webhooks.viewsets import EndpointViewSet
from lessons.header import HOOK_NAME as HEADER_ITEMS
from lessons.header import PINNED_HOOK_NAME as HEADER_PINNED_ITEMS
from lessons.header import SIGN_OUT_ORDER
from lessons.reading import HOOK_NAME as READER_LANGUAGE

register_permission_policy(Notification, ReadOnlyPolicy(Notification))
register_permission_policy(ProvisioningToken, HROnlyPolicy(ProvisioningToken))
register_permission_policy(EnrolmentRule, HROnlyPolicy(EnrolmentRule))
register_permission_policy(Endpoint, HROnlyPolicy(Endpoint))
register_permission_policy(TokenScopes, HROnlyPolicy(TokenScopes))

# The portal's header: coaching's pages before the person's name, signing out last.
hooks.register(HEADER_ITEMS, header.coaching_links)
hooks.register(HEADER_ITEMS, header.sign_out, order=SIGN_OUT_ORDER)
hooks.register(HEADER_PINNED_ITEMS, header.notifications)
# Wagtail's pages follow the person's language (lessons.reading).
hooks.register(READER_LANGUAGE, reader_language)
# The JavaScript words Wagtail 8.0's Indonesian lacks (coaching.common.wagtail_words).
hooks.register("insert_global_admin_js", wagtail_words.admin_script)


@hooks.register("register_admin_viewset")
def register_people():
    return PeopleGroup()


@hooks.register("register_admin_viewset")
def register_module_proposals():
    return ModuleProposalsViewSet()


# Proposals waiting, on the admin home of those who may make modules.
hooks.register("construct_homepage_panels", add_module_proposals_panel)


# Onboarding reports (coaching/reports): their screens, their submenu of Reports (which
# the trail and the stuck steps below join) and the dashboard panel.
@hooks.register("register_admin_viewset")
def register_onboarding_reports():
    return OnboardingReportsViewSet()


hooks.register("register_reports_menu_item", onboarding_reports_menu)
for _report in REPORT_NAMES:
    hooks.register(ONBOARDING_REPORTS_HOOK, partial(report_menu_item, _report))


@hooks.register("construct_homepage_panels")
def add_onboarding_overview(request, panels):
    if is_hr(request.user):
        panels.append(OnboardingOverviewPanel())


@hooks.register("construct_homepage_panels")
def add_trainees_needing_attention(request, panels):
    if coaches_someone(request.user):
        panels.append(TraineesNeedingAttentionPanel())


# The onboarding audit trail (coaching/audit): its actions in Wagtail's log, and HR's screen.
hooks.register("register_log_actions", trail.register_actions)
hooks.register(ONBOARDING_REPORTS_HOOK, trail_menu_item)


@hooks.register("register_admin_viewset")
def register_onboarding_trail():
    return TrailViewSet()


# HR's erasure log (coaching/audit/erasures.py).
hooks.register("register_reports_menu_item", erasure_menu_item)


@hooks.register("register_admin_viewset")
def register_erasure_log():
    return ErasureLogViewSet()


# Content that disappears under paths in progress (coaching/learning/withdrawn.py): the
# editor's warning before it goes, and the report of steps nobody can complete.
hooks.register("before_delete_page", withdrawn.before_deleting_page)
hooks.register("before_unpublish_page", withdrawn.before_unpublishing_page)
hooks.register("before_delete_snippet", withdrawn.before_deleting_snippets)
hooks.register("before_unpublish", withdrawn.before_unpublishing)
hooks.register(ONBOARDING_REPORTS_HOOK, stuck_steps_menu_item)


@hooks.register("register_admin_viewset")
def register_stuck_steps():
    return StuckStepsViewSet()


# A path published again while people follow an older version (coaching/learning/versions.py):
# the editor is told how many, with a link to moving them all.
hooks.register("before_edit_snippet", on_opening_path)
hooks.register("after_edit_snippet", on_publishing_path)


@hooks.register("register_admin_viewset")
def register_path_versions():
    return PathVersionsViewSet()


# Asking people who completed a module to read it again (coaching/rereading/admin_views.py).
hooks.register("register_page_header_buttons", read_again_views.ask_button)


@hooks.register("register_admin_viewset")
def register_read_again():
    return read_again_views.ReadAgainViewSet()


# SCIM provisioning (coaching/provisioning): HR's provisioning tokens, under Settings.
@hooks.register("register_admin_viewset")
def register_provisioning_tokens():
    return ProvisioningTokenViewSet()


@hooks.register("register_admin_viewset")
def register_webhook_endpoints():
    return EndpointViewSet()


# The REST API (coaching/api): HR's API tokens with their scopes, under Settings.
@hooks.register("register_admin_viewset")
def register_api_tokens():
    return TokenViewSet()
