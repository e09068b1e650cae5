from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    """People and progress: assignments, step progress, development records, dashboards."""

    name = "coaching"
    verbose_name = _("Coaching")
    default_auto_field = "django.db.models.BigAutoField"
