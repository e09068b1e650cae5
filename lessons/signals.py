"""Signal wiring for lessons, connected from LessonsConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signals import page_published, published

from lessons.models import KnowledgeCheck, LearnablePage, LearningPath, PathVersion, PathVersionStep
from lessons.models.pages import forget_portals


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


def forget_portals_of_page(sender, instance, **kwargs):
    """Any page saved or deleted may be a portal, or hold one: the portals' cache goes.
    (Publishing, unpublishing and moving a page save it, so they clear it too.)"""
    if isinstance(instance, Page):
        forget_portals()


def connect():
    post_save.connect(forget_portals_of_page, dispatch_uid="lessons_portals_saved")
    post_delete.connect(forget_portals_of_page, dispatch_uid="lessons_portals_deleted")
    for signal in (post_save, post_delete):
        signal.connect(forget_portals, sender=Locale, dispatch_uid=f"lessons_portals_{signal}")
    published.connect(record_published_path, sender=LearningPath, dispatch_uid="lessons_path_v")
    published.connect(
        follow_translated_title, sender=KnowledgeCheck, dispatch_uid="lessons_check_title"
    )
    page_published.connect(follow_translated_page, dispatch_uid="lessons_page_title")
    # Indexing versions lets Wagtail's delete view see that a published path is protected.
    ReferenceIndex.register_model(PathVersion)
