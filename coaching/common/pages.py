"""What every coaching page shares: the host's base template and, for the header, the portal
of the site the request is for."""

from collections.abc import Sequence
from typing import Any, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse

from lessons.conf import base_template
from lessons.models import LearningPortalPage

Row = TypeVar("Row")


def render_page(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    context = {
        "base_template": base_template(),
        "portal": LearningPortalPage.for_reader(request),
        **context,
    }
    return render(request, template, context, status=status)


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, or None on GET: a form bound to a POST that arrived empty still
    validates and says what is missing (`request.POST or None` would show it blank)."""
    return request.POST if request.method == "POST" else None


def paginate(
    request: HttpRequest, rows: Sequence[Row] | QuerySet[Any, Row], per_page: int
) -> tuple[Page[Row], str]:
    """The requested page of `rows`, and the query string (filters, sort) its links keep."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def url_prefix(name: str, *args: Any) -> str:
    """The URL named `name` (whose last argument is an id or a number, after `args`) up to
    that last argument: a page of rows builds each link as prefix + id + "/", with one
    `reverse` for the page instead of one a row."""
    marker = "2147483647"  # no row has it: only its place in the URL matters
    head, tail = reverse(name, args=[*args, int(marker)]).rsplit(marker, 1)
    if tail != "/":
        raise ValueError(f"{name} does not end in its id: {head}{marker}{tail}")
    return head
