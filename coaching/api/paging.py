"""Pages of a listing: `limit` and `offset`, answered as `{"count": N, "items": [...]}`
(django-ninja's envelope, as in Wagtail's v3 API), ordered by id so that a client
walking the pages sees every row once."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field
from ninja.pagination import LimitOffsetPagination

from coaching.common.ids import LARGEST_ID
from coaching.conf import coaching_settings


class Paged(LimitOffsetPagination):
    class Input(LimitOffsetPagination.Input):
        limit: int = Field(50, ge=1, le=1000, description="Rows a page (at most API_PAGE_MAX).")
        offset: int = Field(0, ge=0, le=LARGEST_ID)

    def paginate_queryset(
        self,
        queryset: QuerySet[Any],
        pagination: LimitOffsetPagination.Input,
        request: HttpRequest,
        **params: Any,
    ) -> Any:
        pagination.limit = min(pagination.limit, coaching_settings.API_PAGE_MAX)
        return super().paginate_queryset(queryset, pagination, request, **params)
