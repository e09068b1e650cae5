"""The new hire's portal: what is assigned, what is next, and each step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coaching.account.homes import uses_admin
from coaching.buddies import homes as buddy_homes
from coaching.common.pages import render_page, url_prefix
from coaching.learning import progress
from coaching.learning.forms import KnowledgeCheckForm, TaskForm
from coaching.learning.journeys import journeys, recent_completions, summaries
from coaching.learning.lookups import (
    own_assignment_or_404,
    posted_step_or_404,
    refuse_if_moved,
    refusing_stale_portal_pages,
)
from coaching.learning.models import Assignment, AssignmentStatus, CheckAttempt
from coaching.notifications.inbox import mark_seen
from coaching.preboarding.welcome import starting
from coaching.record.timeline import upcoming_one_on_ones
from coaching.rereading import changes as rereading
from coaching.rereading import differences
from lessons.i18n import in_active_language
from lessons.models import StepKind


@login_required
def home(request):
    mine = Assignment.objects.for_trainee(request.user).current().order_by("status", "due_on")
    # Whether they are a new hire, and their start date, in one query: before the first
    # day My onboarding leads to the welcome page (coaching.preboarding).
    start = starting(request.user)
    return render_page(
        request,
        "coaching/learning/portal/home.html",
        {
            "journeys": summaries(mine),
            "read_again": rereading.to_read_again(request.user),
            "recent": recent_completions(request.user),
            "one_on_ones": upcoming_one_on_ones(request.user),
            "is_new_hire": start.is_new_hire,
            "countdown": start.countdown if start.countdown.starts_later else None,
            "uses_admin": lambda: uses_admin(request.user),
            # The new hire's buddy, and the new hires this person is the buddy of.
            **buddy_homes.home_context(request.user),
        },
    )


def own_journey_or_404(user, assignment_id):
    """The new hire's own assignment as a journey; anyone else's answers 404."""
    found = journeys(Assignment.objects.filter(pk=assignment_id, trainee=user))
    if not found:
        raise Http404
    return found[0]


@login_required
def assignment_detail(request, assignment_id):
    journey = own_journey_or_404(request.user, assignment_id)
    mark_seen(request.user, [request.path])  # "a path is assigned to you", say
    # Each step's link is this prefix and its number.
    step_urls = url_prefix("coaching:step", journey.assignment.pk)
    return render_page(
        request,
        "coaching/learning/portal/assignment.html",
        {"journey": journey, "step_url_prefix": step_urls},
    )


def step_url(assignment, number):
    return reverse("coaching:step", args=[assignment.pk, number])


def _what_changed(request, state, read_again, shown):
    """For the step page of a module asked to be read again: what changed since it was read."""
    if read_again is None:
        return {"changes": [], "changes_in_original": None}
    changes, original = differences.what_changed(state.progress, shown, read_again.change, request)
    return {"changes": changes, "changes_in_original": original}


def _step_context(request, assignment_id, number):
    """What a step's page shows. `following` is where the new hire goes once this step is
    done (the next step not done yet), None at the last one: the page says "Done, next
    step" or "Done, finish the path", and "Continue" once the step is done."""
    journey = own_journey_or_404(request.user, assignment_id)
    assignment = journey.assignment
    state = journey.steps[number - 1] if 1 <= number <= len(journey.steps) else None
    # A step form posted from before a move to a newer version: refused (PathChanged).
    refuse_if_moved(request, assignment, state.step if state else None)
    if state is None:
        raise Http404
    step = state.step
    page = step.page.specific if step.kind == StepKind.MODULE and step.page_id else None
    content = in_active_language(page) if page is not None and page.live else None
    check = progress.knowledge_check_for(step)
    attempts = (
        list(CheckAttempt.objects.filter(assignment=assignment, step=step).order_by("-number"))
        if check or step.kind == StepKind.KNOWLEDGE_CHECK
        else []
    )
    # A done module asked to be read again: the request, and what changed since it was read.
    read_again = rereading.open_request(state.progress) if state.read_again else None
    # Asked to pass the check's new version: it is open again, and only the attempts since
    # are shown and count against the limit (the earlier ones keep their grades, and would
    # show the old answers).
    retake = rereading.open_check_request(assignment, step) if state.pass_again else None
    if retake is not None:
        attempts = [attempt for attempt in attempts if attempt.created_at >= retake.asked_at]
    wording = check.for_reader() if check is not None else None
    if wording is not None and attempts:
        # The latest attempt's questions, answers and explanations in the reader's words.
        attempts[0].shown_results = wording.reworded(attempts[0].results)  # type: ignore[attr-defined]
    limit = progress.attempt_limit(assignment, step, check) if check is not None else None
    counted = len(attempts)
    attempts_left = None if limit is None else max(limit - counted, 0)
    return {
        "journey": journey,
        "assignment": journey.assignment,
        "state": state,
        "step": step,
        "page": content.page if content else None,
        "content": content,
        "check": check,
        "check_wording": wording,
        "attempts": attempts,
        "attempts_left": attempts_left,
        "following": journey.open_after(number),
        "evidence": (
            list(state.progress.evidence.all())
            if step.kind == StepKind.TASK and state.progress is not None
            else []
        ),
        # the new hire may take a file back until the task is signed off
        "evidence_removable": assignment.status == AssignmentStatus.ACTIVE and not state.is_done,
        "read_again": read_again,
        "retake": retake,
        **_what_changed(request, state, read_again, content.page if content else None),
        "previous_number": number - 1 if number > 1 else None,
        "next_number": number + 1 if number < len(journey.steps) else None,
    }


