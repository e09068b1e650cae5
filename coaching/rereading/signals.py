"""The publish of a learnable page answered "people who read it must read this change"."""

from coaching.rereading.changes import ask_everyone_who_read
from lessons.models import LearnablePage


def must_read_published(sender, instance, revision=None, **kwargs):
    """Connected to Wagtail's `page_published` (CoachingConfig.ready): a revision published
    (now, or at its scheduled time) with the question ticked asks everyone who read it."""
    if isinstance(instance, LearnablePage) and instance.change_must_be_read and instance.live:
        by = getattr(revision, "user", None) if revision is not None else None
        ask_everyone_who_read(instance, revision, by)
