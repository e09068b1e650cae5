"""The development record: a timeline, writing and editing entries, replies, goal
check-ins, and the items of 1:1s and reviews."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coaching.common.names import display_name
from coaching.common.pages import paginate, posted, render_page
from coaching.conf import coaching_settings
from coaching.notifications.inbox import mark_seen
from coaching.people.access import is_hr
from coaching.people.models import CoachRelationship
from coaching.record import loops, roles, series, writing
from coaching.record.forms import (
    ActionItemForm,
    AgendaItemForm,
    CheerForm,
    GoalCheckInForm,
    KeyResultFormSet,
    RecognitionForm,
    ReplyForm,
    ReviewActionForm,
)
from coaching.record.kinds import FORMS_BY_MODEL, KINDS, writable_kinds
from coaching.record.models import (
    ActionItem,
    Goal,
    LearningReview,
    OneOnOne,
    ReviewAction,
)
from coaching.record.timeline import (
    FILTER_KINDS,
    GOALS_AT_THE_TOP,
    PERIODS,
    filtered_entries,
    goals_of,
    load_related,
    recognition_by_value,
)


def record_url(person):
    return reverse("coaching:record", args=[person.pk])


def entry_url(entry):
    return reverse("coaching:entry", args=[entry.pk])


@login_required
def my_record(request):
    return redirect(record_url(request.user))


@login_required
def record(request, person_id):
    person, role = roles.record_owner_or_404(request.user, person_id)
    kind = request.GET.get("kind") if request.GET.get("kind") in FILTER_KINDS else ""
    period = request.GET.get("period") if request.GET.get("period") in PERIODS else ""
    page, query = paginate(
        request,
        filtered_entries(person, kind=kind, period=period),
        coaching_settings.RECORD_PAGE_SIZE,
    )
    page.object_list = load_related(page.object_list, trainee=person)
    goals = goals_of(person, limit=GOALS_AT_THE_TOP + 1)  # one more: are there others?
    return render_page(
        request,
        "coaching/record/home.html",
        {
            "person": person,
            "keeper": role.keeper,
            "is_own": role.is_self,
            "may_erase": not role.is_self and is_hr(request.user),
            "page_obj": page,
            "goals": goals[:GOALS_AT_THE_TOP],
            "more_goals": len(goals) > GOALS_AT_THE_TOP,
            "recognition_by_value": recognition_by_value(person),
            "kinds": writable_kinds(role),
            "filter_kinds": [(slug, label) for slug, (_model, label) in FILTER_KINDS.items()],
            "periods": [(slug, label) for slug, (_days, label) in PERIODS.items()],
            "filters": {"kind": kind, "period": period},
            "query": query,
        },
    )


@login_required
def new_entry(request, person_id, kind):
    person, role = roles.record_owner_or_404(request.user, person_id)
    spec = KINDS.get(kind)
    if spec is None or not spec.allows(role):
        raise Http404
    form = spec.form(posted(request), trainee=person, author=request.user)
    key_results = (
        KeyResultFormSet(posted(request), prefix="results") if spec.slug == "goal" else None
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and (key_results is None or key_results.is_valid())
    ):
        if spec.slug == "one-on-one":
            entry = series.plan(
                form.save(commit=False),
                trainee=person,
                author=request.user,
                agenda=form.cleaned_data["agenda"],
                save_agenda=form.cleaned_data["save_agenda"],
            )
        else:
            entry = writing.write_entry(
                form.save(commit=False),
                trainee=person,
                author=request.user,
                key_results=key_results,
            )
        messages.success(request, _("Saved to %(name)s's record.") % {"name": display_name(person)})
        return redirect(entry_url(entry))
    return render_page(
        request,
        "coaching/record/form.html",
        {
            "person": person,
            "form": form,
            "formset": key_results,
            "title": spec.add_label,
            "audience": roles.audience(
                person, writer=request.user, public="is_public" in form.fields
            ),
            "cancel_url": record_url(person),
        },
    )


@login_required
def entry_detail(request, entry_id):
    entry, role = roles.entry_and_role_or_404(request.user, entry_id)
    mark_seen(request.user, [request.path])  # feedback, recognition, a 1:1 planned...
    return entry_page(request, entry, role)


def entry_page(request, entry, role, *, cheer_form=None):
    """An entry's page for someone who may read it. `cheer_form` is a cheer just sent and
    refused: it is shown again with its error beside the field and its text kept.

    The record's keepers see all of the entry: replies, its history, what was added to it.
    Anyone else (a colleague reading public recognition, a former coach reading what they
    wrote) sees only the entry itself."""
    keeper = role.keeper
    (entry,) = load_related([entry], replies=keeper)
    context = {
        "entry": entry,
        "person": entry.trainee,
        "keeper": keeper,
        "can_edit": roles.may_edit(request.user, entry, role),
        # Only one still to come; the cancel view says why when it has notes or actions.
        "may_cancel": isinstance(entry, OneOnOne)
        and entry.meets_at > timezone.now()
        and roles.may_edit(request.user, entry, role),
        "revisions": entry.revisions.select_related("edited_by") if keeper else [],
        # "Reply" on a timeline's entry opens this page with the reply field focused.
        "reply_form": ReplyForm(autofocus="reply" in request.GET) if keeper else None,
    }
    if keeper and isinstance(entry, Goal):
        context["check_ins"] = entry.check_ins.select_related("author")
    if keeper and isinstance(entry, OneOnOne):
        context["carried_over"] = writing.open_action_items(entry.trainee).exclude(meeting=entry)
        context["next_meeting"] = OneOnOne.objects.filter(follows=entry).first()
        context["agenda_form"] = AgendaItemForm()
        context["action_form"] = ActionItemForm(people=_people_of(entry.trainee))
    if keeper and isinstance(entry, LearningReview):
        context["action_form"] = ReviewActionForm(people=_people_of(entry.trainee))
        context["loop"] = loops.loop_of(entry)
    entry.cheer_state = writing.cheer_state(request.user, entry)  # what its card offers
    if entry.cheer_state == writing.MAY_CHEER or cheer_form is not None:
        context["cheer_form"] = cheer_form or CheerForm()
    return render_page(request, "coaching/record/entry.html", context)


def _people_of(trainee):
    """The new hire and their coaches: who an action item can belong to."""
    coaches = CoachRelationship.objects.active().filter(trainee=trainee).values("coach")
    return type(trainee).objects.filter(Q(pk=trainee.pk) | Q(pk__in=coaches))


@login_required
def edit_entry(request, entry_id):
    entry, role = roles.entry_and_role_or_404(request.user, entry_id)
    if not roles.may_edit(request.user, entry, role):
        raise Http404
    form_class = FORMS_BY_MODEL[type(entry)]
    extra = {"giver": request.user} if form_class is RecognitionForm else {}
    form = form_class(posted(request), instance=entry, **extra)
    if request.method == "POST" and form.is_valid():
        writing.save_edit(form, editor=request.user)
        messages.success(request, _("Your changes are saved; the earlier version is kept."))
        return redirect(entry_url(entry))
    return render_page(
        request,
        "coaching/record/form.html",
        {
            # The breadcrumb: the record for those who keep it; the entry for everyone
            # (a colleague who gave recognition may not open the record it is on).
            "person": entry.trainee if role.keeper else None,
            "entry": entry,
            "form": form,
            "title": _("Edit %(kind)s") % {"kind": entry.kind_label},
            # Who reads it, named for those who keep the record; a colleague editing their
            # recognition is not told who coaches the person (trainee None says it plainly).
            "audience": roles.audience(
                entry.trainee if role.keeper else None,
                writer=request.user,
                public="is_public" in form.fields,
            ),
            "cancel_url": entry_url(entry),
        },
    )


def _keeper_entry_or_404(user, entry_id, model=None):
    """An entry on a record `user` keeps (optionally of one kind), for adding to it."""
    entry, role = roles.entry_and_role_or_404(user, entry_id)
    if not role.keeper:
        raise Http404
    if model is not None and not isinstance(entry, model):
        raise Http404
    return entry


def _post_form(request, entry, form, success_message, save):
    if form.is_valid():
        save(form)
        messages.success(request, success_message)
    else:
        for errors in form.errors.values():
            messages.error(request, errors[0])
    return redirect(entry_url(entry))


@require_POST
@login_required
def reply(request, entry_id):
    entry = _keeper_entry_or_404(request.user, entry_id)

    def save(form):
        writing.reply(entry, author=request.user, text=form.cleaned_data["text"])

    return _post_form(request, entry, ReplyForm(request.POST), _("Reply added."), save)


@login_required
def goal_check_in(request, entry_id):
    goal = _keeper_entry_or_404(request.user, entry_id, Goal)
    form = GoalCheckInForm(posted(request), goal=goal)
    if request.method == "POST" and form.is_valid():
        writing.check_in_on_goal(
            goal,
            author=request.user,
            status=form.cleaned_data["status"],
            confidence=form.cleaned_data["confidence"],
            comment=form.cleaned_data["comment"],
            values=form.values(),
        )
        messages.success(request, _("Check-in saved."))
        return redirect(entry_url(goal))
    return render_page(request, "coaching/record/goal_check_in.html", {"goal": goal, "form": form})


ITEM_FORMS = {
    "agenda": (OneOnOne, AgendaItemForm, "meeting"),
    "action": (OneOnOne, ActionItemForm, "meeting"),
    "review-action": (LearningReview, ReviewActionForm, "review"),
}


@require_POST
@login_required
def add_item(request, entry_id, item):
    if item not in ITEM_FORMS:
        raise Http404
    model, form_class, parent_field = ITEM_FORMS[item]
    entry = _keeper_entry_or_404(request.user, entry_id, model)
    extra = {} if form_class is AgendaItemForm else {"people": _people_of(entry.trainee)}
    form = form_class(request.POST, **extra)

    def save(form):
        added = form.save(commit=False)
        setattr(added, parent_field, entry)
        if hasattr(added, "author_id"):
            added.author = request.user
        added.save()

    return _post_form(request, entry, form, _("Added."), save)


DONE_ITEMS = {"action": (ActionItem, "meeting"), "review-action": (ReviewAction, "review")}


@require_POST
@login_required
def item_done(request, item, item_id):
    if item not in DONE_ITEMS:
        raise Http404
    model, parent_field = DONE_ITEMS[item]
    found = get_object_or_404(model, pk=item_id)
    entry = _keeper_entry_or_404(request.user, getattr(found, f"{parent_field}_id"))
    writing.mark_done(found)
    messages.success(request, _("Marked as done."))
    return redirect(entry_url(entry))
