"""The new hire owns their record: export it whole. HR erases it on request."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.common.pages import posted, render_page
from coaching.people.access import is_hr
from coaching.record import roles
from coaching.record.erasure import erase_record
from coaching.record.export import record_as_data
from coaching.record.forms import EraseForm
from coaching.record.timeline import filtered_entries, goals_of, load_related


@login_required
def export_json(request):
    data = record_as_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"development-record-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def printable(request):
    person = request.user
    return render_page(
        request,
        "coaching/record/print.html",
        {
            "person": person,
            "keeper": True,  # their own
            "entries": load_related(filtered_entries(person), trainee=person),
            "goals": goals_of(person),
            "printed_at": timezone.now(),
        },
    )


@login_required
def erase(request, person_id):
    if not is_hr(request.user):
        raise Http404
    person, _role = roles.record_owner_or_404(request.user, person_id)
    form = EraseForm(posted(request), person=person)
    if request.method == "POST" and form.is_valid():
        erasure = erase_record(person, erased_by=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("%(name)s's record is erased (%(count)s entries). The erasure is logged.")
            % {"name": erasure.person_name, "count": erasure.entries_erased},
        )
        return redirect(reverse("coaching:dashboard"))
    return render_page(
        request,
        "coaching/record/erase.html",
        {"person": person, "form": form, "count": filtered_entries(person).count()},
    )
