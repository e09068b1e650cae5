"""What an API token may do in the onboarding API: its scopes, kept beside Wagtail's own
`APIToken` (which keeps only a hash of the key, and its owner, use and revocation).

A token acts as its owner, with the owner's rights on the site as they are at each
request, and only within its scopes: a coach's token sees the coach's new hires, an HR
token everyone's, and neither more than its scopes say."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    READ_PEOPLE = (
        "read:people",
        _("read:people: people, their units, start dates, coaches and buddies"),
    )
    WRITE_PEOPLE = "write:people", _("write:people: add people and change them (HR only)")
    READ_PATHS = "read:paths", _("read:paths: learning paths and their published versions")
    READ_ASSIGNMENTS = (
        "read:assignments",
        _("read:assignments: assignments, their progress and completed steps"),
    )
    WRITE_ASSIGNMENTS = (
        "write:assignments",
        _("write:assignments: assign paths and cancel assignments"),
    )
    READ_REPORTS = "read:reports", _("read:reports: the completion report's figures")
    READ_OWN_RECORD = (
        "read:own_record",
        _("read:own_record: the token owner's own development record, and no one else's"),
    )


# Each scope in a few words, for the list of tokens.
SCOPE_NAMES = {
    Scope.READ_PEOPLE: _("read people"),
    Scope.WRITE_PEOPLE: _("add and change people"),
    Scope.READ_PATHS: _("read paths"),
    Scope.READ_ASSIGNMENTS: _("read assignments"),
    Scope.WRITE_ASSIGNMENTS: _("assign and cancel"),
    Scope.READ_REPORTS: _("read reports"),
    Scope.READ_OWN_RECORD: _("read their own record"),
}

# Scopes only HR may hold: a token never does more than its owner could on the site.
HR_SCOPES = frozenset({Scope.WRITE_PEOPLE})


class TokenScopes(models.Model):
    """The scopes of one of Wagtail's API tokens in the onboarding API. A token without
    this row (one made in Wagtail's own "API tokens" screen) opens none of it."""

    token = models.OneToOneField(
        "wagtailcore.APIToken",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="onboarding_scopes",
        verbose_name=_("API token"),
    )
    scopes = models.JSONField(_("scopes"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("onboarding API token")
        verbose_name_plural = _("onboarding API tokens")

    def __str__(self) -> str:
        return self.token.name

    def allows(self, scope: str) -> bool:
        return scope in self.scopes
