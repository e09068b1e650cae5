"""The coach dashboard: new hires at a glance, one new hire in depth, and assigning."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from coaching.common.ids import parse_id
from coaching.common.pages import paginate, posted, render_page, url_prefix
from coaching.common.types import Text
from coaching.conf import coaching_settings
from coaching.learning import assigning, progress, versions
from coaching.learning.forms import (
    AssignForm,
    CheckinNotesForm,
    DueDateForm,
    GrantAttemptsForm,
    MoveVersionForm,
    PlanCheckinForm,
    ReadAgainForm,
    RequiredNoteForm,
    SignOffForm,
    WaiveForm,
)
from coaching.learning.journeys import journeys
from coaching.learning.lookups import (
    coached_assignment_or_404,
    posted_step_or_404,
    refusing_stale_coach_pages,
)
from coaching.learning.models import (
    Assignment,
    CheckAttempt,
    Evidence,
    ExtraAttempts,
    ProgressStatus,
)
from coaching.learning.needs import needs_of
from coaching.learning.overview import SORTS, attach_paths, filter_overview, trainee_overview
from coaching.people.access import coached_profiles, coached_trainee_or_404, require_coach
from coaching.record.timeline import upcoming_one_on_ones
from lessons.models import BusinessUnit, LearningPath


@login_required
def dashboard(request):
    require_coach(request.user)
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "name"
    unit = parse_id(request.GET.get("unit"))
    path = parse_id(request.GET.get("path"))
    overdue_only = request.GET.get("overdue") == "1"
    rows = filter_overview(
        trainee_overview(coached_profiles(request.user)),
        unit=unit,
        path=path,
        overdue_only=overdue_only,
    ).order_by(*SORTS[sort])
    page, query = paginate(request, rows, coaching_settings.DASHBOARD_PAGE_SIZE)
    page.object_list = attach_paths(page.object_list)
    return render_page(
        request,
        "coaching/learning/dashboard/home.html",
        {
            "page_obj": page,
            "trainee_url_prefix": url_prefix("coaching:trainee"),  # + the id + "/", a row
            "sort": sort,
            "units": BusinessUnit.objects.for_choosing(),
            "paths": LearningPath.objects.assignable(),
            "filters": {"unit": unit, "path": path, "overdue": overdue_only},
            "needs": needs_of(request.user),
            "query": query,
            "sorts": [
                ("name", _("Name")),
                ("-progress", _("Most progress")),
                ("progress", _("Least progress")),
                ("overdue", _("Most overdue")),
                ("waiting", _("Waiting for sign-off")),
                ("activity", _("Recent activity")),
                ("due", _("Next due")),
            ],
        },
    )


@login_required
def trainee_detail(request, trainee_id):
    return _trainee_page(request, coached_trainee_or_404(request.user, trainee_id))


def _trainee_page(request, trainee, refused=None):
    """A new hire's page for their coach: every assignment, step by step, with the coach's
    forms on each. `refused` is a form just sent and not valid: it is shown again in its
    place, with its errors beside its fields and what was typed in them."""
    # With each path's current version: an assignment on an older one is offered the move.
    assignments = (
        Assignment.objects.for_trainee(trainee)
        .select_related("path__current_version")
        .order_by("status", "due_on")
    )
    attempts: dict[tuple[int, int], list[CheckAttempt]] = {}
    for attempt in CheckAttempt.objects.filter(assignment__trainee=trainee).order_by("number"):
        attempts.setdefault((attempt.assignment_id, attempt.step_id), []).append(attempt)
    extra = {
        (row.assignment_id, row.step_id): row.count
        for row in ExtraAttempts.objects.filter(assignment__trainee=trainee)
    }
    evidence: dict[int, list[Evidence]] = {}
    for file in Evidence.objects.filter(progress__assignment__trainee=trainee):
        evidence.setdefault(file.progress_id, []).append(file)
    all_journeys = journeys(assignments)
    for journey in all_journeys:
        journey.forms = CoachForms(journey.assignment, refused=refused)
        for state in journey.steps:
            state.attempts = attempts.get((journey.assignment.pk, state.step.pk), [])
            state.extra_attempts = extra.get((journey.assignment.pk, state.step.pk), 0)
            state.evidence = evidence.get(state.progress.pk, []) if state.progress else []
            state.forms = CoachForms(journey.assignment, state.number, refused)
    return render_page(
        request,
        "coaching/learning/dashboard/trainee.html",
        {
            "trainee": trainee,
            "journeys": all_journeys,
            "waiting": [
                (journey, state)
                for journey in all_journeys
                for state in journey.steps
                if state.status == ProgressStatus.SUBMITTED
            ],
            "refused": refused,
            "one_on_ones": upcoming_one_on_ones(trainee),
        },
    )


@login_required
def assign(request):
    """Assign a path. Opened from a new hire's page (`?trainee=`), the new hire is chosen
    already and the coach goes back to their page. People who have the path on an older
    version are offered the move to the latest one instead, with the due date typed."""
    require_coach(request.user)
    initial = {}
    trainee = None
    if trainee_id := parse_id(request.GET.get("trainee")):
        chosen = coached_profiles(request.user).filter(user_id=trainee_id)
        initial["trainees"] = chosen
        trainee = chosen.select_related("user").first()
    form = AssignForm(posted(request), user=request.user, initial=initial)
    moves, due_offer = [], None
    if request.method == "POST" and form.is_valid():
        learning_path = form.cleaned_data["path"]
        try:
            result = assigning.assign_path(
                learning_path, form.profiles(), assigned_by=request.user, **form.due()
            )
        except assigning.AssignmentError as error:
            form.add_error("path", str(error))
        else:
            _report_assignment(request, learning_path, result)
            moves = [
                (older, _move_form(older, learning_path.current_version.number))
                for older in result.on_older_version
            ]
            due_offer = _due_date_offer(form, result.other_due_date)
            if not moves and not due_offer:
                if trainee:
                    return redirect("coaching:trainee", trainee.user_id)
                return redirect("coaching:dashboard")
    return render_page(
        request,
        "coaching/learning/dashboard/assign.html",
        {"form": form, "moves": moves, "due_offer": due_offer, "trainee": trainee},
    )


def _due_date_offer(form, other_due_date):
    """The one-click change offered to people who have the path already, on this version,
    due on another day than the one typed: the same assignment again, for them alone,
    with "change the due date" ticked (so it goes through `assign_path`, in bulk, and
    sending it twice changes nothing more). None when there is nobody to offer it to."""
    if not other_due_date:
        return None
    data = form.cleaned_data
    fields = [
        ("path", data["path"].pk),
        ("target", "people"),
        ("due_kind", data["due_kind"]),
        ("change_due_dates", "on"),
        *(("trainees", person.profile_id) for person in other_due_date),
    ]
    if data["due_kind"] == "date":
        fields.append(("due_on", data["due_on"].isoformat()))
        button = _("Change their due date to %(day)s") % {
            "day": date_format(data["due_on"], "DATE_FORMAT")
        }
    else:
        fields.append(("due_after_start_days", data["due_after_start_days"]))
        button = ngettext(
            "Change their due dates to %(days)s day after their start date",
            "Change their due dates to %(days)s days after their start date",
            data["due_after_start_days"],
        ) % {"days": data["due_after_start_days"]}
    return {"people": other_due_date, "fields": fields, "button": button}


def _move_form(older, version_number):
    """The move offered to someone who has the path on an older version, with the due
    date typed for them: the form a new hire's page shows, with the same ids."""
    return MoveVersionForm(
        auto_id=_form_ids("move_version", older.assignment_id),
        initial={"version": version_number, "due_on": older.due_on},
    )


