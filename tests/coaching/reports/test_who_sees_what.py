"""Each role's reports: the Onboarding submenu of Reports offers what the person may open,
and every other report turns them back. People data (goals, recognition) is for HR and
for coaches (their own people's); editors see the figures about the content."""

import json
import re

import pytest
from django.urls import reverse

from coaching.reports.completion import DIMENSIONS

from .conftest import admin_user
from .helpers import page_table
from .test_panel_and_menu import home, menu_urls

pytestmark = pytest.mark.django_db

SIDEBAR = r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>'

CONTENT = {
    "completion": reverse("onboarding_reports:completion", kwargs={"by": "path"}),
    "funnel": reverse("onboarding_reports:funnel"),
    "questions": reverse("onboarding_reports:questions"),
    "content_freshness": reverse("onboarding_reports:content_freshness"),
}
PEOPLE = {
    "recognition": reverse("onboarding_reports:recognition", kwargs={"by": "value"}),
    "goals": reverse("onboarding_reports:goals"),
}
STUCK = reverse("coaching_stuck_steps:index")
TRAIL = reverse("onboarding_trail:index")
EVERY = {**CONTENT, **PEOPLE, "stuck": STUCK, "trail": TRAIL}
# who: the reports they open
ROLES = {
    "hr": set(EVERY),
    "editor": {*CONTENT, "stuck"},
    "coach": {*CONTENT, *PEOPLE},
    "outsider": set(),
}
TURNED_BACK = "turned back"  # Wagtail's answer to PermissionDenied in the admin


def person(role, request, company):
    if role == "coach":
        return company.citra
    if role == "outsider":
        return admin_user("outsider")
    return request.getfixturevalue(role)


def answer(client, url):
    """200, 404, or TURNED_BACK to the dashboard with Wagtail's "no permission" message."""
    response = client.get(url)
    if response.status_code == 302 and response.url == reverse("wagtailadmin_home"):
        return TURNED_BACK
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_its_reports_and_no_other(client, request, company, role):
    client.force_login(person(role, request, company))
    allowed = ROLES[role]

    answers = {name: answer(client, url) for name, url in EVERY.items()}

    assert {name for name, code in answers.items() if code == 200} == allowed
    refused = {code for name, code in answers.items() if name not in allowed}
    # the stuck steps answer 404; the other reports turn people back as Wagtail does
    assert refused <= {404, TURNED_BACK}
    if "stuck" not in allowed:
        assert answers["stuck"] == 404


@pytest.mark.parametrize("role", ROLES)
def test_the_onboarding_submenu_offers_each_role_what_it_may_open(client, request, company, role):
    urls = menu_urls(home(client, person(role, request, company)))
    allowed = ROLES[role]

    assert {name for name, url in EVERY.items() if url in urls} == allowed


def submenu(node, name):
    """The sidebar's submenu called `name` (its props: {"_type", "_args": [{"name", "label",
    ...}, [items]]}), searched for through `node`."""
    if isinstance(node, dict):
        args = node.get("_args")
        if node.get("_type") == "wagtail.sidebar.SubMenuItem" and args[0]["name"] == name:
            return node
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            if found := submenu(child, name):
                return found
    return None


def test_the_onboarding_reports_are_one_submenu_of_reports(client, company, hr):
    html = home(client, hr)
    props = json.loads(re.search(SIDEBAR, html, re.S).group(1))

    onboarding = submenu(submenu(props, "reports"), "onboarding-reports")

    assert onboarding["_args"][0]["label"] == "Onboarding"
    items = [item["_args"][0]["url"] for item in onboarding["_args"][1]]
    assert items == list(EVERY.values())  # in this order


def test_people_data_exports_are_refused_to_editors_too(client, company, editor):
    client.force_login(editor)

    for url in PEOPLE.values():
        assert answer(client, url + "?export=csv") == TURNED_BACK
        assert answer(client, url + "?export=xlsx") == TURNED_BACK


def test_an_editor_who_coaches_sees_only_their_own_peoples_goals(client, company, editor):
    company.citra.user_permissions.add(*editor.user_permissions.all())
    client.force_login(company.citra)

    goals = page_table(client.get(PEOPLE["goals"]))
    completion = page_table(client.get(CONTENT["completion"]))

    assert goals[1:] == [["Customer Service", "1", "0", "0", "1", "2"]]  # nadia's two goals
    assert completion[1][1] == "4"  # the content figures count everyone


BY = {by: reverse("onboarding_reports:completion", kwargs={"by": by}) for by in DIMENSIONS}


@pytest.mark.parametrize("role", ROLES)
def test_completion_by_coach_is_people_data(client, request, company, role):
    """How each coach's people are doing is people data, as goals and recognition are:
    editors get completion by path, unit and cohort, and no Coach tab."""
    client.force_login(person(role, request, company))
    people = "goals" in ROLES[role]
    content = "completion" in ROLES[role]

    answers = {by: answer(client, url) for by, url in BY.items()}
    by_path = client.get(BY["path"]).content.decode() if content else ""

    assert answers == {
        by: 200 if (people if by == "coach" else content) else TURNED_BACK for by in BY
    }
    assert (f'href="{BY["coach"]}' in by_path) == people
    if content:
        assert f'href="{BY["unit"]}' in by_path
    assert answer(client, BY["coach"] + "?export=csv") == (200 if people else TURNED_BACK)
