"""A publish that answered "people who read it must read this change" (a learnable page)
or "people who passed it must pass this version" (a knowledge check)."""

from coaching.common.publishing import publish_goes_on
from coaching.rereading.changes import ask_everyone_who_passed, ask_everyone_who_read
from lessons.models import KnowledgeCheck, LearnablePage


def must_read_published(sender, instance, revision=None, **kwargs):
    """Connected to Wagtail's `page_published` (CoachingConfig.ready): a revision published
    (now, or at its scheduled time) with the question ticked asks everyone who read it."""
    if isinstance(instance, LearnablePage) and instance.change_must_be_read and instance.live:
        by = getattr(revision, "user", None) if revision is not None else None
        with publish_goes_on("asking readers to read the change", instance):
            ask_everyone_who_read(instance, revision, by)


def must_pass_published(sender, instance, **kwargs):
    """Connected to Wagtail's `published` for knowledge checks: a version published with
    "people who passed it must pass this version" asks them to pass it."""
    if isinstance(instance, KnowledgeCheck) and instance.change_must_be_passed and instance.live:
        with publish_goes_on("asking those who passed to pass the new version", instance):
            ask_everyone_who_passed(instance)