def _report_assignment(request, learning_path, result):
    if result.created:
        messages.success(
            request,
            ngettext(
                "Assigned %(path)s to %(count)s person.",
                "Assigned %(path)s to %(count)s people.",
                result.created,
            )
            % {"path": learning_path.current_version.localized_title, "count": result.created},
        )
    elif not result.due_date_changed:
        messages.warning(request, _("Nobody new was assigned."))
    if result.due_date_changed:
        messages.success(
            request,
            _("Changed the due date of %(people)s.")
            % {
                "people": ", ".join(
                    _("%(name)s (now %(day)s)")
                    % {"name": person.name, "day": date_format(person.typed, "DATE_FORMAT")}
                    for person in result.due_date_changed
                )
            },
        )
    if result.already_assigned:
        messages.info(
            request,
            _("Already assigned, so left as they were: %(names)s.")
            % {"names": ", ".join(result.already_assigned)},
        )
    if result.without_start_date:
        messages.warning(
            request,
            _("No start date on record, so no due date for: %(names)s.")
            % {"names": ", ".join(result.without_start_date)},
        )


@dataclass(frozen=True)
class CoachAction:
    """What a coach does to an assignment (or one of its steps), through one small form."""

    run: Callable  # (assignment, step or None, the form's cleaned data, coach)
    done: Text
    form: type[forms.Form] | None = None
    initial: Callable = lambda assignment: {}  # the form's starting values


