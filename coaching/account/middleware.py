"""The middleware that speaks each person's language on the plugin's pages and in the
Wagtail admin."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from coaching.account.languages import language_for_request


def _admin_root():
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:  # a site without Wagtail's admin
        return None


class PersonLanguageMiddleware:
    """Put after AuthenticationMiddleware (and Django's LocaleMiddleware). On the plugin's
    pages and in the Wagtail admin, speak the person's language (their choice, else the
    browser's, else the site's); elsewhere leave Django's choice alone: Wagtail pages keep
    the language of their URL.

    In the admin, Wagtail applies a person's choice itself (UserProfile.preferred_language,
    the store of coaching.account.languages); without one it speaks the active language,
    which Django's LocaleMiddleware sets to the site's default on every address without a
    language prefix, the browser's language unheard. Activating it here lets a new
    person read the admin, and the plugin's reports, in their browser's language too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and "coaching" in match.namespaces:
            language = language_for_request(request)
        elif (admin_root := _admin_root()) and request.path_info.startswith(admin_root):
            # The browser's language only: Wagtail's admin applies a saved choice itself,
            # from the profile it loads anyway, so no cache read or query of ours here.
            language = translation.get_language_from_request(request, check_path=False)
        else:
            return None
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return None
