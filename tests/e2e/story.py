"""The onboarding story's names, and what each part of it leaves behind, built straight
through the services, so that any part of test_onboarding_story.py can run on its own.

The browser tests never touch the database themselves (see conftest.py): `reach` runs in
the server's environment, through `manage.py shell` (Server.reach). Every step is taken
only when it has not been, so it also finishes a story an earlier test left half done.
"""

import datetime
import json
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from coaching.learning.assigning import assign_path
from coaching.learning.progress import complete_module, knowledge_check_for, submit_task, take_check
from coaching.models import (
    Assignment,
    Feedback,
    ProgressStatus,
    Recognition,
    StepProgress,
    TraineeProfile,
)
from coaching.record.writing import write_entry
from lessons.models import (
    CompanyValue,
    KnowledgeCheck,
    LearningPath,
    LearningPortalPage,
    ModulePage,
)
from tests import builders

TIME_ZONE = "Asia/Jakarta"  # the site's, as in config/settings/base.py
PORTAL = "Onboarding at Nusantara Connect"
MODULE = "Handling a billing complaint"
MODULE_TEXT = "Listen first, then check the bill line by line with the customer."
PATH = "Billing complaints"
PATH_SLUG = "billing-complaints"
CHECK = "Customer service basics"
CHECK_SLUG = "customer-service-basics"
TASK = "Handle one billing call with a buddy"
FEEDBACK_BEHAVIOUR = "You repeated the customer's account number back before changing it."
RECOGNITION = "Nadia stayed late to call back a customer whose bill we had got wrong."
SIGN_OFF_COMMENT = "Clear notes, and you checked the bill before promising anything."
TASK_NOTE = "Took a call about a double charge with Rina listening."
DUE_IN_DAYS = 30

PARTS = ["published", "assigned", "submitted"]


def reach(part):
    """Bring the story up to the end of `part` (and of every part before it)."""
    for earlier in PARTS[: PARTS.index(part) + 1]:
        {"published": publish, "assigned": assign, "submitted": submit}[earlier]()


def publish():
    """The editor's part: a module under the portal, and a path of the module, the demo's
    knowledge check and a practical task, all published."""
    if LearningPath.objects.filter(slug=PATH_SLUG, live=True).exists():
        return
    portal = LearningPortalPage.objects.get(title=PORTAL)
    module = ModulePage.objects.filter(title=MODULE).first() or builders.make_module(
        portal,
        title=MODULE,
        summary="How to listen, check the bill and put it right.",
        estimated_minutes=7,
        body=json.dumps([{"type": "paragraph", "value": f"<p>{MODULE_TEXT}</p>"}]),
    )
    LearningPath.objects.filter(slug=PATH_SLUG).delete()  # a draft left by a failed test
    builders.make_path(
        PATH,
        slug=PATH_SLUG,
        steps=[module, KnowledgeCheck.objects.get(title=CHECK), TASK],
    )


def assign():
    """The coach's part: the path for Nadia and Bima, due in 30 days; feedback on Nadia's
    record; recognition for her, naming a company value."""
    users = get_user_model().objects
    citra, nadia = users.get(username="citra"), users.get(username="nadia")
    due = datetime.datetime.now(ZoneInfo(TIME_ZONE)).date() + datetime.timedelta(DUE_IN_DAYS)
    assign_path(  # skips whoever has it already
        LearningPath.objects.get(slug=PATH_SLUG),
        TraineeProfile.objects.filter(user__username__in=["nadia", "bima"]),
        assigned_by=citra,
        due_on=due,
    )
    if not Feedback.objects.filter(trainee=nadia, behaviour=FEEDBACK_BEHAVIOUR).exists():
        feedback = Feedback(
            feedback_kind="appreciation",
            situation="Your first billing call on Tuesday.",
            behaviour=FEEDBACK_BEHAVIOUR,
            impact="The customer heard that we had it right, and relaxed.",
            suggestion="Keep doing it, also on busy days.",
        )
        write_entry(feedback, trainee=nadia, author=citra)
    if not Recognition.objects.filter(trainee=nadia, message=RECOGNITION).exists():
        recognition = Recognition(
            value=CompanyValue.objects.get(name="Customers first"),
            message=RECOGNITION,
            is_public=True,
        )
        write_entry(recognition, trainee=nadia, author=citra)


def submit():
    """The new hire's part: the module read, the knowledge check passed, and the task sent
    for sign-off with a note."""
    assignment = Assignment.objects.select_related("version").get(
        trainee__username="nadia", path__slug=PATH_SLUG
    )
    module, check, task = assignment.version.steps.all()  # in their order
    complete_module(assignment, module)  # nothing happens when it is done already
    passed = StepProgress.objects.filter(
        assignment=assignment, step=check, status=ProgressStatus.DONE
    ).exists()
    if not passed:
        right = {
            question.id: [choice.key for choice in question.choices if choice.correct]
            for question in knowledge_check_for(check).grade({}).questions
        }
        take_check(assignment, check, right)
    submit_task(assignment, task, note=TASK_NOTE)
