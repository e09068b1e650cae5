"""Errors as Wagtail's v3 API answers them: RFC 9457 problem details
(`application/problem+json`: type, title, status, detail, and `errors`, one per field
with its `loc` and `msg`), in the language the client asks for (Accept-Language). A form
of the site's (adding a new hire, say) checks what a request writes, so its messages are
the site's own, each named by the request's field."""

import logging
from collections.abc import Mapping

from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.api.v3.errors import (
    ProblemDetail,
    problem_response,
    register_exception_handlers,
)

logger = logging.getLogger(__name__)

# What every operation may answer besides its own result.
PROBLEMS: dict[int, type[ProblemDetail]] = {
    400: ProblemDetail,
    401: ProblemDetail,
    403: ProblemDetail,
    404: ProblemDetail,
    409: ProblemDetail,
    422: ProblemDetail,
    429: ProblemDetail,
    500: ProblemDetail,
}


class Invalid(Exception):
    """A request that cannot be carried out as sent: messages by the request's field
    (None: about the whole request), answered 422."""

    def __init__(
        self,
        errors: Mapping[str | None, list[str]],
        *,
        where: tuple[str, ...] = ("body", "payload"),
    ) -> None:
        super().__init__(errors)
        self.errors = errors
        self.where = where


class Conflict(Exception):
    """A request the data as it is now refuses (cancelling a finished assignment): 409."""


def invalid_form(form: BaseForm, names: Mapping[str, str] | None = None) -> Invalid:
    """The form's errors as the request's: `names` maps a form field to the request's."""
    names = names or {}
    return Invalid(
        {
            (None if field == "__all__" else names.get(field, field)): [str(m) for m in messages]
            for field, messages in form.errors.items()
        }
    )


def register(api: NinjaAPI) -> None:
    register_exception_handlers(api)

    @api.exception_handler(Invalid)
    def invalid(request: HttpRequest, exc: Invalid) -> HttpResponse:
        errors = [
            {"type": "invalid", "loc": [*exc.where, field] if field else [], "msg": msg}
            for field, messages in exc.errors.items()
            for msg in messages
        ]
        return problem_response(
            status=422, detail=_("The request has errors: see each field."), errors=errors
        )

    @api.exception_handler(NinjaValidationError)
    def malformed(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        # What the schema refuses (a missing field, a word for a number): Pydantic's own
        # messages, in English, under the site's words for the whole.
        errors = [
            {key: value for key, value in error.items() if key != "ctx"} for error in exc.errors
        ]
        return problem_response(
            status=422, detail=_("The request has errors: see each field."), errors=errors
        )

    @api.exception_handler(Conflict)
    def conflict(request: HttpRequest, exc: Conflict) -> HttpResponse:
        return problem_response(status=409, detail=str(exc))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = problem_response(
            status=401,
            detail=_(
                "A valid API token is needed, as “Authorization: Bearer <token>”, with "
                "scopes given under Settings, Onboarding API tokens."
            ),
        )
        response["WWW-Authenticate"] = 'Bearer realm="onboarding"'
        return response

    @api.exception_handler(Throttled)
    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        return problem_response(
            status=429, detail=_("Too many requests: wait a moment, then try again.")
        )

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        # The same words whether it does not exist or is someone else's.
        return problem_response(status=404, detail=_("Not found."))

    @api.exception_handler(Exception)
    def failed(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("Unable to complete an API request.")
        return problem_response(status=500, detail=_("The request could not be completed."))
