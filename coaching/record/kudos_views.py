"""Recognition: the company-wide kudos wall, giving recognition, and cheering."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coaching.common.ids import parse_id
from coaching.common.pages import paginate, posted, render_page
from coaching.conf import coaching_settings
from coaching.record import roles, writing
from coaching.record.forms import CheerForm, RecognitionForm
from coaching.record.models import Recognition
from coaching.record.timeline import load_related
from coaching.record.views import entry_page


@login_required
def wall(request):
    public = Recognition.objects.filter(is_public=True).select_related("trainee")
    page, query = paginate(
        request, public.order_by("-created_at", "-pk"), coaching_settings.RECORD_PAGE_SIZE
    )
    # Replies stay with the record's keepers: the wall neither shows nor fetches them.
    page.object_list = load_related(page.object_list, replies=False)
    for entry in page.object_list:  # what each card offers: Cheer, or "You cheered"
        entry.cheer_state = writing.cheer_state(request.user, entry)
    return render_page(request, "coaching/record/kudos.html", {"page_obj": page, "query": query})


@login_required
def give(request):
    recipient = parse_id(request.GET.get("to"))
    initial = {"recipient": recipient} if recipient else {}
    form = RecognitionForm(posted(request), giver=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        recognition = writing.write_entry(
            form.save(commit=False), trainee=form.cleaned_data["recipient"], author=request.user
        )
        messages.success(request, _("Thank you for recognising a colleague."))
        return redirect(reverse("coaching:entry", args=[recognition.pk]))
    return render_page(
        request,
        "coaching/record/form.html",
        {
            "form": form,
            "title": _("Give recognition"),
            "intro": _(
                "Name what they did and the company value it lived. Specific thanks "
                "mean more than general praise."
            ),
            "audience": roles.audience(None, writer=request.user, public=True),
            "cancel_url": reverse("coaching:kudos"),
        },
    )


@require_POST
@login_required
def cheer(request, entry_id):
    """Join in a recognition. A message that is not valid comes back on the entry's page,
    beside its field, as it was typed."""
    entry, role = roles.entry_and_role_or_404(request.user, entry_id)
    form = CheerForm(request.POST)
    if not form.is_valid():
        if writing.cheer_refusal(request.user, entry) is None:
            return entry_page(request, entry, role, cheer_form=form)
        messages.error(request, " ".join(str(error) for error in form.errors["message"]))
    else:
        try:
            added = writing.cheer(entry, author=request.user, message=form.cleaned_data["message"])
        except writing.RecordError as error:
            messages.error(request, str(error))
        else:
            if added:
                messages.success(request, _("Cheer added."))
            else:  # a second click, or another tab: still one cheer, and nothing went wrong
                messages.info(request, _("You already cheered this."))
    next_url = reverse("coaching:kudos") if request.POST.get("from") == "wall" else None
    return redirect(next_url or reverse("coaching:entry", args=[entry.pk]))
