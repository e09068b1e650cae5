"""The demo's people side: new hires' profiles, who coaches whom, and work under way.

Like the rest of the loader it only adds what is missing: assignments that exist are
left alone, and progress is seeded only on assignments this run created.
"""

import io
from datetime import timedelta

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from coaching.learning import evidence
from coaching.learning.assigning import assign_path
from coaching.learning.models import Assignment
from coaching.learning.progress import (
    complete_module,
    knowledge_check_for,
    submit_task,
    take_check,
)
from coaching.people.models import CoachRelationship, TraineeProfile
from lessons.models import LearningPath, StepKind

COACHES = {"nadia": "citra", "bima": "citra", "rizky": "agus"}
# A buddy: a colleague a little further along, for everyday questions.
BUDDIES = {"bima": "nadia", "rizky": "nadia"}
# path slug -> (new hires, days after the start date it is due, module steps to mark done)
ASSIGNMENTS = {
    "company-orientation": ({"nadia": 4, "bima": 1, "rizky": 0}, 30),
    "customer-service-essentials": ({"nadia": 3, "bima": 0}, 45),
}
# A practical task Nadia has done and is waiting for her coach to sign off, with a photo of
# her notes as evidence.
SUBMITTED = {"nadia": ("customer-service-essentials", "I shadowed Ayu on three calls.")}
NOTES = [
    "Call 1 - billing: double charge. Ayu repeated the amount back, checked the bill first.",
    "Call 2 - outage: named the impact (working from home), gave a real update time.",
    "Call 3 - slow wifi: line test before any troubleshooting; agreed a callback.",
    "Same next time: say what I will do and when. Differently: fewer 'sorry's.",
]
# A knowledge check Bima has failed up to its attempt limit: his coach can grant him more
# attempts or waive the step (issue 12, nobody stuck).
OUT_OF_ATTEMPTS = {"bima": "customer-service-essentials"}


def grant_roles(groups):
    # Coaches use the Wagtail admin for their reports and the dashboard panel.
    groups["coach"].permissions.add(
        *Permission.objects.filter(codename__in=["coach_trainees", "access_admin"])
    )
    groups["hr"].permissions.add(
        *Permission.objects.filter(
            content_type__app_label="coaching",
            codename__in=[
                "manage_all_trainees",
                *(
                    f"{action}_{model}"
                    for model in ("traineeprofile", "coachrelationship")
                    for action in ("add", "change", "delete", "view")
                ),
            ],
        )
    )


def ensure_profiles(rows, people, units, report):
    today = timezone.localdate()
    for row in rows:
        if row["role"] != "trainee":
            continue
        profile, created = TraineeProfile.objects.get_or_create(
            user=people[row["username"]],
            defaults={
                "start_date": today + timedelta(days=row.get("start_date_offset_days", 0)),
                "business_unit": units.get(row.get("unit") or ""),
                "job_title": row.get("job_title", ""),
                "buddy": people.get(BUDDIES.get(row["username"], "")),
            },
        )
        if created:
            report.add(profile)
        coach = people[COACHES[row["username"]]]
        relationship, created = CoachRelationship.objects.get_or_create(
            coach=coach,
            trainee=profile.user,
            defaults={"is_primary": True, "starts_on": min(today, profile.start_date)},
        )
        if created:
            report.add(relationship)


def ensure_assignments(people, report):
    for slug, (progress, due_days) in ASSIGNMENTS.items():
        learning_path = LearningPath.objects.assignable().get(slug=slug)
        usernames = list(progress)
        before = set(
            Assignment.objects.filter(path=learning_path).values_list("trainee_id", flat=True)
        )
        assign_path(
            learning_path,
            TraineeProfile.objects.filter(user__username__in=usernames),
            assigned_by=people[COACHES[usernames[0]]],
            due_after_start_days=due_days,
        )
        for assignment in Assignment.objects.filter(path=learning_path).exclude(
            trainee_id__in=before
        ):
            report.add(assignment)
            seed_progress(assignment, progress[assignment.trainee.username])


def seed_progress(assignment, modules_done):
    """Read the first modules in order (up to the first that ends with a check), and
    submit a task where the demo wants one waiting for sign-off."""
    steps = list(assignment.version.steps.select_related("page", "knowledge_check"))
    for step in [s for s in steps if s.kind == StepKind.MODULE][:modules_done]:
        if knowledge_check_for(step) is not None:
            break
        complete_module(assignment, step)
    if OUT_OF_ATTEMPTS.get(assignment.trainee.username) == assignment.path.slug:
        use_every_attempt(assignment, steps)
    slug, note = SUBMITTED.get(assignment.trainee.username, (None, ""))
    if slug == assignment.path.slug:
        task = next(s for s in steps if s.kind == StepKind.TASK)
        photo = notes_photo()
        kind = evidence.check(photo, photo.name, photo.size)
        submit_task(assignment, task, note=note, files=[(photo, kind)], by=assignment.trainee)


def notes_photo():
    """A picture of the new hire's call notes, drawn here so the demo ships no binary."""
    image = Image.new("RGB", (720, 220), "#fdfbf3")
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(NOTES):
        draw.text((20, 24 + 44 * number), line, fill="#1c2430")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile("call-notes.png", buffer.getvalue(), content_type="image/png")


def use_every_attempt(assignment, steps):
    """Fail the path's first limited knowledge check as many times as it allows."""
    for step in steps:
        check = knowledge_check_for(step)
        if check is not None and check.max_attempts:
            for _attempt in range(check.max_attempts):
                take_check(assignment, step, answers={})
            return
