"""Every URL the project defines, asked by every kind of person: no unexpected 200.

The URLs come from the URL resolver: the plugin's own (the `coaching` namespace) and the
admin screens of the viewsets the plugin registers. A new URL fails this test until it
says below who may open it, so none can be forgotten. Every page that answers 200 must
also carry the Content Security Policy and satisfy it (no inline script or style).
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.viewsets import viewsets

from coaching.models import ActionItem
from tests import builders
from tests.coaching.record import make

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "owner", "other trainee", "coach", "other coach", "hr"]
EVERYONE = {"owner", "other trainee", "coach", "other coach", "hr"}
KEEPERS = {"owner", "coach", "hr"}  # who reads the owner's record
COACHES = {"coach", "other coach", "hr"}

# Who gets a 200 on GET, for every URL of the plugin. POST-only URLs: nobody.
MAY_OPEN = {
    "sign_in": {"anonymous"},  # signed-in people are sent on to the portal
    "sign_out": set(),
    "home": EVERYONE,
    "assignment": {"owner"},
    "step": {"owner"},
    "complete_module": set(),
    "take_check": set(),
    "submit_task": set(),
    "dashboard": COACHES,
    "assign": COACHES,
    "trainee": {"coach", "hr"},
    "cancel_assignment": set(),
    "change_due": set(),
    "sign_off": set(),
    "send_back": set(),
    "plan_checkin": set(),
    "record_checkin": set(),
    "my_record": set(),  # a redirect to the person's own record
    "export_record": EVERYONE,  # everyone's own record only
    "print_record": EVERYONE,
    "record": KEEPERS,
    "new_entry": {"coach", "hr"},  # feedback is written by coaches and HR
    "erase_record": {"hr"},
    "entry": KEEPERS,
    "edit_entry": {"coach"},  # the author only
    "reply": set(),
    "cheer": set(),
    "goal_check_in": KEEPERS,
    "add_item": set(),
    "item_done": set(),
    "kudos": EVERYONE,
    "give_recognition": EVERYONE,
    "notifications": EVERYONE,
    "open_notification": set(),
    "mark_all_read": set(),
    "preferences": EVERYONE,
    "choose_language": set(),
}

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if namespace and pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}"
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace, pattern


def plugin_urls():
    return [
        pattern
        for namespace, pattern in walk(get_resolver().url_patterns)
        if namespace == "coaching"
    ]


def plugin_admin_urls():
    ours = {
        viewset.name
        for viewset in viewsets.viewsets
        if type(viewset).__module__.startswith("coaching")
    }
    return [
        (namespace, pattern)
        for namespace, pattern in walk(get_resolver().url_patterns)
        if namespace in ours
    ]


@pytest.fixture
def world(portal):
    coach, other_coach = builders.make_user("coach"), builders.make_user("othercoach")
    owner = builders.make_trainee("owner", coach=coach)
    other = builders.make_trainee("other", coach=other_coach)
    learning_path = builders.make_path_of_every_kind(portal)
    assignment = builders.assign(learning_path, owner)  # also notifies the owner
    entries = make.one_of_each(owner, coach)
    action = ActionItem.objects.create(meeting=entries["one-on-one"], owner=owner, text="Call")
    people = {
        "anonymous": None,
        "owner": owner,
        "other trainee": other,
        "coach": coach,
        "other coach": other_coach,
        "hr": builders.make_hr(),
    }
    values = {
        "assignment_id": assignment.pk,
        "number": 3,  # the practical task
        "trainee_id": owner.pk,
        "person_id": owner.pk,
        "entry_id": entries["feedback"].pk,
        "kind": "feedback",
        "item": "action",
        "item_id": action.pk,
        "notification_id": owner.notifications.first().pk,
    }
    per_url = {
        "goal_check_in": {"entry_id": entries["goal"].pk},
        "add_item": {"entry_id": entries["one-on-one"].pk, "item": "agenda"},
    }
    return people, values, per_url


def kwargs_for(pattern, values, per_url):
    names = pattern.pattern.regex.groupindex
    missing = [name for name in names if name not in values]
    assert not missing, f"Say in `world` which object {pattern.name} takes for {missing}."
    return {name: per_url.get(pattern.name, {}).get(name, values[name]) for name in names}


def get_as(client, person, url):
    client.logout()
    if person is not None:
        client.force_login(person)
    return client.get(url)


def check_policy(response, url):
    if "text/html" not in response.get("Content-Type", ""):
        return
    policy = response.get("Content-Security-Policy", "")
    assert "script-src 'self'" in policy and "style-src 'self'" in policy, url
    html = response.content.decode()
    for pattern in (INLINE_SCRIPT, INLINE_HANDLER, INLINE_STYLE):
        assert not pattern.search(html), f"{url}: {pattern.search(html).group(0)}"


def test_every_plugin_url_says_who_may_open_it():
    names = {pattern.name for pattern in plugin_urls()}
    assert names - MAY_OPEN.keys() == set(), "Add the new URLs to MAY_OPEN"
    assert MAY_OPEN.keys() - names == set(), "Remove URLs that are gone from MAY_OPEN"


def test_nobody_gets_a_page_they_should_not(client, world):
    people, values, per_url = world
    unexpected, missing = [], []
    for pattern in plugin_urls():
        url = reverse(f"coaching:{pattern.name}", kwargs=kwargs_for(pattern, values, per_url))
        for role in ROLES:
            response = get_as(client, people[role], url)
            allowed = role in MAY_OPEN[pattern.name]
            if response.status_code == 200:
                check_policy(response, url)
                if not allowed:
                    unexpected.append((pattern.name, role))
            elif allowed:
                missing.append((pattern.name, role, response.status_code))

    assert unexpected == []
    assert missing == []


def test_nobody_without_admin_access_gets_a_plugin_admin_screen(client, world):
    people, _values, _per_url = world
    admin_urls = plugin_admin_urls()
    assert len(admin_urls) >= 10  # people, notification emails, proposals, reports
    unexpected = []
    for namespace, pattern in admin_urls:
        kwargs = dict.fromkeys(pattern.pattern.regex.groupindex, "1")
        url = reverse(f"{namespace}:{pattern.name}", kwargs=kwargs)
        for role in ROLES:
            if get_as(client, people[role], url).status_code == 200:
                unexpected.append((namespace, pattern.name, role))

    assert unexpected == []
