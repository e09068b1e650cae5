"""Paths follow Wagtail's publishing: scheduled publishing and moderation workflows
both end in a recorded version, and only then."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from lessons.models import LearningPath, PathVersion
from tests import builders

pytestmark = pytest.mark.django_db


def test_a_scheduled_path_is_versioned_when_it_goes_live():
    learning_path = builders.make_path(steps=["Shadow a call"], publish=False)
    learning_path.go_live_at = timezone.now() + timedelta(days=1)
    revision = learning_path.save_revision(approved_go_live_at=None)
    revision.publish()
    assert not PathVersion.objects.exists()  # scheduled, not yet live

    # Let the day pass: the scheduled time, here and in the revision, is now behind us.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")

    learning_path.refresh_from_db()
    assert learning_path.live
    assert learning_path.current_version.number == 1


def test_a_path_approved_through_a_workflow_is_versioned():
    moderators = Group.objects.get(name="Moderators")
    # Approvers publish when they approve, so their group needs the publish permission.
    moderators.permissions.add(Permission.objects.get(codename="publish_learningpath"))
    moderator = builders.make_user("moderator", is_staff=True)
    moderator.groups.add(moderators)
    workflow = Workflow.objects.create(name="L&D review")
    task = GroupApprovalTask.objects.create(name="L&D lead approves")
    task.groups.set([moderators])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(
        content_type=ContentType.objects.get_for_model(LearningPath), workflow=workflow
    )
    author = builders.make_user("author")
    learning_path = builders.make_path(steps=["Shadow a call"], publish=False)

    state = workflow.start(learning_path, author)
    assert not PathVersion.objects.exists()  # waiting for approval
    state.current_task_state.approve(user=moderator)

    learning_path.refresh_from_db()
    assert learning_path.live
    assert [s.title for s in learning_path.current_version.steps.all()] == ["Shadow a call"]


def test_a_taken_slug_is_refused_beside_the_field_not_with_an_error(db):
    taken = builders.make_path("Orientation", slug="orientation")
    again = LearningPath(title="Orientation again", slug="orientation", locale=taken.locale)

    with pytest.raises(ValidationError) as refused:
        again.clean()

    assert "slug" in refused.value.message_dict
    taken.clean()  # its own slug is not taken by itself
