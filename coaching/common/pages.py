"""What every coaching page shares: the host's base template and the portal for the header."""

from django.core.paginator import Paginator
from django.shortcuts import render

from lessons.conf import base_template
from lessons.models import LearningPortalPage


def render_page(request, template, context, status=200):
    context = {
        "base_template": base_template(),
        "portal": LearningPortalPage.main(),
        **context,
    }
    return render(request, template, context, status=status)


def posted(request):
    """The submitted data, or None on GET: a form bound to a POST that arrived empty still
    validates and says what is missing (`request.POST or None` would show it blank)."""
    return request.POST if request.method == "POST" else None


def paginate(request, rows, per_page):
    """The requested page of `rows`, and the query string (filters, sort) its links keep."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
