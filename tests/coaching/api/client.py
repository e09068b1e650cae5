"""An API client for the tests that checks every answer against the OpenAPI schema the
site serves (with openapi-core, not the code that wrote the schema), and remembers which
operations were called, for the contract test."""

import functools
import json
from typing import Any

from django.test import Client
from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from wagtail.models import APIToken

from coaching.api.models import TokenScopes

ROOT = "/onboarding/api/v1"
_SCHEMA: dict[str, Any] = {}


def make_token(owner: Any, *scopes: str, name: str = "HR system") -> str:
    """A token of `owner` with `scopes`: its key."""
    return held_token(owner, *scopes, name=name)[1]


def held_token(owner: Any, *scopes: str, name: str = "HR system") -> tuple[TokenScopes, str]:
    token, key = APIToken.create_token(user=owner, name=name)
    return TokenScopes.objects.create(token=token, scopes=list(scopes)), key


def served_schema() -> dict[str, Any]:
    if not _SCHEMA:
        answer = Client().get(f"{ROOT}/openapi.json")
        assert answer.status_code == 200
        _SCHEMA.update(answer.json())
    return _SCHEMA


@functools.cache
def checker() -> OpenAPI:
    """openapi-core's reading of the served schema, made once a process."""
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_dict(served_schema(), config=config)


class Api:
    def __init__(self, key: str | None = None, client: Client | None = None) -> None:
        self.key = key
        self.client = client or Client()
        self.openapi = checker()
        # (method, path template) of each operation called, answered as the schema says.
        self.called: set[tuple[str, str]] = set()

    def call(self, method: str, path: str, body: Any = None, **query: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        send = getattr(self.client, method)
        if body is None:
            response = send(f"{ROOT}{path}", query or None, headers=headers)
        else:
            response = send(
                f"{ROOT}{path}", json.dumps(body), content_type="application/json", headers=headers
            )
        request = DjangoOpenAPIRequest(response.wsgi_request)
        result = self.openapi.unmarshal_response(request, DjangoOpenAPIResponse(response))
        if result.errors:  # the answer is not what the schema promises
            raise AssertionError(f"{method} {path} {response.status_code}: {result.errors}")
        self.called.add((method, request.path_pattern))
        return response

    def get(self, path: str, **query: Any) -> Any:
        return self.call("get", path, **query)

    def post(self, path: str, body: Any = None) -> Any:
        return self.call("post", path, {} if body is None else body)

    def patch(self, path: str, body: Any) -> Any:
        return self.call("patch", path, body)
