"""The SCIM 2.0 endpoints (RFC 7644): django-scim2's views, opened by a provisioning
token only, configured here rather than by the host's SCIM_SERVICE_PROVIDER setting, and
listing with a fixed number of queries.

Authentication: `Authorization: Bearer <token>`, checked before anything else; a
session (someone signed in to the site) opens nothing here, and the token opens nothing
else, since nothing else of the site reads it.
"""

import json
import logging
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import View
from django_scim import constants, exceptions
from django_scim import views as scim
from django_scim.filters import UserFilterQuery
from django_scim.models import SCIMServiceProviderConfig
from django_scim.schemas import ALL as LIBRARY_SCHEMAS
from scim2_filter_parser.parser import SCIMParserError

from coaching.conf import coaching_settings
from coaching.provisioning.adapters import PersonAdapter, UnitAdapter, as_scim_error
from coaching.provisioning.listing import people_listed, units_listed
from coaching.provisioning.models import ProvisionedPerson, ProvisionedUnit, ProvisioningToken
from coaching.provisioning.people import Refused
from coaching.provisioning.reading import ENTERPRISE, ONBOARDING
from lessons.models import BusinessUnit

logger = logging.getLogger(__name__)
BEARER = "bearer "


def presented_token(request: HttpRequest) -> ProvisioningToken | None:
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith(BEARER):
        return None
    return ProvisioningToken.objects.holding(header[len(BEARER) :].strip())


def scim_error(error: exceptions.SCIMException) -> HttpResponse:
    return HttpResponse(
        json.dumps(error.to_dict()), content_type=constants.SCIM_CONTENT_TYPE, status=error.status
    )


class ProvisioningView(View):
    """Token first; then the library's handling, its errors answered as SCIM errors."""

    @method_decorator(csrf_exempt)  # a bearer token, never a cookie: no CSRF to forge
    @method_decorator(never_cache)
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        token = presented_token(request)
        if token is None:
            response = scim_error(
                exceptions.AuthorizationError(_("A valid provisioning token is needed."))
            )
            response["WWW-Authenticate"] = 'Bearer realm="scim"'
            return response
        token.mark_used()
        request.provisioning_token = token  # type: ignore[attr-defined]
        try:
            return View.dispatch(self, request, *args, **kwargs)
        except exceptions.SCIMException as error:
            return scim_error(error)
        except Refused as refused:
            return scim_error(as_scim_error(refused))
        except Exception:  # as django-scim2 does: a SCIM error, never an HTML page
            logger.exception("Unable to complete a SCIM request.")
            return scim_error(exceptions.SCIMException(_("The request could not be completed.")))

    def load_body(self, body: bytes) -> dict[str, Any]:
        try:
            loaded = json.loads(body.decode(constants.ENCODING).strip() or "{}")
        except (UnicodeDecodeError, ValueError) as invalid:
            raise exceptions.BadRequestError(
                _("The body is not JSON."), scim_type="invalidSyntax"
            ) from invalid
        if not isinstance(loaded, dict):
            raise exceptions.BadRequestError(
                _("The body should be a JSON object."), scim_type="invalidSyntax"
            )
        return loaded


