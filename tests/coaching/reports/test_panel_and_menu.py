"""The dashboard panel for coaches, and an admin menu without screens people cannot use."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import builders

from .conftest import admin_user, set_assignment

pytestmark = pytest.mark.django_db

PANEL = 'id="trainees-needing-attention-section"'


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def panel(html):
    start = html.index(PANEL)
    return html[start : html.index("</section>", start)]


def menu_urls(html):
    """Every URL the admin sidebar offers (its props are JSON in the page)."""
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    return set(re.findall(r'"url": "([^"]+)"', json.dumps(json.loads(props))))


def test_a_coach_sees_overdue_and_waiting_new_hires(client, company):
    html = panel(home(client, company.agus))

    assert reverse("coaching:trainee", args=[company.rizky.pk]) in html
    assert "Rizky" in html
    assert "1 new hire needs your attention." in html
    assert reverse("coaching:dashboard") in html


def test_a_coach_whose_new_hires_are_fine_is_told_so(client, company):
    html = panel(home(client, company.citra))

    assert "Nobody needs your attention" in html


def test_a_new_hire_quiet_for_two_weeks_needs_attention(client, company):
    assignment = company.nadia.assignments.get(path=company.service)
    set_assignment(assignment, assigned_days_ago=20)

    html = panel(home(client, company.citra))

    assert reverse("coaching:trainee", args=[company.nadia.pk]) in html
    assert "Nothing for 2" in html  # "Nothing for 2 weeks, 6 days"
    assert reverse("coaching:trainee", args=[company.bima.pk]) not in html


def test_the_panel_escapes_names(client, company):
    company.rizky.first_name = "<b>Rizky</b>"
    company.rizky.save()

    html = panel(home(client, company.agus))

    assert "&lt;b&gt;Rizky&lt;/b&gt;" in html
    assert "<b>Rizky</b>" not in html


def test_people_who_coach_nobody_have_no_panel(client, company, hr):
    assert PANEL not in home(client, hr)


def test_a_coach_sees_the_reports_but_not_module_proposals(client, company):
    urls = menu_urls(home(client, company.citra))

    assert reverse("onboarding_reports:completion", kwargs={"by": "path"}) in urls
    assert reverse("onboarding_reports:goals") in urls
    assert reverse("module_proposals:index") not in urls


def test_an_editor_who_may_add_modules_sees_module_proposals(client, portal, editor):
    # Wagtail's own Editors group may add pages anywhere in the tree.
    editor.groups.add(Group.objects.get(name="Editors"))

    urls = menu_urls(home(client, editor))

    assert reverse("module_proposals:index") in urls
    assert reverse("onboarding_reports:completion", kwargs={"by": "path"}) in urls


def test_people_without_report_rights_see_no_reports(client, company):
    urls = menu_urls(home(client, admin_user("outsider")))

    assert not any("/reports/onboarding/" in url for url in urls)


def test_new_hires_need_no_admin_access_for_their_coach_to_see_them(client, company):
    builders.make_trainee("dewi", coach=company.citra)

    assert PANEL in home(client, company.citra)