@login_required
def step_detail(request, assignment_id, number):
    context = _step_context(request, assignment_id, number)
    if context["check"] is not None:
        context["check_form"] = _check_form(context)
    context["task_form"] = _task_form(context)
    # The step's news (signed off, sent back, waived...), and the path's: it is open.
    assignment_url = reverse("coaching:assignment", args=[assignment_id])
    mark_seen(request.user, [request.path, assignment_url])
    return render_page(request, "coaching/learning/portal/step.html", context)


def _check_form(context, data=None):
    return KnowledgeCheckForm(data, check=context["check"], wording=context["check_wording"])


def _task_form(context, data=None, files=None):
    """The task's form, holding the note the new hire already sent and counting the files
    they attached (the step's `_step_context`)."""
    progress = context["state"].progress
    note = progress.note if progress is not None else ""
    return TaskForm(data, files, initial={"text": note}, already=len(context["evidence"]))


@require_POST
@login_required
@refusing_stale_portal_pages
def complete_module(request, assignment_id, number):
    """Mark a module read and go on: to the next step not done yet, or back to the path
    with "Path complete" when it was the last. Done once: a double click, a second tab
    or a retry changes nothing and goes to the same place."""
    assignment = own_assignment_or_404(request.user, assignment_id)
    step = posted_step_or_404(request, assignment, number)
    try:
        progress.complete_module(assignment, step)
    except progress.StepError as error:
        messages.error(request, str(error))
        return redirect(step_url(assignment, number))
    return _go_on(
        request, assignment_id, number, _("“%(step)s” is done.") % {"step": step.localized_title}
    )


def _go_on(request, assignment_id, number, done_message):
    """After step `number` is done: to the next step not done yet, saying what was done;
    to the path, saying it is complete, when no step is left."""
    journey = own_journey_or_404(request.user, assignment_id)
    following = journey.open_after(number)
    if following is not None:
        messages.success(request, done_message)
        return redirect(step_url(journey.assignment, following.number))
    if journey.assignment.status == AssignmentStatus.COMPLETED:
        messages.success(
            request,
            _("Path complete: you have finished every step of %(path)s. Well done!")
            % {"path": journey.assignment.version.localized_title},
        )
    else:
        messages.success(request, done_message)
    return redirect("coaching:assignment", journey.assignment.pk)


@require_POST
@login_required
@refusing_stale_portal_pages
def submit_task(request, assignment_id, number):
    """Send a practical task (a note, and any evidence files) to the coach for sign-off.
    A form that does not validate comes back on the step's page, errors beside its fields,
    with what was typed kept. A form from before a move to a newer version of the path
    is refused (`_step_context`)."""
    context = _step_context(request, assignment_id, number)
    assignment, step = context["assignment"], context["step"]
    form = _task_form(context, request.POST, request.FILES)
    if not form.is_valid():
        context["task_form"] = form
        if context["check"] is not None:
            context["check_form"] = _check_form(context)
        return render_page(request, "coaching/learning/portal/step.html", context, status=400)
    try:
        progress.submit_task(
            assignment,
            step,
            note=form.cleaned_data["text"],
            files=form.cleaned_data["evidence"],
            by=request.user,
        )
    except progress.StepError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Sent to your coach for sign-off."))
    return redirect(step_url(assignment, number))


@require_POST
@login_required
@refusing_stale_portal_pages
def take_check(request, assignment_id, number):
    """Grade an attempt. Only a form that does not validate needs the whole step page
    again; a graded attempt goes back to it."""
    assignment = own_assignment_or_404(request.user, assignment_id)
    step = posted_step_or_404(request, assignment, number)
    check = progress.knowledge_check_for(step)
    if check is None:
        # Withdrawn since the page was shown, or never there: say so on the step's page.
        messages.error(request, _("This knowledge check is not available any more."))
        return redirect(step_url(assignment, number))
    form = KnowledgeCheckForm(request.POST, check=check)
    if not form.is_valid():
        context = _step_context(request, assignment_id, number)
        context.update(check_form=_check_form(context, request.POST), task_form=_task_form(context))
        return render_page(request, "coaching/learning/portal/step.html", context)
    try:
        _attempt, result = progress.take_check(assignment, step, form.answers())
    except progress.StepError as error:
        messages.error(request, str(error))
    else:
        if result.passed:
            messages.success(
                request, _("Passed with %(score)s%%. Well done!") % {"score": result.score}
            )
            # The page shows the result and a Continue button to the next step.
        else:
            messages.warning(
                request,
                _("%(score)s%% this time; %(mark)s%% passes. Read the explanations and try again.")
                % {"score": result.score, "mark": check.pass_mark},
            )
    return redirect(step_url(assignment, number) + "#check")
