"""A person's own settings: which emails they get, and the site those emails link to.
Their language is Wagtail's own account language (coaching.account.languages)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Preferences(models.Model):
    """What a person chose for themself. Without a row, the default applies: every email."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="preferences",
        verbose_name=_("person"),
    )
    muted_kinds = models.JSONField(
        _("no email for"), default=list, help_text=_("Kinds of notification not emailed.")
    )
    # Not a choice: recorded at sign-in (coaching.account.sites), for links in emails.
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The site this person last signed in on: their emails link to it."),
    )

    class Meta:
        verbose_name = _("preferences")
        verbose_name_plural = _("preferences")

    def __str__(self):
        return str(self.user)

    def wants_email(self, kind):
        return kind not in self.muted_kinds
