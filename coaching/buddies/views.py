"""The buddy's pages (My buddies, one new hire) and the new hire's (My buddy: who it is,
how to reach them, questions and answers). Someone else's new hire or question is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coaching.buddies import questions
from coaching.buddies.forms import AnswerForm, QuestionForm
from coaching.buddies.models import BuddyQuestion
from coaching.buddies.overview import my_buddies, one_new_hire, questions_between
from coaching.common.names import display_name
from coaching.common.pages import posted, render_page
from coaching.conf import coaching_settings
from coaching.notifications.inbox import mark_seen
from coaching.people.access import buddied_profile_or_404
from coaching.people.models import TraineeProfile


@login_required
def buddies(request):
    """Every new hire the person is the buddy of, at a glance (an empty state for nobody)."""
    return render_page(
        request,
        "coaching/buddies/list.html",
        {
            "buddies": my_buddies(request.user),
            "upcoming_days": coaching_settings.BUDDY_UPCOMING_DAYS,
        },
    )


def _new_hire_page(request, profile, refused=None):
    view = one_new_hire(profile)
    asked = questions_between(profile.user, buddy=request.user)
    for question in asked:
        question.form = (  # type: ignore[attr-defined]
            refused
            if refused is not None and refused.question_id == question.pk
            else AnswerForm(question_id=question.pk)
        )
    return render_page(
        request,
        "coaching/buddies/new_hire.html",
        {
            "view": view,
            "person": profile.user,
            "questions": asked,
            "upcoming_days": coaching_settings.BUDDY_UPCOMING_DAYS,
        },
    )


@login_required
def new_hire(request, trainee_id):
    profile = buddied_profile_or_404(request.user, trainee_id)
    return _new_hire_page(request, profile)


@require_POST
@login_required
def answer(request, question_id):
    """The buddy answers a question. Once: a second tab or a double click finds it answered
    and changes nothing. A question that is not theirs to answer is 404."""
    question = get_object_or_404(
        BuddyQuestion.objects.select_related("asker"), pk=question_id, buddy=request.user
    )
    profile = buddied_profile_or_404(request.user, question.asker_id)
    form = AnswerForm(request.POST, question_id=question.pk)
    if question.is_answered:
        messages.info(request, _("This question has an answer already."))
    elif not form.is_valid():
        return _new_hire_page(request, profile, refused=form)
    elif questions.answer(question, buddy=request.user, text=form.cleaned_data["text"]):
        messages.success(request, _("Your answer is sent."))
    else:
        messages.info(request, _("This question has an answer already."))
    url = reverse("coaching:buddy_trainee", args=[profile.user_id])
    return redirect(f"{url}#question-{question.pk}")


@login_required
def my_buddy(request):
    """The new hire's buddy: who, how to reach them, asking them, and the answers. For
    someone who is not onboarding (no new hire's profile) there is no such page."""
    profile = (
        TraineeProfile.objects.select_related("buddy__wagtail_userprofile")
        .filter(user=request.user)
        .first()
    )
    if profile is None:
        raise Http404
    buddy = profile.buddy if profile.buddy is not None and profile.buddy.is_active else None
    form = QuestionForm(posted(request)) if buddy is not None else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("You have no buddy yet, so there is nobody to ask."))
            return redirect("coaching:my_buddy")
        if form.is_valid():
            try:
                _question, new = questions.ask(request.user, form.cleaned_data["text"])
            except questions.BuddyError as error:
                messages.error(request, str(error))
            else:
                if new:
                    messages.success(
                        request,
                        _("Your question is sent to %(name)s.") % {"name": display_name(buddy)},
                    )
                else:
                    messages.info(request, _("You asked this already; it is below."))
            return redirect("coaching:my_buddy")
    mark_seen(request.user, [request.path])  # "your buddy answered"
    return render_page(
        request,
        "coaching/buddies/my_buddy.html",
        {
            "profile": profile,
            "buddy": buddy,
            "form": form,
            "questions": questions_between(request.user),
        },
    )
