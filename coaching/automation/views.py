"""The admin screens of enrolment rules (HR's): the listing, the form with its preview,
the log of a rule's runs and the assignments it made, and "Run now"."""

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from coaching.learning.models import Assignment

from . import describe
from .applying import apply_rule, preview
from .models import EnrolmentRule, EnrolmentRulePath, RuleRun, Trigger

# People a preview names; the rest are counted.
PREVIEW_SIZE = 50
# Runs and assignments the log shows (the newest).
LOG_SIZE = 50


def listed_rules():
    """Rules with what the listing shows: the unit, the paths, the last run. Three queries
    for any number (the page, its paths and their versions' titles)."""
    last = RuleRun.objects.filter(rule=OuterRef("pk")).order_by("-ran_at", "-pk")
    return (
        EnrolmentRule.objects.select_related("business_unit")
        .prefetch_related(
            Prefetch(
                "rule_paths",
                queryset=EnrolmentRulePath.objects.select_related("path").order_by("sort_order"),
            )
        )
        .annotate(
            last_run_at=Subquery(last.values("ran_at")[:1]),
            last_run_made=Subquery(last.values("assignments")[:1]),
        )
    )


class RuleIndexView(generic.IndexView):
    def get_base_queryset(self):
        return listed_rules()

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rules, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = list(rules)
        describe.name_paths(page.object_list)  # the paths in the reader's language, at once
        return paginator, page, page.object_list, is_paginated


class RulePreviewMixin:
    """The form's second button, "Preview who would get what now": the form is checked
    and the preview shown above it, and nothing is saved."""

    request: Any

    def post(self, request, *args, **kwargs):
        if "preview-rule" not in request.POST:
            return super().post(request, *args, **kwargs)  # type: ignore[misc]
        if not hasattr(self, "object"):
            self.object = None
        form = self.get_form()  # type: ignore[attr-defined]
        if not self.is_valid(form):  # type: ignore[attr-defined]
            return self.form_invalid(form)  # type: ignore[attr-defined]
        rule = form.save(commit=False)
        paths = [row.path for row in rule.rule_paths.all() if row.path_id]
        shown = preview(rule, paths, limit=PREVIEW_SIZE)
        context = self.get_context_data(form=form, rule_preview=shown)  # type: ignore[attr-defined]
        return self.render_to_response(context)  # type: ignore[attr-defined]

    def save_instance(self):
        """Save the rule and apply it at once if it is active ("Rule saved" in its log)."""
        with transaction.atomic():
            rule = super().save_instance()  # type: ignore[misc]
            if rule.active:
                apply_rule(rule, trigger=Trigger.RULE_SAVED, by=self.request.user)
        return rule


class RuleCreateView(RulePreviewMixin, generic.CreateView):
    template_name = "coaching/automation/create.html"


class RuleEditView(RulePreviewMixin, generic.EditView):
    template_name = "coaching/automation/edit.html"


class RuleInspectView(generic.InspectView):
    """The rule as it stands, its runs and the assignments it made (the newest of each)."""

    template_name = "coaching/automation/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(listed_rules(), pk=self.pk)

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rule = self.object
        made = Assignment.objects.filter(rule=rule)
        context.update(
            who=describe.who(rule),
            paths=describe.paths(rule),
            due=describe.due(rule),
            coach=describe.coach(rule),
            assigned_by=describe.assigned_by(rule),
            runs=list(rule.runs.select_related("ran_by")[:LOG_SIZE]),
            assignments=list(
                made.select_related("trainee", "version").order_by("-assigned_at", "-pk")[:LOG_SIZE]
            ),
            assignment_count=made.count(),
            run_now_url=reverse("enrolment_rules:run_now", args=[rule.pk]),
            may_run=self.permission_policy.user_has_permission(self.request.user, "change"),
        )
        return context


class RunNowView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Apply the rule to everyone it is about now, after a confirmation. Clicked twice, or
    from two tabs, it assigns once: the second run finds nothing new."""

    permission_required = "change"
    model = EnrolmentRule
    template_name = "coaching/automation/run_now.html"
    header_icon = "resubmit"
    _show_breadcrumbs = True

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.rule = get_object_or_404(EnrolmentRule, pk=kwargs["pk"])

    def get_page_title(self):
        return _("Run the rule “%(name)s” now") % {"name": self.rule.name}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("enrolment_rules:index"), "label": _("Enrolment rules")},
            {
                "url": reverse("enrolment_rules:inspect", args=[self.rule.pk]),
                "label": self.rule.name,
            },
            {"url": "", "label": _("Run now")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rule=self.rule,
            inspect_url=reverse("enrolment_rules:inspect", args=[self.rule.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.rule.active:
            messages.error(request, _("This rule is switched off. Make it active to run it."))
            return redirect("enrolment_rules:inspect", self.rule.pk)
        run = apply_rule(self.rule, trigger=Trigger.RUN_NOW, by=request.user)
        assert run is not None  # a run asked for is always logged
        messages.success(
            request,
            _(
                "“%(name)s” ran: %(matched)s people matched, %(assigned)s got new paths "
                "(%(made)s assignments), %(skipped)s had them already."
            )
            % {
                "name": self.rule.name,
                "matched": run.matched,
                "assigned": run.assigned,
                "made": run.assignments,
                "skipped": run.skipped,
            },
        )
        return redirect("enrolment_rules:inspect", self.rule.pk)


def who_column(rule: EnrolmentRule) -> str:
    return describe.who(rule)


def paths_column(rule: EnrolmentRule) -> str:
    return describe.paths(rule)


def last_run_column(rule: Any) -> str:
    return describe.last_run(rule.last_run_at, rule.last_run_made)


LIST_DISPLAY = [
    "name",
    Column("who", label=gettext_lazy("Who"), accessor=who_column),
    Column("paths", label=gettext_lazy("Paths"), accessor=paths_column),
    Column(
        "last_run", label=gettext_lazy("Last run"), accessor=last_run_column, sort_key="last_run_at"
    ),
    "active",
]
