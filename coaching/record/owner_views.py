"""A person's data in their hands and HR's: the person exports it whole (JSON, or a document
to print or save as PDF); HR exports it for them on request, erases their record, or
erases the person. Each of HR's actions is confirmed first and logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coaching.account.languages import recipient_language
from coaching.audit import trail
from coaching.common.pages import posted, render_page
from coaching.people.access import is_hr
from coaching.record import roles
from coaching.record.erasure import erase_person, erase_record, person_parts, record_parts
from coaching.record.export import (
    coaches_as_data,
    json_download,
    learning_as_data,
    profile_as_data,
)
from coaching.record.forms import EraseForm, ExportForm
from coaching.record.timeline import filtered_entries, goals_of, load_related


def _document(request, person):
    return render_page(
        request,
        "coaching/record/print.html",
        {
            "person": person,
            "keeper": True,  # their own
            "profile": profile_as_data(person),
            "coaches": coaches_as_data(person),
            "entries": load_related(filtered_entries(person), trainee=person),
            "goals": goals_of(person),
            "learning": learning_as_data(person),
            "printed_at": timezone.now(),
        },
    )


@login_required
def export_json(request):
    return json_download(request.user)


@login_required
def printable(request):
    return _document(request, request.user)


@login_required
def export_person(request, person_id):
    """HR answers a subject access request: the same export, logged."""
    person = roles.person_for_hr_or_404(request.user, person_id)
    form = ExportForm(posted(request))
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["format"]
        trail.record(
            person,
            "coaching.export",
            by=request.user,
            trainee_id=person.pk,
            format=chosen,
            reason=form.cleaned_data["reason"],
        )
        if chosen == ExportForm.JSON:
            return json_download(person)
        with translation.override(recipient_language(person)):
            return _document(request, person)
    return render_page(
        request, "coaching/record/export_person.html", {"person": person, "form": form}
    )


def _confirm(request, person, *, scope, parts, action):
    """The confirmation page of an erasure: what it removes and keeps, the form, and on a
    valid POST the erasure itself."""
    form = EraseForm(posted(request), person=person)
    if request.method == "POST" and form.is_valid():
        erasure = action(person, erased_by=request.user, reason=form.cleaned_data["reason"])
        if erasure is None:
            messages.info(request, _("There was nothing left to erase: it was erased already."))
        elif scope == "person":
            messages.success(
                request,
                _("The person is erased (account #%(id)s). The erasure is logged.")
                % {"id": person.pk},
            )
        else:
            messages.success(
                request,
                _("The development record is erased (%(count)s entries). The erasure is logged.")
                % {"count": erasure.entries_erased},
            )
        return redirect(reverse("coaching:dashboard"))
    counted = parts(person)
    return render_page(
        request,
        "coaching/record/erase.html",
        {
            "person": person,
            "form": form,
            "scope": scope,
            "removed": [part for part in counted if not part.kept],
            "kept": [part for part in counted if part.kept],
        },
    )


@login_required
def erase(request, person_id):
    if not is_hr(request.user):
        raise Http404
    person, role = roles.record_owner_or_404(request.user, person_id)
    if role.is_self:
        raise Http404
    return _confirm(request, person, scope="record", parts=record_parts, action=erase_record)


@login_required
def erase_whole_person(request, person_id):
    person = roles.person_for_hr_or_404(request.user, person_id)
    if person == request.user:
        raise Http404
    return _confirm(request, person, scope="person", parts=person_parts, action=erase_person)
