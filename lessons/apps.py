from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    """Onboarding content: portal, company profile, business units, modules, paths, checks."""

    name = "lessons"
    verbose_name = _("Onboarding content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
