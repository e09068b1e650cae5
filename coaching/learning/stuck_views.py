"""The admin report of steps nobody can complete: steps of paths in progress whose module
or knowledge check was deleted or unpublished, with the new hires waiting on each and a
link to each one's coach page, where the step is waived. For HR and editors (those who
see everyone's reports); registered in coaching/wagtail_hooks."""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet

from coaching.common.names import display_name
from coaching.learning.models import Assignment, ProgressStatus, StepProgress
from coaching.people.access import is_hr
from coaching.reports.exports import DescribedExportMixin
from coaching.reports.scope import sees_everyone
from lessons.models import PathVersionStep

NAMESPACE = "coaching_stuck_steps"


def stuck_steps():
    """Withdrawn steps that active assignments still have to do, annotated `waiting`
    (how many), in one query."""
    waiting = (
        Assignment.objects.active()
        .filter(version=OuterRef("version"))
        .exclude(
            Exists(
                StepProgress.objects.filter(
                    assignment=OuterRef("pk"),
                    step=OuterRef(OuterRef("pk")),
                    status=ProgressStatus.DONE,
                )
            )
        )
        .order_by()
        .values("version")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        PathVersionStep.objects.withdrawn()
        .annotate(waiting=Coalesce(Subquery(waiting), Value(0)))
        .filter(waiting__gt=0)
        .select_related("version")
        .order_by("version__title", "version__number", "position")
    )


def attach_people(steps):
    """Give each step `people`: the new hires waiting on it, as (user, assignment), in
    two queries for any number of steps."""
    steps = list(steps)
    done = set(
        StepProgress.objects.filter(step__in=steps, status=ProgressStatus.DONE).values_list(
            "assignment_id", "step_id"
        )
    )
    by_version = defaultdict(list)
    assignments = (
        Assignment.objects.active()
        .filter(version__in={step.version_id for step in steps})
        .select_related("trainee", "version")  # `str(assignment)` names its version
        .order_by("trainee__first_name", "trainee__last_name", "trainee__username")
    )
    for assignment in assignments:
        by_version[assignment.version_id].append(assignment)
    for step in steps:
        step.people = [
            assignment
            for assignment in by_version[step.version_id]
            if (assignment.pk, step.pk) not in done
        ]
        step.people_names = ", ".join(display_name(a.trainee) for a in step.people)
        step.position_number = step.position + 1
    return steps


class PeopleColumn(Column):
    cell_template_name = "coaching/learning/admin/people_cell.html"


class StuckStepsView(DescribedExportMixin, ReportView):
    page_title = _("Steps nobody can complete")
    header_icon = "warning"
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:results"
    results_template_name = "coaching/learning/admin/stuck_steps_results.html"
    # Who waits, with a link to each one's coach page, is for HR only: an editor sees how
    # many (a coach page would answer them 404).
    content_columns = [
        Column("path", label=_("Learning path"), accessor="version"),
        Column("number", label=_("Step"), accessor="position_number"),
        Column("title", label=_("Title")),
        Column("withdrawal_label", label=_("What happened")),
        Column("waiting", label=_("People waiting")),
    ]
    people_column = PeopleColumn("people", label=_("Their coach pages"))
    content_export = ["version", "position_number", "title", "withdrawal_label", "waiting"]
    export_headings = {
        "version": _("Learning path"),
        "position_number": _("Step"),
        "title": _("Title"),
        "withdrawal_label": _("What happened"),
        "waiting": _("People waiting"),
        "people_names": _("New hires"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not sees_everyone(request.user):
            raise Http404
        self.shows_people = is_hr(request.user)
        return super().dispatch(request, *args, **kwargs)

    @property
    def columns(self):
        return self.content_columns + ([self.people_column] if self.shows_people else [])

    @property
    def list_export(self):
        return self.content_export + (["people_names"] if self.shows_people else [])

    def get_queryset(self):
        return stuck_steps()

    def get_filename(self):
        return "onboarding-stuck-steps"

    def decorate_paginated_queryset(self, object_list):
        return attach_people(object_list)


class StuckStepsViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "reports/stuck-steps"

    def get_urlpatterns(self):
        return [
            path("", StuckStepsView.as_view(), name="index"),
            path("results/", StuckStepsView.as_view(results_only=True), name="results"),
        ]


class StuckStepsMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_everyone(request.user)


def stuck_steps_menu_item():
    return StuckStepsMenuItem(
        _("Steps nobody can complete"),
        reverse(f"{NAMESPACE}:index"),
        name="onboarding-stuck-steps",
        icon_name="warning",
        order=180,
    )
