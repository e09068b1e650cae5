"""Signal wiring for lessons, connected from LessonsConfig.ready()."""

from wagtail.models import ReferenceIndex
from wagtail.signals import published

from lessons.models import LearningPath, PathVersion


def record_published_path(sender, instance, revision=None, **kwargs):
    """Every publish of a path becomes an immutable version that assignments can pin."""
    # Wagtail also sends `published` when a first publish is only scheduled for later;
    # the version is recorded when publish_scheduled makes it live.
    if instance.live:
        PathVersion.objects.record(instance, revision=revision)


def connect():
    published.connect(record_published_path, sender=LearningPath, dispatch_uid="lessons_path_v")
    # Indexing versions lets Wagtail's delete view see that a published path is protected.
    ReferenceIndex.register_model(PathVersion)
