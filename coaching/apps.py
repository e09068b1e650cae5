from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_init
from django.utils.translation import gettext_lazy as _

from coaching.conf import reload_on_change


class CoachingConfig(AppConfig):
    """People and progress: assignments, step progress, development records, dashboards."""

    name = "coaching"
    verbose_name = _("Coaching")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save, pre_save
        from wagtail.signals import page_published, published
        from wagtail.users.models import UserProfile

        from coaching.account.languages import profile_saved
        from coaching.account.sites import remember_site
        from coaching.automation import seam
        from coaching.buddies.questions import buddy_saved, remember_buddy
        from coaching.learning.evidence import delete_stored_file
        from coaching.learning.models import Evidence
        from coaching.people import changes as people_changes
        from coaching.people.models import CoachRelationship, TraineeProfile
        from coaching.record.loops import module_published
        from coaching.rereading.signals import must_pass_published, must_read_published
        from coaching.webhooks import events as webhook_events
        from coaching.webhooks.models import Endpoint
        from coaching.webhooks.sending import forget_endpoints
        from lessons.models import KnowledgeCheck

        setting_changed.connect(reload_on_change, dispatch_uid="coaching_settings")
        user_logged_in.connect(remember_site, dispatch_uid="coaching_remember_site")
        post_delete.connect(
            delete_stored_file, sender=Evidence, dispatch_uid="coaching_evidence_files"
        )
        post_save.connect(profile_saved, sender=UserProfile, dispatch_uid="coaching_language")
        # Enrolment rules apply to a new hire who is added or changes unit, role or start.
        post_init.connect(seam.remember_loaded, sender=TraineeProfile, dispatch_uid="rules_seen")
        post_save.connect(seam.profile_saved, sender=TraineeProfile, dispatch_uid="rules_apply")
        # A new hire's open questions follow them to their new buddy.
        post_init.connect(remember_buddy, sender=TraineeProfile, dispatch_uid="coaching_buddy")
        post_save.connect(buddy_saved, sender=TraineeProfile, dispatch_uid="coaching_buddy")
        # A change people must read asks everyone who read the page before.
        page_published.connect(must_read_published, dispatch_uid="coaching_must_read")
        published.connect(must_pass_published, sender=KnowledgeCheck, dispatch_uid="must_pass")
        # A module made from a learning review, published, goes to those who must learn it.
        page_published.connect(module_published, dispatch_uid="coaching_learning_loop")
        # Events are sent to the endpoints as they are now (their list is cached).
        post_save.connect(forget_endpoints, sender=Endpoint, dispatch_uid="webhooks_saved")
        post_save.connect(
            webhook_events.profile_saved, sender=TraineeProfile, dispatch_uid="webhooks_person"
        )
        pre_save.connect(
            webhook_events.user_saving,
            sender=get_user_model(),
            dispatch_uid="webhooks_deactivated",
        )
        post_delete.connect(forget_endpoints, sender=Endpoint, dispatch_uid="webhooks_deleted")
        # When a new hire last changed, for the API's `updated_since`.
        post_save.connect(
            people_changes.profile_saved, sender=TraineeProfile, dispatch_uid="people_changed"
        )
        post_save.connect(
            people_changes.user_saved, sender=get_user_model(), dispatch_uid="people_changed"
        )
        for signal in (post_save, post_delete):
            signal.connect(
                people_changes.link_changed,
                sender=CoachRelationship,
                dispatch_uid="coaches_changed",
            )
