"""The report pages: Wagtail `ReportView`s over aggregate rows, with a chart and exports.

Each view computes all its rows in a fixed number of queries (groups are few: paths,
units, coaches, months, steps), so the page and its CSV and XLSX exports show the same
rows; nothing is paginated.
"""

from dataclasses import replace

from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from coaching.common.numbers import figure, is_figure
from coaching.common.types import Text
from coaching.learning.models import Assignment
from coaching.record.models import GoalStatus
from lessons.models import LearningPath

from . import charts
from .completion import DIMENSIONS, completion
from .exports import DescribedExportMixin
from .filters import AssignmentFilterSet, RecordFilterSet, ReportFilters
from .funnel import question_rates, step_funnel
from .reading import content_freshness
from .record import SERIES, goals_by_status, recognition_over_time
from .scope import require_report_scope, scope_for_request

NAMESPACE = "onboarding_reports"
# Goals by status: done is green, on track under way, at risk and behind amber (dotted,
# striped).
GOAL_TONES = {
    GoalStatus.ON_TRACK: charts.PROGRESS,
    GoalStatus.AT_RISK: charts.ATTENTION,
    GoalStatus.BEHIND: charts.BEHIND,
    GoalStatus.DONE: charts.DONE,
}


# Query parameters that are not filters, left out of the tabs' links.
NOT_FILTERS = ("export", "p", "_w_filter_fragment")
# A figure that cannot be worked out (the median of no completions), on the page and in
# the exports alike.
NO_FIGURE = "\N{EN DASH}"


def chart_series(name, rows, field, tone=None):
    """A chart's series: `field` of each row, named `name`, drawn in `tone` (a meaning's
    colour; without one, the next of the chart's categorical colours)."""
    return {"name": name, "values": [row[field] for row in rows], "tone": tone}