class Listing(scim.FilterMixin):
    """Pages of a queryset: a count and one page, never every row (the library's
    `_build_response` walks them all)."""

    def _page(self, request: HttpRequest) -> tuple[int, int]:
        start, count = super()._page(request)
        return start, max(0, min(count, coaching_settings.SCIM_MAX_RESULTS))

    def _build_response(self, request: Any, qs: Any, start: int, count: int) -> HttpResponse:
        total = qs.count()
        page = list(qs[start - 1 : start - 1 + count]) if count else []
        resources = [self.scim_adapter(o, request=request).to_dict() for o in page]
        return HttpResponse(
            json.dumps(
                {
                    "schemas": [constants.SchemaURI.LIST_RESPONSE],
                    "totalResults": total,
                    "itemsPerPage": len(resources),
                    "startIndex": start,
                    "Resources": resources,
                }
            ),
            content_type=constants.SCIM_CONTENT_TYPE,
        )

    def _search(self, request: Any, query: str, start: int, count: int) -> HttpResponse:
        try:
            found = self.__class__.parser_getter().search(query, request)
            ids = [row.pk for row in found]
        except (ValueError, SCIMParserError) as invalid:
            raise exceptions.BadRequestError(
                _("The filter cannot be read: %(error)s") % {"error": invalid},
                scim_type="invalidFilter",
            ) from invalid
        return self._build_response(request, self.queryset().filter(pk__in=ids), start, count)

    def get_many(self, request: Any) -> HttpResponse:
        query = request.GET.get("filter")
        if query:
            return self._search(request, query, *self._page(request))
        return self._build_response(request, self.queryset(), *self._page(request))

    def get_object(self) -> Any:
        pk = str(self.kwargs.get("uuid", ""))
        found = self.queryset().filter(pk=int(pk)).first() if pk.isdigit() else None
        if found is None:
            raise exceptions.NotFoundError(pk)
        return found


def _column(model: Any, field: str) -> str:
    return f"{model._meta.db_table}.{model._meta.get_field(field).column}"


class PersonFilter(UserFilterQuery):
    """The attributes a filter may name (`userName eq "..."` is case-insensitive), as
    columns of the user table and of the identity provider's ids beside it."""

    @classmethod
    def prepare(cls) -> None:
        user, link = get_user_model(), ProvisionedPerson
        cls.attr_map = {
            ("userName", None, None): _column(user, user.USERNAME_FIELD),
            ("emails", "value", None): _column(user, user.get_email_field_name()),
            ("emails", None, None): _column(user, user.get_email_field_name()),
            ("externalId", None, None): _column(link, "external_id"),
            ("name", "givenName", None): _column(user, "first_name"),
            ("name", "familyName", None): _column(user, "last_name"),
            ("active", None, None): _column(user, "is_active"),
        }
        cls.joins = (
            f"LEFT OUTER JOIN {link._meta.db_table} ON "
            f"{_column(link, 'user')} = {_column(user, user._meta.pk.name)}",
        )

    @classmethod
    def search(cls, filter_query: str, request: Any = None) -> Any:
        cls.prepare()
        return super().search(filter_query, request)


class UnitFilter(UserFilterQuery):
    """`displayName eq "Customer Service"`, `externalId eq "..."` on business units."""

    @staticmethod
    def model_getter() -> Any:
        return BusinessUnit

    @classmethod
    def prepare(cls) -> None:
        unit, link = BusinessUnit, ProvisionedUnit
        cls.attr_map = {
            ("displayName", None, None): _column(unit, "name"),
            ("externalId", None, None): _column(link, "external_id"),
        }
        cls.joins = (
            f"LEFT OUTER JOIN {link._meta.db_table} ON "
            f"{_column(link, 'unit')} = {_column(unit, 'id')}",
        )

    @classmethod
    def search(cls, filter_query: str, request: Any = None) -> Any:
        cls.prepare()
        return super().search(filter_query, request)


class ResourceView(
    Listing,
    scim.GetView,
    scim.PostView,
    scim.PutView,
    scim.PatchView,
    scim.DeleteView,
    ProvisioningView,
):
    http_method_names = ["get", "post", "put", "patch", "delete"]
    lookup_url_kwarg = "uuid"

    def queryset(self) -> Any:
        """The rows this resource lists, finds and filters: all of its model, as the
        library does; people and units narrow it (UsersView, GroupsView)."""
        return self.model_cls.objects.all()


class UsersView(ResourceView):
    scim_adapter = PersonAdapter
    parser_getter = PersonFilter

    @property
    def model_cls(self) -> Any:
        return get_user_model()

    def queryset(self) -> Any:
        return people_listed()


class GroupsView(ResourceView):
    scim_adapter = UnitAdapter
    parser_getter = UnitFilter
    model_cls = BusinessUnit

    def queryset(self) -> Any:
        excluded = self.request.GET.get("excludedAttributes", "")
        with_members = "members" not in [a.strip() for a in excluded.split(",")]
        return units_listed(with_members=with_members)


