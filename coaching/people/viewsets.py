"""Wagtail admin screens for HR: new hires, who coaches whom, and (in the same menu group)
notification emails. Registered in coaching/wagtail_hooks.py."""

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton

from coaching.audit import trail
from coaching.automation.viewsets import EnrolmentRuleViewSet
from coaching.common.names import display_name
from coaching.common.numbers import figure
from coaching.importing.viewset import PeopleImportViewSet
from coaching.learning.overview import trainee_overview
from coaching.notifications.viewsets import NotificationViewSet
from coaching.people import hiring, invitation
from coaching.people.access import is_hr
from coaching.people.choosing import NamesPeople
from coaching.people.filters import TraineeFilterSet
from coaching.people.models import CoachRelationship, TraineeProfile
from coaching.people.onboarding import OnboardingStatus, with_status


# The list's rows: profiles annotated and prefetched by TraineeProfileIndexView.
def _primary_coach(profile: Any) -> str:
    links = profile.user.primary_links  # prefetched by the index view
    return display_name(links[0].coach) if links else "—"


def _progress(profile: Any) -> str:
    return _("%(percent)s %%") % {"percent": figure(profile.percent)}


def _status(profile: Any) -> str:
    return OnboardingStatus.label(profile.onboarding_status)


class TraineeProfileIndexView(generic.IndexView):
    """New hires with their coach, progress and where onboarding stands; each with HR's
    answers to personal-data requests in its "More" menu. Three queries for any number
    (count, the page, the page's coaches)."""

    def get_base_queryset(self):
        primary = CoachRelationship.objects.active().filter(is_primary=True).select_related("coach")
        profiles = trainee_overview(TraineeProfile.objects.all()).prefetch_related(
            Prefetch("user__coach_relationships", queryset=primary, to_attr="primary_links")
        )
        return with_status(profiles)

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if is_hr(self.request.user):  # coaching/importing: a file of new hires from HR's system
            buttons.append(
                HeaderButton(
                    _("Import new hires"),
                    url=reverse("people_imports:upload"),
                    icon_name="upload",
                    priority=20,
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change") and invitation.may_invite(instance.user):
            buttons.append(
                MenuItem(
                    _("Send a new invitation"),
                    url=reverse("trainees:invite", args=[instance.pk]),
                    icon_name="mail",
                    priority=30,
                )
            )
        if is_hr(self.request.user):
            buttons += [
                MenuItem(
                    _("Export their data"),
                    url=reverse("coaching:export_person", args=[instance.user_id]),
                    icon_name="download",
                    priority=40,
                ),
                MenuItem(
                    _("Erase the person"),
                    url=reverse("coaching:erase_person", args=[instance.user_id]),
                    icon_name="bin",
                    priority=50,
                ),
            ]
        return buttons


class InviteAgainView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Send a new hire a new invitation to choose a password (the link expires), after a
    confirmation; a double click sends one."""

    permission_required = "change"
    model = TraineeProfile
    template_name = "coaching/people/invite_again.html"
    header_icon = "mail"
    index_url_name = "trainees:index"  # the viewset passes its own

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.profile = get_object_or_404(
            TraineeProfile.objects.select_related("user"), pk=kwargs["pk"]
        )

    def get_page_title(self):
        return _("Send %(name)s a new invitation") % {"name": self.profile}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            profile=self.profile,
            may_invite=invitation.may_invite(self.profile.user),
            index_url=reverse(self.index_url_name),
        )
        return context

    def post(self, request, *args, **kwargs):
        if invitation.invite_again(self.profile, by=request.user):
            messages.success(
                request,
                _("A new invitation is on its way to %(email)s.")
                % {"email": self.profile.user.email},
            )
        elif invitation.may_invite(self.profile.user):
            messages.info(request, _("An invitation was sent a moment ago."))
        else:
            messages.error(
                request, _("%(name)s has chosen a password already.") % {"name": self.profile}
            )
        return redirect(self.index_url_name)


class NewHireCreateView(generic.CreateView):
    """One form for a new hire: the account, the profile and the coaching link together,
    and the invitation to set a password."""

    page_title = _("Add a new hire")
    submit_button_label = _("Add and send the invitation")

    def get_breadcrumbs_items(self):
        *items, here = super().get_breadcrumbs_items()
        return [*items, {**here, "label": self.page_title}]

    def get_form_class(self):
        return hiring.NewHireForm

    def save_instance(self):
        return hiring.hire_from(self.form, by=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except hiring.EmailTaken:
            form.add_error("email", hiring.EMAIL_TAKEN)
            return self.form_invalid(form)

    def get_success_message(self, instance):
        return _(
            "%(name)s is a new hire. The invitation to set a password is on its way to %(email)s."
        ) % {"name": display_name(instance.user), "email": instance.user.email}


class TraineeProfileViewSet(NamesPeople, ModelViewSet):
    model = TraineeProfile
    name = "trainees"
    url_prefix = "onboarding/new-hires"
    icon = "user"
    menu_label = _("New hires")
    index_view_class = TraineeProfileIndexView
    add_view_class = NewHireCreateView
    copy_view_enabled = False  # a new hire is a new person: "Add a new hire"
    add_to_admin_menu = False
    form_fields = ["user", "start_date", "business_unit", "job_title", "buddy"]
    list_display = [
        "__str__",
        Column("coach", label=_("Coach"), accessor=_primary_coach),
        # Annotated by trainee_overview, in the reader's language.
        Column("unit_name", label=_("Business unit"), sort_key="unit_name"),
        "start_date",
        Column("progress", label=_("Progress"), accessor=_progress, sort_key="percent"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=_status,
            primary=lambda profile: profile.onboarding_status == OnboardingStatus.COMPLETED,
        ),
    ]
    filterset_class = TraineeFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__username", "job_title"]

    def get_urlpatterns(self):
        invite_again = self.construct_view(InviteAgainView)
        return [*super().get_urlpatterns(), path("<int:pk>/invite/", invite_again, name="invite")]


class CoachRelationshipCreateView(generic.CreateView):
    def save_instance(self):
        with transaction.atomic():
            link = super().save_instance()
            trail.record_on_link(link, "coaching.link_start", by=self.request.user)
        return link


class CoachRelationshipEditView(generic.EditView):
    def save_instance(self):
        with transaction.atomic():
            link = super().save_instance()
            if "ends_on" in self.form.changed_data and link.ends_on is not None:
                trail.record_on_link(link, "coaching.link_end", by=self.request.user)
        return link


def _link_status(link: CoachRelationship) -> str:
    if link.starts_on > timezone.localdate():
        return _("Starts on %(day)s") % {
            "day": formats.date_format(link.starts_on, "MONTH_DAY_FORMAT")
        }
    return str(_("Active") if link.is_active else _("Ended"))


class CoachRelationshipViewSet(NamesPeople, ModelViewSet):
    model = CoachRelationship
    name = "coach_relationships"
    url_prefix = "onboarding/coach-relationships"
    icon = "group"
    menu_label = _("Coach relationships")
    add_view_class = CoachRelationshipCreateView
    edit_view_class = CoachRelationshipEditView
    add_to_admin_menu = False
    form_fields = ["coach", "trainee", "is_primary", "starts_on", "ends_on"]
    list_display = [
        "__str__",
        Column("trainee", label=_("New hire"), accessor=lambda link: display_name(link.trainee)),
        Column("coach", label=_("Coach"), accessor=lambda link: display_name(link.coach)),
        BooleanColumn("is_primary", label=_("Primary coach")),
        "starts_on",
        "ends_on",
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=_link_status,
            primary=lambda link: link.is_active,
        ),
    ]
    list_filter = ["is_primary"]
    search_fields = [
        "trainee__first_name",
        "trainee__last_name",
        "coach__first_name",
        "coach__last_name",
    ]

    def get_queryset(self, request):
        return CoachRelationship.objects.select_related("coach", "trainee")


class PeopleGroup(ModelViewSetGroup):
    items = (
        TraineeProfileViewSet,
        CoachRelationshipViewSet,
        PeopleImportViewSet,
        EnrolmentRuleViewSet,
        NotificationViewSet,
    )
    menu_icon = "group"
    menu_label = _("Onboarding people")
    menu_name = "onboarding-people"
