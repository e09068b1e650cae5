"""Run in a fresh process: migrate the stock host, then use the plugin as a person would."""

import os
import sys

import django

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.plugin_host.settings"
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

from lessons.models import LearningPortalPage, ModulePage  # noqa: E402


def check(condition, message):
    if not condition:
        print(f"FAILED: {message}")
        sys.exit(1)


call_command("migrate", verbosity=0)  # the README's step 3
call_command("check", fail_level="WARNING")

home = Page.objects.get(depth=2)  # the starter site's home page
portal = home.add_child(instance=LearningPortalPage(title="Onboarding", slug="onboarding-portal"))
portal.save_revision().publish()
module = portal.add_child(
    instance=ModulePage(title="Welcome", slug="welcome", summary="Start here.", body="[]")
)
module.save_revision().publish()

client = Client()
anonymous = client.get(module.url)
check(anonymous.status_code == 302, f"anonymous got {anonymous.status_code}")
check(anonymous.url.startswith("/onboarding/sign-in/"), f"sent to {anonymous.url}")
check(client.get(anonymous.url).status_code == 200, "the sign-in page does not render")
check(client.get("/onboarding/").status_code == 302, "My onboarding is open to anonymous")

user = get_user_model().objects.create_superuser("host", "host@example.com", "pw")
client.force_login(user)
for url in (
    portal.url,
    module.url,
    "/onboarding/",
    "/onboarding/coach/",
    "/admin/snippets/lessons/learningpath/",
    "/admin/onboarding/new-hires/",
):
    response = client.get(url)
    check(response.status_code == 200, f"{url} answered {response.status_code}")
print("ok")
