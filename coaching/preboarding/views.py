"""The new hire's welcome page, before (and after) their first day."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from coaching.common.pages import render_page
from coaching.people.models import TraineeProfile
from coaching.preboarding import welcome as preboarding
from lessons.i18n import localized_all
from lessons.models import LearningPortalPage
from lessons.models.first_day import company_profile_for, first_day


@login_required
def welcome_page(request: HttpRequest) -> HttpResponse:
    """The signed-in new hire's own welcome page; anyone without a new hire's profile gets
    404 (there is nobody else's to see: the page has no id in its address).

    After the first day the page still answers, saying they have started: links to it
    (a bookmark, the invitation's words) keep working, and the address and the people to
    ask are still useful on day two. My onboarding stops pointing here once they start.
    """
    user = request.user
    profile = get_object_or_404(
        TraineeProfile.objects.select_related(
            "business_unit", "buddy__wagtail_userprofile", "buddy__trainee_profile"
        ),
        user=user,
    )
    unit = localized_all([profile.business_unit])[0] if profile.business_unit else None
    company = company_profile_for(LearningPortalPage.for_request(request))
    day = first_day(unit, company)
    buddy = profile.buddy
    return render_page(
        request,
        "coaching/preboarding/welcome.html",
        {
            "profile": profile,
            "countdown": preboarding.countdown(profile.start_date),
            "unit": unit,
            "first_day": day,
            "first_day_notes": preboarding.rich_text(day.notes),
            "coaches": preboarding.coaches_of(user),  # type: ignore[arg-type]
            "buddy": (
                preboarding.Contact(buddy, _("Your buddy"), preboarding.job_title_of(buddy))
                if buddy is not None
                else None
            ),
            "early_paths": preboarding.before_day_one(user),  # type: ignore[arg-type]
        },
    )
