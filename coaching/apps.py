from django.apps import AppConfig
from django.core.signals import setting_changed
from django.utils.translation import gettext_lazy as _

from coaching.conf import reload_on_change


class CoachingConfig(AppConfig):
    """People and progress: assignments, step progress, development records, dashboards."""

    name = "coaching"
    verbose_name = _("Coaching")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        setting_changed.connect(reload_on_change, dispatch_uid="coaching_settings")