class ServiceProviderConfig(SCIMServiceProviderConfig):
    """What this provider supports, for the identity provider's discovery."""

    @property
    def location(self) -> str:
        return self.request.build_absolute_uri(reverse("coaching:scim_service_provider_config"))

    def to_dict(self) -> dict[str, Any]:
        # Written out whole: the library's reads its settings, which the host need not set.
        return {
            "schemas": [constants.SchemaURI.SERVICE_PROVIDER_CONFIG],
            "documentationUri": None,
            "patch": {"supported": True},
            "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
            "filter": {"supported": True, "maxResults": coaching_settings.SCIM_MAX_RESULTS},
            "changePassword": {"supported": False},
            "sort": {"supported": False},
            "etag": {"supported": False},
            "authenticationSchemes": [
                {
                    "type": "oauthbearertoken",
                    "name": "Provisioning token",
                    "description": "A token made by HR in the Wagtail admin (Settings).",
                    "primary": True,
                }
            ],
            "meta": self.meta,
        }


class ServiceProviderConfigView(ProvisioningView):
    http_method_names = ["get"]

    def get(self, request: HttpRequest) -> HttpResponse:
        body = ServiceProviderConfig(request=request).to_dict()
        return HttpResponse(json.dumps(body), content_type=constants.SCIM_CONTENT_TYPE)


ONBOARDING_SCHEMA = {
    "id": ONBOARDING,
    "name": "Onboarding",
    "description": "What the onboarding plugin needs beyond the enterprise extension.",
    "attributes": [
        {
            "name": "startDate",
            "type": "string",
            "multiValued": False,
            "description": "The first working day, as a date (2026-03-02).",
            "required": False,
            "caseExact": False,
            "mutability": "readWrite",
            "returned": "default",
            "uniqueness": "none",
        }
    ],
    "meta": {"resourceType": "Schema"},
}
SCHEMAS = {schema["id"]: schema for schema in [*LIBRARY_SCHEMAS, ONBOARDING_SCHEMA]}


def _listed(resources: list[Any]) -> dict[str, Any]:
    return {
        "schemas": [constants.SchemaURI.LIST_RESPONSE],
        "totalResults": len(resources),
        "Resources": resources,
    }


class SchemasView(ProvisioningView):
    http_method_names = ["get"]

    def get(self, request: HttpRequest, uuid: str | None = None) -> HttpResponse:
        body = (
            SCHEMAS.get(uuid) if uuid else _listed(sorted(SCHEMAS.values(), key=lambda s: s["id"]))
        )
        if body is None:
            raise exceptions.NotFoundError(uuid)
        return HttpResponse(json.dumps(body), content_type=constants.SCIM_CONTENT_TYPE)


def resource_types(request: HttpRequest) -> dict[str, Any]:
    def described(name: str, endpoint: str, schema: str, extensions: list[str]) -> dict[str, Any]:
        return {
            "schemas": [constants.SchemaURI.RESOURCE_TYPE],
            "id": name,
            "name": name,
            "endpoint": reverse(endpoint),
            "schema": schema,
            "schemaExtensions": [{"schema": uri, "required": False} for uri in extensions],
            "meta": {
                "resourceType": "ResourceType",
                "location": request.build_absolute_uri(
                    reverse("coaching:scim_resource_type", kwargs={"uuid": name})
                ),
            },
        }

    return {
        "User": described(
            "User", "coaching:scim_users", constants.SchemaURI.USER, [ENTERPRISE, ONBOARDING]
        ),
        "Group": described("Group", "coaching:scim_groups", constants.SchemaURI.GROUP, []),
    }


class ResourceTypesView(ProvisioningView):
    http_method_names = ["get"]

    def get(self, request: HttpRequest, uuid: str | None = None) -> HttpResponse:
        types = resource_types(request)
        body = types.get(uuid) if uuid else _listed(list(types.values()))
        if body is None:
            raise exceptions.NotFoundError(uuid)
        return HttpResponse(json.dumps(body), content_type=constants.SCIM_CONTENT_TYPE)
