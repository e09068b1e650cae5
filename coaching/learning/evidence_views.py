"""Evidence files, served only to those who may see the task: the new hire, their coaches
and HR. Anyone else, and any file that is gone, gets 404. Never from a media URL."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from coaching.learning.lookups import visible_assignments
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
