"""The assignments and steps a person may open, by the rules of `coaching.people.access`:
their own as a new hire, their trainees' as a coach, anyone's as HR. Anything else
answers 404."""

from functools import wraps

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from coaching.learning.models import Assignment
from coaching.learning.progress import PATH_CHANGED
from coaching.people.access import is_hr


def visible_assignments(user):
    """Assignments this person may see as a coach or HR."""
    assignments = Assignment.objects.all()
    if is_hr(user):
        return assignments
    return assignments.coached_by(user)


def own_assignment_or_404(user, assignment_id):
    return get_object_or_404(
        Assignment.objects.select_related("version"), pk=assignment_id, trainee=user
    )


def coached_assignment_or_404(user, assignment_id):
    return get_object_or_404(
        visible_assignments(user).select_related("version", "trainee"), pk=assignment_id
    )


def step_or_404(assignment, position):
    """The assignment's step at a 1-based position in its pinned version."""
    return get_object_or_404(
        assignment.version.steps.select_related("page", "knowledge_check"), position=position - 1
    )


# The field in which every step form says which step it was shown for
# (coaching/learning/step_key.html): its key, stable across a path's versions.
STEP_KEY = "step_key"


class PathChanged(Exception):
    """A step form shown before its assignment moved to a newer version of the path: the
    position in its URL may now hold another step."""

    def __init__(self, assignment):
        super().__init__(str(PATH_CHANGED))
        self.assignment = assignment


def posted_step_or_404(request, assignment, position):
    """The step a form posted for, at its 1-based position. A form that names its step
    (STEP_KEY) and finds another one there, or none, was shown before a move to a newer
    version: PathChanged, and nothing is done to the step standing there now."""
    if request.POST.get(STEP_KEY) is None:
        return step_or_404(assignment, position)
    step = (
        assignment.version.steps.select_related("page", "knowledge_check")
        .filter(position=position - 1)
        .first()
    )
    refuse_if_moved(request, assignment, step)
    return step


def refuse_if_moved(request, assignment, step):
    """PathChanged when the form posted names another step (STEP_KEY) than `step`, the
    one standing at its position now (None: no step there any more). For a view that has
    found the step already, as `posted_step_or_404` does for those that have not."""
    posted = request.POST.get(STEP_KEY)
    if posted is not None and (step is None or str(step.key) != posted):
        raise PathChanged(assignment)


def refusing_stale_pages(where):
    """Decorate a step action's view: a form shown before its path changed (PathChanged)
    goes to `where(assignment)` with a message saying so, not to an error page."""

    def decorate(view):
        @wraps(view)
        def refusing(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except PathChanged as changed:
                messages.warning(request, str(PATH_CHANGED))
                return redirect(where(changed.assignment))

        return refusing

    return decorate


# The new hire goes back to the path; a coach to the new hire's page.
refusing_stale_portal_pages = refusing_stale_pages(
    lambda assignment: reverse("coaching:assignment", args=[assignment.pk])
)
refusing_stale_coach_pages = refusing_stale_pages(
    lambda assignment: reverse("coaching:trainee", args=[assignment.trainee_id])
)
