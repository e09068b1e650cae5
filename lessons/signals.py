"""Signal wiring for lessons, connected from LessonsConfig.ready()."""

from wagtail.models import ReferenceIndex
from wagtail.signals import page_published, published

from lessons.models import KnowledgeCheck, LearnablePage, LearningPath, PathVersion, PathVersionStep


def record_published_path(sender, instance, revision=None, **kwargs):
    """Every publish of a path becomes an immutable version that assignments can pin.
    A published translation records none of its own: its titles go into its source's
    versions, so that the people following the path read it in their language on the
    same assignment."""
    # Wagtail also sends `published` when a first publish is only scheduled for later;
    # the version is recorded when publish_scheduled makes it live.
    if not instance.live:
        return
    source = instance.translated_from()
    if source is None:
        PathVersion.objects.record(instance, revision=revision)
    else:
        PathVersion.objects.take_translation(source, instance)


def follow_translated_title(sender, instance, **kwargs):
    """A module's or check's translation published: the current versions' steps that
    borrow its title read it in its language, even in a path never translated. (The
    original itself changes nothing: steps point at it, and keep the title it had.)"""
    if instance.live:
        PathVersionStep.objects.follow_translation(instance)


def follow_translated_page(sender, instance, **kwargs):
    if isinstance(instance, LearnablePage):
        follow_translated_title(sender, instance, **kwargs)


def connect():
    published.connect(record_published_path, sender=LearningPath, dispatch_uid="lessons_path_v")
    published.connect(
        follow_translated_title, sender=KnowledgeCheck, dispatch_uid="lessons_check_title"
    )
    page_published.connect(follow_translated_page, dispatch_uid="lessons_page_title")
    # Indexing versions lets Wagtail's delete view see that a published path is protected.
    ReferenceIndex.register_model(PathVersion)
