"""A person's settings (language, emails) and the language switcher in the header."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from coaching.account.homes import home_url, is_new_hire
from coaching.account.languages import available, chosen_language, remember_language
from coaching.account.models import Preferences
from coaching.calendars.views import calendar_settings
from coaching.common.pages import posted, render_page
from coaching.notifications.models import (
    FOR_BUDDIES,
    FOR_COACHES,
    FOR_NEW_HIRES,
    NotificationKind,
)
from coaching.people.access import can_coach, is_buddy


class SignInView(auth_views.LoginView):
    """Django's sign-in, which lands each person at home (coaching.account.homes) unless
    a safe `next` says where they were going. The site's front page counts as no
    destination: it is where Wagtail sends everyone who opens the site signed out."""

    template_name = "coaching/account/sign_in.html"
    redirect_authenticated_user = True

    def get_redirect_url(self):
        wanted = super().get_redirect_url()  # "" unless safe (url_has_allowed_host_and_scheme)
        return "" if urlsplit(wanted).path == "/" else wanted

    def get_default_redirect_url(self):
        user = self.request.user
        return home_url(user) if user.is_authenticated else super().get_default_redirect_url()


def language_choices():
    return [("", gettext_lazy("The language of my browser")), *settings.LANGUAGES]


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    emailed = forms.MultipleChoiceField(
        label=gettext_lazy("Email me when"),
        choices=NotificationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Whatever you choose, every notification also appears in the portal."
        ),
    )

    def __init__(self, *args, kinds=NotificationKind.values, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = language_choices()
        emailed = self.fields["emailed"]
        assert isinstance(emailed, forms.MultipleChoiceField)
        emailed.choices = [
            (kind, label) for kind, label in NotificationKind.choices if kind in kinds
        ]


def kinds_for(user):
    """The kinds of notification that can reach `user`: a coach's only for coaches (and
    HR), a new hire's only for new hires, the rest (feedback, recognition, goals, 1:1s)
    for everyone."""
    hidden: set[str] = set()
    if not can_coach(user):
        hidden |= FOR_COACHES
    if not is_new_hire(user):
        hidden |= FOR_NEW_HIRES
    if not is_buddy(user):
        hidden |= FOR_BUDDIES
    return [kind for kind in NotificationKind.values if kind not in hidden]


@login_required
def preferences(request):
    saved = Preferences.objects.filter(user=request.user).first() or Preferences(user=request.user)
    kinds = kinds_for(request.user)
    initial = {
        "language": chosen_language(request.user),
        "emailed": [kind for kind in kinds if saved.wants_email(kind)],
    }
    form = PreferencesForm(posted(request), initial=initial, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        emailed = set(form.cleaned_data["emailed"])
        # The kinds not offered here keep the choice made when they applied.
        saved.muted_kinds = [
            kind
            for kind in NotificationKind.values
            if (kind not in emailed if kind in kinds else not saved.wants_email(kind))
        ]
        language = form.cleaned_data["language"]
        with transaction.atomic():
            saved.save()
            remember_language(request.user, language)
        with translation.override(language or translation.get_language()):
            messages.success(request, _("Your settings are saved."))
        return _with_language_cookie(redirect("coaching:preferences"), language)
    return render_page(
        request,
        "coaching/account/preferences.html",
        {
            "form": form,
            "has_email": bool(request.user.email),
            **calendar_settings(request, request.user),
        },
    )


def _with_language_cookie(response, language):
    """Remember the language in Django's language cookie, as Django's own set_language
    does (with the site's LANGUAGE_COOKIE_* settings); "" forgets it, so the browser's
    language applies again."""
    if not language:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@require_POST
def choose_language(request):
    """The header's switcher: remember the language (for a signed-in person, in their
    settings too) and go back to the same page in it."""
    language = request.POST.get("language", "")
    back = request.POST.get("next", "")
    # Only a path on this site: anything else (another site, or text that is no path,
    # which redirect() would take for the name of a view) goes home.
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("coaching:home")
    if not available(language):
        return HttpResponseRedirect(back)
    if request.user.is_authenticated:
        remember_language(request.user, language)
    response = HttpResponseRedirect(_same_page_in(request, back, language))
    return _with_language_cookie(response, language)


def _same_page_in(request, back, language):
    """Where `back` is in `language`. The plugin's pages have one address in every
    language; a Wagtail page has its translation's address, when one is published."""
    path = urlsplit(back).path
    with translation.override(get_language_from_path(path) or settings.LANGUAGE_CODE):
        try:
            match = resolve(path)
        except Resolver404:
            return back
        if match.url_name != "wagtail_serve":
            return translate_url(back, language)
        route = Page.route_for_request(request, match.args[0] if match.args else "")
    locale = Locale.objects.filter(language_code=language).first()
    if route is None or locale is None:
        return back
    translated = route[0].get_translation_or_none(locale)
    return translated.url if translated is not None and translated.live else back
