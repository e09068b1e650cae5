"""Signal wiring for lessons, connected from LessonsConfig.ready()."""

from wagtail.models import ReferenceIndex
from wagtail.signals import published

from lessons.models import LearningPath, PathVersion


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


def connect():
    published.connect(record_published_path, sender=LearningPath, dispatch_uid="lessons_path_v")
    # Indexing versions lets Wagtail's delete view see that a published path is protected.
    ReferenceIndex.register_model(PathVersion)
