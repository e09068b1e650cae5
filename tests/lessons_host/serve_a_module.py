"""Run in a fresh process: migrate the lessons-only host, make a private portal with a
module and a path, and write down what each page answered (`python -m
tests.lessons_host.serve_a_module REPORT.json`)."""

import json
import os
import sys

import django

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.lessons_host.settings"
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page, PageViewRestriction  # noqa: E402

from lessons.models import LearningPath, LearningPathStep, LearningPortalPage, ModulePage  # noqa: E402

call_command("migrate", verbosity=0)
call_command("check", fail_level="WARNING")

# An editor's work: a portal under the starter site's home page, private to signed-in
# people (the Privacy button), a module in it and a published path of that module.
home = Page.objects.get(depth=2)
portal = home.add_child(instance=LearningPortalPage(title="Handbook", slug="handbook"))
portal.save_revision().publish()
PageViewRestriction.objects.create(page=portal, restriction_type=PageViewRestriction.LOGIN)
body = json.dumps([{"type": "paragraph", "value": "<p>Listen first.</p>"}])
module = portal.add_child(
    instance=ModulePage(title="Serving customers", slug="serving", summary="Start.", body=body)
)
module.save_revision().publish()
learning_path = LearningPath(title="First week", slug="first-week", live=False)
learning_path.steps = [LearningPathStep(kind="module", page=module)]
learning_path.save()
learning_path.save_revision().publish()

pages = {
    "portal": portal.url,
    "module": module.url,
    "path": f"{portal.url}paths/{learning_path.slug}/",
}
report = {"pages": pages, "anonymous": {}, "signed in": {}, "staff": {}}


def note(who, client):
    for name, url in pages.items():
        response = client.get(url)
        report[who][name] = {
            "status": response.status_code,
            "location": response.get("Location", ""),
            "html": response.content.decode(),
        }


note("anonymous", Client())
reader = Client()
reader.force_login(get_user_model().objects.create_user("ayu", first_name="Ayu", password="!"))
note("signed in", reader)
staff = Client()
staff.force_login(get_user_model().objects.create_superuser("hana", password="!"))
note("staff", staff)
report["coaching modules imported"] = sorted(
    name for name in sys.modules if name.split(".")[0] == "coaching"
)

with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(report, out)
