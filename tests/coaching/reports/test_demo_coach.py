"""In the demo, a coach signs in to the Wagtail admin and finds their reports and panel."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from .test_panel_and_menu import PANEL, menu_urls

pytestmark = pytest.mark.django_db


def test_a_demo_coach_uses_the_admin_for_reports_and_their_new_hires(client):
    call_command("load_demo", stdout=StringIO())
    citra = get_user_model().objects.get(username="citra")
    client.force_login(citra)

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    report = client.get(reverse("onboarding_reports:completion", kwargs={"by": "path"}))

    assert PANEL in html
    urls = menu_urls(html)
    assert reverse("onboarding_reports:funnel") in urls
    assert reverse("module_proposals:index") not in urls
    assert not any(url.startswith(reverse("wagtailadmin_explore_root")) for url in urls)
    assert report.status_code == 200
    assert "These figures count only the new hires you coach." in report.content.decode()
