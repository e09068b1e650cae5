"""Evidence files, served only to those who may see the task: the new hire, their coaches
and HR. Anyone else, and any file that is gone, gets 404. Never from a media URL."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from coaching.learning import progress
from coaching.learning.lookups import (
    own_assignment_or_404,
    posted_step_or_404,
    refusing_stale_portal_pages,
    visible_assignments,
)
from coaching.learning.models import Evidence


@require_safe
@login_required
def download(request, evidence_id):
    found = (
        Evidence.objects.filter(pk=evidence_id)
        .filter(
            Q(progress__assignment__trainee=request.user)
            | Q(progress__assignment__in=visible_assignments(request.user))
        )
        .first()
    )
    if found is None:
        raise Http404
    try:
        handle = found.file.open("rb")
    except (FileNotFoundError, OSError) as missing:
        raise Http404 from missing
    # A picture shows in the page; anything else is saved, never opened by the browser
    # as whatever it claims to be.
    response = FileResponse(
        handle,
        as_attachment=not found.is_image,
        filename=found.name,
        content_type=found.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
@refusing_stale_portal_pages
def remove(request, assignment_id, number, evidence_id):
    """The new hire removes a file from their own task before it is signed off (attaching
    it again undoes it). Anyone else, a task signed off, or a file gone: 404."""
    assignment = own_assignment_or_404(request.user, assignment_id)
    step = posted_step_or_404(request, assignment, number)
    removed = progress.remove_evidence(assignment, step, evidence_id)
    if removed is None:
        raise Http404
    messages.success(request, _("Removed %(name)s.") % {"name": removed.name})
    return redirect("coaching:step", assignment.pk, number)