class FigureColumn(Column):
    """A report's column: a figure in the reader's language (1.234, 12,5), or NO_FIGURE
    where it could not be worked out."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return NO_FIGURE if value is None else figure(value)


class OnboardingReportView(DescribedExportMixin, ReportView):
    """A report over the figures a person may see (`scope.report_scope`)."""

    template_name = "coaching/reports/report.html"
    results_template_name = "coaching/reports/results.html"
    paginate_by = None
    filterset_class = AssignmentFilterSet
    header_icon = "table"
    url_name = ""
    # [(field, heading)] of the table and of the exports, in order.
    fields: tuple[tuple[str, Text], ...] = ()
    # The report's variants as tabs: {slug: label}; the URL's `by` picks one.
    tabs: dict[str, Text] = {}
    chart_description = ""
    # Figures about people (goals, recognition) rather than the content: not for editors
    # unless they are HR or coach (`scope.sees_everyone`).
    people_data = False
    # The tabs (values of `by`) that are people data in a report that otherwise is not.
    people_data_tabs: frozenset[str] = frozenset()

    @classmethod
    def is_people_data(cls, by=None):
        """Whether the report grouped `by` counts people data: the view, its menu item and
        its tabs ask this one question of `scope_for_request`."""
        return cls.people_data or by in cls.people_data_tabs

    def dispatch(self, request, *args, **kwargs):
        self.scope = require_report_scope(request, self.is_people_data(kwargs.get("by")))
        if self.tabs and kwargs.get("by") not in self.tabs:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def by(self):
        return self.kwargs.get("by")

    def get_index_url(self):
        return reverse(f"{NAMESPACE}:{self.url_name}", kwargs=self.kwargs)

    def get_index_results_url(self):
        return reverse(f"{NAMESPACE}:{self.url_name}_results", kwargs=self.kwargs)

    def get_filename(self):
        return "-".join(filter(None, ["onboarding", self.url_name, self.by]))

    def get_filterset_kwargs(self):
        # The filter sets only build the form; `report_filters` applies what was chosen.
        return {**super().get_filterset_kwargs(), "queryset": Assignment.objects.none()}

    @cached_property
    def report_filters(self):
        return ReportFilters.from_filterset(self.filters)

    def get_fields(self):
        return list(self.fields)

    @cached_property
    def rows(self):
        return self.get_rows()

    def get_queryset(self):
        return self.rows

    def get_filtered_queryset(self):
        return self.rows

    @cached_property
    def field_headings(self):
        return self.get_fields()

    @property
    def list_export(self):
        return [field for field, _heading in self.field_headings]

    @property
    def export_headings(self):
        return dict(self.field_headings)

    @property
    def columns(self):
        return [FigureColumn(field, label=heading) for field, heading in self.field_headings]

    def preprocess_field_value(self, field, value, export_format):
        if value is None:
            return NO_FIGURE
        if export_format == self.FORMAT_CSV and is_figure(value):
            # A CSV is text: its figures read as the page's do. An XLSX keeps numbers,
            # which the spreadsheet shows in its reader's language.
            return figure(value)
        return super().preprocess_field_value(field, value, export_format)

    def get_export_notes(self):
        if self.scope.everyone:
            return []
        return [[_("Counting"), _("These figures count only the new hires you coach.")]]

    def tab_links(self):
        """The report grouped each other way, with the same filters."""
        query = self.request.GET.copy()
        for name in NOT_FILTERS:
            query.pop(name, None)
        suffix = f"?{query.urlencode()}" if query else ""
        return [
            {
                "label": label,
                "url": reverse(f"{NAMESPACE}:{self.url_name}", kwargs={"by": slug}) + suffix,
                "current": slug == self.by,
            }
            for slug, label in self.tabs.items()
            # only the tabs the person may open (no people data for editors who are not HR)
            if scope_for_request(self.request, self.is_people_data(slug)) is not None
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["tabs"] = self.tab_links()
        context["coach_scope"] = not self.scope.everyone
        if not self.is_export:
            context["chart"] = self.get_chart(self.rows)
        return context


class CompletionReportView(OnboardingReportView):
    page_title = gettext_lazy("Completion")
    header_icon = "tasks"
    url_name = "completion"
    tabs = {slug: dimension.heading for slug, dimension in DIMENSIONS.items()}
    # Completion by coach says how each coach's people are doing: people data.
    people_data_tabs = frozenset({"coach"})

    def get_page_subtitle(self):
        return _("by %(dimension)s") % {"dimension": str(DIMENSIONS[self.by].heading).lower()}

    def get_fields(self):
        return [
            ("label", DIMENSIONS[self.by].heading),
            ("assigned", _("Assigned")),
            ("in_progress", _("In progress")),
            ("overdue", _("Overdue")),
            ("completed", _("Completed")),
            ("completion_rate", _("Completed (%)")),
            ("median_days", _("Median days to complete")),
        ]

    def get_rows(self):
        return completion(self.scope, self.report_filters, by=self.by)

    def get_chart(self, rows):
        return charts.stacked_bars(
            chart_id="completion-chart",
            title=_("Assignments by %(dimension)s")
            % {"dimension": str(DIMENSIONS[self.by].heading).lower()},
            description=_(
                "Each bar is one group's assignments: completed, in progress on time, "
                "and overdue. The table below holds the same figures."
            ),
            categories=[row["label"] for row in rows],
            series=[
                chart_series(_("Completed"), rows, "completed", charts.DONE),
                chart_series(_("In progress, on time"), rows, "on_track", charts.PROGRESS),
                chart_series(_("Overdue"), rows, "overdue", charts.OVERDUE),
            ],
        )


class PathReportView(OnboardingReportView):
    """A report about one learning path: the chosen one, or the first by title."""

    @cached_property
    def report_filters(self):
        filters = ReportFilters.from_filterset(self.filters)
        if filters.path is None and self.requires_path:
            first = LearningPath.objects.assignable()
            filters = replace(filters, path=first.first())
        return filters

    requires_path = True

    def get_page_subtitle(self):
        learning_path = self.report_filters.path
        return learning_path.current_version.localized_title if learning_path else ""

    def get_export_title(self):
        subtitle = self.get_page_subtitle()
        if not subtitle:
            return str(self.page_title)
        return _("%(report)s: %(path)s") % {"report": self.page_title, "path": subtitle}


class StepFunnelReportView(PathReportView):
    page_title = gettext_lazy("Step funnel")
    header_icon = "list-ol"
    url_name = "funnel"
    fields = (
        ("number", gettext_lazy("Step")),
        ("title", gettext_lazy("Title")),
        ("kind", gettext_lazy("Kind")),
        ("done", gettext_lazy("Done")),
        ("done_rate", gettext_lazy("Done (% of assigned)")),
        ("waived", gettext_lazy("Of which waived")),
        ("waiting", gettext_lazy("Waiting for sign-off")),
        ("returned", gettext_lazy("Sent back")),
        ("stopped_here", gettext_lazy("In progress, stopped here")),
        ("drop_off", gettext_lazy("Drop-off from the step before")),
    )

    @cached_property
    def funnel(self):
        """(the rows, how many assignments they are of)."""
        return step_funnel(self.scope, self.report_filters)

    def get_rows(self):
        return self.funnel[0]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["note"] = _(
            "Percentages are of the %(count)s assignments of this path that the filters "
            "select. A new hire in progress with n steps done is counted as stopped at "
            "step n + 1, as steps are usually taken in order."
        ) % {"count": self.funnel[1]}
        return context

    def get_chart(self, rows):
        return charts.stacked_bars(
            chart_id="funnel-chart",
            title=_("New hires through each step"),
            description=_(
                "One bar per step, in order: done, waiting for sign-off and sent back. "
                "The table below holds the same figures."
            ),
            categories=[f"{row['number']}. {row['title']}" for row in rows],
            series=[
                chart_series(_("Done"), rows, "done", charts.DONE),
                chart_series(_("Waiting for sign-off"), rows, "waiting", charts.PROGRESS),
                chart_series(_("Sent back"), rows, "returned", charts.ATTENTION),
            ],
        )


class QuestionsReportView(PathReportView):
    page_title = gettext_lazy("Knowledge check questions")
    header_icon = "help"
    url_name = "questions"
    requires_path = False
    fields = (
        ("check", gettext_lazy("Knowledge check")),
        ("question", gettext_lazy("Question")),
        ("answered", gettext_lazy("Answered")),
        ("correct", gettext_lazy("Correct")),
        ("correct_rate", gettext_lazy("Correct (%)")),
    )

    def get_rows(self):
        return question_rates(self.scope, self.report_filters)

    def get_chart(self, rows):
        return charts.stacked_bars(
            chart_id="questions-chart",
            title=_("Share of answers that were correct, per question"),
            description=_(
                "One bar per question of every attempt: the lower, the harder. "
                "The table below holds the same figures."
            ),
            categories=[row["question"] for row in rows],
            series=[chart_series(_("Correct"), rows, "correct_rate", charts.PROGRESS)],
            suffix="%",
            maximum=100,  # a full bar is every answer correct
        )


class RecognitionReportView(OnboardingReportView):
    page_title = gettext_lazy("Recognition")
    header_icon = "pick"
    url_name = "recognition"
    filterset_class = RecordFilterSet
    people_data = True
    tabs = {slug: spec["heading"] for slug, spec in SERIES.items()}

    def get_page_subtitle(self):
        return _("by %(dimension)s") % {"dimension": str(SERIES[self.by]["heading"]).lower()}

    @cached_property
    def series_and_rows(self):
        return recognition_over_time(self.scope, self.report_filters, by=self.by)

    @property
    def series(self):
        return self.series_and_rows[0]

    def get_rows(self):
        return self.series_and_rows[1]

    def get_fields(self):
        return [
            ("label", _("Month")),
            *((item["field"], item["name"]) for item in self.series),
            ("total", _("Total")),
        ]

    def get_chart(self, rows):
        return charts.lines(
            chart_id="recognition-chart",
            title=_("Recognition each month by %(dimension)s")
            % {"dimension": str(SERIES[self.by]["heading"]).lower()},
            description=_("One line per series. The table below holds the same figures."),
            x_labels=[row["label"] for row in rows],
            series=[chart_series(item["name"], rows, item["field"]) for item in self.series],
        )


class GoalsReportView(OnboardingReportView):
    page_title = gettext_lazy("Goals")
    header_icon = "crosshairs"
    url_name = "goals"
    filterset_class = RecordFilterSet
    people_data = True

    def get_fields(self):
        return [
            ("label", _("Business unit")),
            *((status.value, status.label) for status in GoalStatus),
            ("total", _("Total")),
        ]

    def get_rows(self):
        return goals_by_status(self.scope, self.report_filters)

    def get_chart(self, rows):
        return charts.stacked_bars(
            chart_id="goals-chart",
            title=_("Goals by status"),
            description=_(
                "One bar per business unit, split by the goals' status. "
                "The table below holds the same figures."
            ),
            categories=[row["label"] for row in rows],
            series=[
                chart_series(status.label, rows, status.value, GOAL_TONES[status])
                for status in GoalStatus
            ],
        )


class ContentFreshnessReportView(OnboardingReportView):
    """Whether content stays true (coaching.rereading, lessons.models.freshness): the
    reviews of pages and paths, and who has read each page as it stands. A step stays done
    after a change people must read, so "read as it stands" is what tells."""

    page_title = gettext_lazy("Content freshness")
    header_icon = "doc-full"
    url_name = "content_freshness"
    fields = (
        ("module", gettext_lazy("Content")),
        ("kind", gettext_lazy("What it is")),
        ("owner", gettext_lazy("Kept up to date by")),
        ("last_reviewed_on", gettext_lazy("Last reviewed on")),
        ("review_by", gettext_lazy("Next review by")),
        ("completed", gettext_lazy("Completed")),
        ("up_to_date", gettext_lazy("Read as it stands")),
        ("up_to_date_rate", gettext_lazy("Read as it stands (%)")),
        ("to_read_again", gettext_lazy("Read only an outdated version")),
        ("read_again", gettext_lazy("Read again")),
        ("last_change", gettext_lazy("Last change people must read")),
    )

    def get_rows(self):
        return content_freshness(self.scope, self.report_filters)

    def get_chart(self, rows):
        rows = [row for row in rows if row["up_to_date"] is not None]  # pages, not paths
        return charts.stacked_bars(
            chart_id="content-freshness-chart",
            title=_("Pages read as they stand, and read only in an outdated version"),
            description=_(
                "One bar per page: the people who completed it, split into those who read "
                "it as it stands and those who read only an outdated version. The table "
                "below holds the same figures."
            ),
            categories=[row["module"] for row in rows],
            series=[
                chart_series(_("Read as it stands"), rows, "up_to_date", charts.DONE),
                chart_series(
                    _("Read only an outdated version"), rows, "to_read_again", charts.ATTENTION
                ),
            ],
        )
