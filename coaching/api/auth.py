"""Who is asking: `Authorization: Bearer <token>`, one of Wagtail's API tokens (kept as a
keyed hash, revocable in the admin) that HR gave scopes in the onboarding API. A session
cookie opens nothing here: the API never acts on a signed-in browser's behalf, so it
needs no CSRF protection."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import APIToken

from coaching.api.models import TokenScopes


class ScopedToken(BearerTokenAuth):
    """Wagtail's bearer token, found with its onboarding scopes in one query; a token in
    a wrong format costs no query, and one without scopes opens nothing."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        request.user = AnonymousUser()
        if not APIToken.validate_token_format(token):
            return None
        found = (
            TokenScopes.objects.select_related("token__user")
            .filter(
                token__key_hash__in=APIToken.candidate_key_hashes(token),
                token__revoked_at__isnull=True,
            )
            .first()
        )
        if found is None or not found.token.user.is_active:
            return None
        request.user = found.token.user
        self._touch_last_used(found.token)
        return found


def require(request: HttpRequest, scope: str) -> TokenScopes:
    """The request's token, if it holds `scope`; else 403 (the token is the asker's own:
    saying what it lacks tells nothing about anyone else)."""
    held: TokenScopes = request.auth  # type: ignore[attr-defined]
    if not held.allows(scope):
        raise PermissionDenied(
            _("This token does not have the scope %(scope)s.") % {"scope": scope}
        )
    return held
