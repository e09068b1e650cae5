"""The middleware that speaks each person's language on the plugin's pages."""

from django.utils import translation

from coaching.account.languages import language_for_request


class PersonLanguageMiddleware:
    """Put after AuthenticationMiddleware (and Django's LocaleMiddleware). On the plugin's
    pages, speak the person's language; elsewhere leave Django's choice alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "coaching" not in match.namespaces:
            return None
        language = language_for_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return None
