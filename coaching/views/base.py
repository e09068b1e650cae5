"""What every coaching page shares: the host's base template and the portal for the header."""

from django.shortcuts import render

from lessons.conf import base_template
from lessons.models import LearningPortalPage


def render_page(request, template, context, status=200):
    context = {
        "base_template": base_template(),
        "portal": LearningPortalPage.objects.live().order_by("path").first(),
        **context,
    }
    return render(request, template, context, status=status)
