"""Use the installed plugin in a stock Wagtail site, as its people would, and write down
what each page answered.

Run by the site's own virtual environment, in the site's folder, after the README's steps
(`python use_the_plugin.py REPORT.json`): it sees the plugin only as installed from its
wheel, never this repository. It reaches the plugin through what a host site relies on:
app labels and model names, the URLs under /onboarding/, and Wagtail's page tree. The
report maps each page and language to its status, redirect and HTML; the test asserts.
"""

import json
import os
import sys
from datetime import date

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "host.settings.dev")  # as manage.py does
django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

User = get_user_model()
LearningPortalPage = apps.get_model("lessons", "LearningPortalPage")
ModulePage = apps.get_model("lessons", "ModulePage")
LearningPath = apps.get_model("lessons", "LearningPath")
LearningPathStep = apps.get_model("lessons", "LearningPathStep")
TraineeProfile = apps.get_model("coaching", "TraineeProfile")
CoachRelationship = apps.get_model("coaching", "CoachRelationship")

report = {}


def note(name, response):
    report[name] = {
        "status": response.status_code,
        "location": response.get("Location", ""),
        "html": response.content.decode(),
    }


def signed_in(user, browser_language):
    client = Client(HTTP_ACCEPT_LANGUAGE=browser_language)
    client.force_login(user)
    return client


call_command("check", fail_level="WARNING")

# An editor's content: a portal under the starter site's home page, a module in it, and a
# published path of that module.
home = Page.objects.get(depth=2)
portal = home.add_child(instance=LearningPortalPage(title="Onboarding", slug="onboarding-portal"))
portal.save_revision().publish()
body = json.dumps([{"type": "paragraph", "value": "<p>Listen first.</p>"}])
module = portal.add_child(
    instance=ModulePage(
        title="Serving customers",
        slug="serving",
        summary="Start here.",
        estimated_minutes=10,
        body=body,
    )
)
module.save_revision().publish()
first_week = LearningPath(title="First week", slug="first-week", live=False)
first_week.steps = [LearningPathStep(kind="module", page=module)]
first_week.save()
first_week.save_revision().publish()

# HR's part: a new hire and her coach.
nadia = User.objects.create_user("nadia", first_name="Nadia", password="!")
citra = User.objects.create_user("citra", first_name="Citra", password="!")
hana = User.objects.create_superuser("hana", password="!")
profile = TraineeProfile.objects.create(user=nadia, start_date=date.today(), job_title="Agent")
CoachRelationship.objects.create(coach=citra, trainee=nadia, is_primary=True)

anonymous = Client()
note("My onboarding, anonymous", anonymous.get("/onboarding/"))
note("sign-in page", anonymous.get(report["My onboarding, anonymous"]["location"]))

coach = signed_in(citra, "en")
assigned = {"path": first_week.pk, "target": "people", "trainees": [profile.pk]}
note("assigning", coach.post("/onboarding/coach/assign/", {**assigned, "due_kind": "none"}))
note("coach dashboard, en", coach.get("/onboarding/coach/"))
note("coach dashboard, id", signed_in(citra, "id").get("/onboarding/coach/"))

new_hire = signed_in(nadia, "en")
note("module page, en", new_hire.get(module.url))
note("My onboarding, en", new_hire.get("/onboarding/"))
switch = {"language": "id", "next": "/onboarding/"}
note("choosing Bahasa Indonesia", new_hire.post("/onboarding/language/", switch))
note("module page, id", new_hire.get(module.url))
note("My onboarding, id", new_hire.get("/onboarding/"))
# Her choice is kept with her, not only in this browser's cookie.
note("My onboarding, id, another browser", signed_in(nadia, "en").get("/onboarding/"))

admin = signed_in(hana, "en")
note("Wagtail admin", admin.get("/admin/"))
note("learning paths in the admin", admin.get("/admin/snippets/lessons/learningpath/"))
# The admin in Bahasa Indonesia, Wagtail's own words where Wagtail 8.0 has none among them.
admin_in_indonesian = signed_in(hana, "id")
note("Wagtail admin, id", admin_in_indonesian.get("/admin/"))
javascript_words = admin_in_indonesian.get("/onboarding/wagtail-words.js", {"language": "id"})
note("Wagtail's JavaScript words, id", javascript_words)

with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(report, out)
