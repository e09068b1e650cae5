"""The onboarding REST API, version 1: one NinjaAPI with a router per resource, mounted
by coaching/urls.py at api/v1/. Its OpenAPI schema is served at api/v1/openapi.json and
read at api/v1/docs (Swagger UI, from django-ninja's own static files).

Every operation needs a token (`ScopedToken`) and is limited to `COACHING_API_RATE`
requests a token; errors are problem details (coaching/api/errors.py)."""

from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.throttling import AuthRateThrottle
from wagtail.api.v3.errors import PROBLEM_JSON

from coaching.api import assignments, errors, paths, people, reports
from coaching.api.auth import ScopedToken
from coaching.conf import coaching_settings

DESCRIPTION = """\
The onboarding plugin's API for HR systems and dashboards: people, learning paths,
assignments with their progress, completed steps and the completion report's figures.

**Tokens.** HR makes a token under Settings → Onboarding API tokens, for a person and
with scopes. Send it as `Authorization: Bearer <token>`. The token acts as that person,
with their rights on the site: a coach's token sees only the new hires they coach.

**Paging.** Lists take `limit` and `offset` and answer `{"count": N, "items": [...]}`,
ordered by id. `updated_since` (ISO 8601) lists what changed since then, for syncing.

**Errors.** Problem details (RFC 9457, `application/problem+json`); a request that
cannot be carried out as sent answers 422 with one error for each field it names.
"""


class TokenRate(AuthRateThrottle):
    """`COACHING_API_RATE` requests a token, read at each request (so a setting changed
    while the site runs, or in a test, holds at once)."""

    def __init__(self) -> None:
        super().__init__(coaching_settings.API_RATE)

    def get_cache_key(self, request: HttpRequest) -> str:
        return self.cache_format % {"scope": "onboarding-api", "ident": request.auth.pk}  # type: ignore[attr-defined]

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = coaching_settings.API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class OnboardingAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """Errors are problem details: say so in the schema, as they are sent."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    if int(status) >= 400 and "content" in response:
                        response["content"] = {
                            PROBLEM_JSON: response["content"]["application/json"]
                        }
        return schema


api = OnboardingAPI(
    title="Onboarding API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="coaching:onboarding_api",
    auth=ScopedToken(),
    throttle=[TokenRate()],
)
errors.register(api)
api.add_router("/people/", people.router)
api.add_router("/paths/", paths.router)
api.add_router("/assignments/", assignments.router)
api.add_router("/completions/", assignments.completions)
api.add_router("/reports/", reports.router)
api.add_router("/me/", reports.me)
