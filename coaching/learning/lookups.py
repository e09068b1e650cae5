"""The assignments and steps a person may open, by the rules of `coaching.people.access`:
their own as a new hire, their trainees' as a coach, anyone's as HR. Anything else
answers 404."""

from django.shortcuts import get_object_or_404

from coaching.learning.models import Assignment
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
