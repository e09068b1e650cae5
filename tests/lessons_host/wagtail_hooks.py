from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks

from lessons.header import HOOK_NAME, SIGN_OUT_ORDER


@hooks.register(HOOK_NAME, order=SIGN_OUT_ORDER)
def sign_out(request):
    """The host's sign-out button, after lessons' own items."""
    if not request.user.is_authenticated:
        return None
    return format_html(
        '<form method="post" action="{}" class="inline-form">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<button type="submit" class="link-button">Sign out of the host</button></form>',
        reverse("host_sign_out"),
        get_token(request),
    )
