"""The reader confirms they read a module again (the request shows on the step's page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coaching.learning.lookups import (
    own_assignment_or_404,
    posted_step_or_404,
    refusing_stale_portal_pages,
)
from coaching.learning.models import StepProgress
from coaching.rereading.changes import confirm_read


@require_POST
@login_required
@refusing_stale_portal_pages
def read_again_done(request, assignment_id, number):
    """Close the new hire's request to read this step again; once only, on their own
    assignment (anyone else's answers 404)."""
    assignment = own_assignment_or_404(request.user, assignment_id)
    step = posted_step_or_404(request, assignment, number)
    progress = StepProgress.objects.filter(assignment=assignment, step=step).first()
    if progress is not None and confirm_read(progress, step):
        messages.success(
            request,
            _("Thank you: you have read “%(step)s” again.") % {"step": step.localized_title},
        )
    return redirect("coaching:step", assignment.pk, number)