COACH_ACTIONS = {
    "cancel_assignment": CoachAction(
        lambda assignment, step, data, coach: assigning.cancel_assignment(assignment, by=coach),
        gettext_lazy("Assignment cancelled. Its progress stays on record."),
    ),
    "change_due": CoachAction(
        lambda assignment, step, data, coach: assigning.change_due_date(
            assignment, data["due_on"], by=coach
        ),
        gettext_lazy("Due date changed."),
        DueDateForm,
        lambda assignment: {"due_on": assignment.due_on},
    ),
    "sign_off": CoachAction(
        lambda assignment, step, data, coach: progress.sign_off(
            assignment, step, coach=coach, comment=data["text"]
        ),
        gettext_lazy("Signed off."),
        SignOffForm,
    ),
    "send_back": CoachAction(
        lambda assignment, step, data, coach: progress.send_back(
            assignment, step, coach=coach, comment=data["text"]
        ),
        gettext_lazy("Sent back with your comment."),
        RequiredNoteForm,
    ),
    "plan_checkin": CoachAction(
        lambda assignment, step, data, coach: progress.plan_checkin(
            assignment, step, coach=coach, when=data["when"]
        ),
        gettext_lazy("Check-in planned."),
        PlanCheckinForm,
    ),
    "record_checkin": CoachAction(
        lambda assignment, step, data, coach: progress.record_checkin(
            assignment, step, coach=coach, notes=data["text"]
        ),
        gettext_lazy("Check-in recorded."),
        CheckinNotesForm,
    ),
    "move_version": CoachAction(
        lambda assignment, step, data, coach: versions.move_assignment(
            assignment, by=coach, due_on=data["due_on"], version_number=data["version"]
        ),
        gettext_lazy(
            "Moved to the latest version. What was done on the steps it keeps is kept; "
            "its new steps are open."
        ),
        MoveVersionForm,
        lambda assignment: {
            "due_on": assignment.due_on,
            "version": _latest_number(assignment),
        },
    ),
    "grant_attempts": CoachAction(
        lambda assignment, step, data, coach: progress.grant_attempts(
            assignment, step, coach=coach, attempts=data["attempts"], reason=data["reason"]
        ),
        gettext_lazy("More attempts granted. The new hire can take the check again."),
        GrantAttemptsForm,
    ),
    "waive": CoachAction(
        lambda assignment, step, data, coach: progress.waive(
            assignment, step, coach=coach, reason=data["reason"]
        ),
        gettext_lazy("Step waived. It counts as done."),
        WaiveForm,
    ),
    "read_again": CoachAction(
        lambda assignment, step, data, coach: progress.ask_to_read_again(
            assignment, step, coach=coach, message=data["text"]
        ),
        gettext_lazy("Asked to read it again. The step stays done."),
        ReadAgainForm,
    ),
}


def _latest_number(assignment):
    current = assignment.path.current_version
    return current.number if current else None


def coach_form(action, assignment, number=None, data=None):
    """The form of one coach action on an assignment (or its step `number`). Its ids name
    the action and the row (`sign-off-12-3-text`): a new hire's page holds one such form
    per step, and each label must point at its own field. Field names stay plain."""
    spec = COACH_ACTIONS[action]
    assert spec.form is not None, f"{action} takes no form"
    # A form sent shows what was sent: its starting values (the path's latest version, for
    # a move: two queries) are only looked up for a form shown empty.
    initial = spec.initial(assignment) if data is None else None
    return spec.form(data, auto_id=_form_ids(action, assignment.pk, number), initial=initial)


def _form_ids(action, assignment_id, number=None):
    row = f"{action.replace('_', '-')}-{assignment_id}"
    if number is not None:
        row = f"{row}-{number}"
    return f"{row}-%s"


@dataclass(frozen=True)
class RefusedForm:
    """A coach action's form that was sent and did not validate, and where it belongs."""

    action: str
    assignment_id: int
    number: int | None
    form: forms.Form

    @property
    def place(self):
        return (self.action, self.assignment_id, self.number)

    @property
    def problems(self):
        """(field or None, error) for every error, for the summary at the top of the page
        that links to each field."""
        return [
            (self.form[name] if name in self.form.fields else None, error)
            for name, errors in self.form.errors.items()
            for error in errors
        ]


class CoachForms:
    """The coach's forms for one assignment or one of its steps, by action name, made when
    the page shows them (`state.forms.sign_off`): the page decides which a step offers."""

    def __init__(self, assignment, number=None, refused=None):
        self.assignment, self.number, self.refused = assignment, number, refused
        self._made = {}

    @property
    def refused_action(self):
        """The action whose form here was just refused (its disclosure opens), if any."""
        if self.refused and self.refused.place[1:] == (self.assignment.pk, self.number):
            return self.refused.action
        return None

    def __getitem__(self, action):
        if action not in self._made:
            here = (action, self.assignment.pk, self.number)
            if self.refused and self.refused.place == here:
                self._made[action] = self.refused.form
            else:
                self._made[action] = coach_form(action, self.assignment, self.number)
        return self._made[action]


@require_POST
@login_required
@refusing_stale_coach_pages
def coach_action(request, assignment_id, number=None, *, action):
    """Run one of COACH_ACTIONS (named by the URL) on an assignment the coach may see, and
    go back to the new hire's page with what happened. Only HR and the new hire's
    coaches find the assignment; to anyone else it is not there. A form that does not
    validate comes back on the new hire's page, in its place, as it was sent."""
    spec = COACH_ACTIONS[action]
    assignment = coached_assignment_or_404(request.user, assignment_id)
    step = posted_step_or_404(request, assignment, number) if number is not None else None
    form = coach_form(action, assignment, number, request.POST) if spec.form else None
    if form is not None and not form.is_valid():
        refused = RefusedForm(action, assignment.pk, number, form)
        trainee = coached_trainee_or_404(request.user, assignment.trainee_id)
        return _trainee_page(request, trainee, refused)
    try:
        spec.run(assignment, step, form.cleaned_data if form else None, request.user)
    except (progress.StepError, assigning.AssignmentError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, str(spec.done))
    # To the top of the new hire's page, where the message is shown (an anchor further
    # down would leave it off screen).
    return redirect("coaching:trainee", assignment.trainee_id)
