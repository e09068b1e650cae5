"""Provisioning tokens, and what an identity provider knows of the people and units it
keeps: its own id for each (SCIM's externalId), kept beside ours, so the host's user model
and the lessons' units need no SCIM fields."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What a token starts with: recognisable in a secrets scanner and in the identity
# provider's settings, and never a valid session key.
TOKEN_PREFIX = "scim_"
# `last_used_at` is written at most this often: an identity provider's burst of requests
# costs one write, not one per request.
LAST_USED_EVERY = timedelta(minutes=1)


def hash_key(key: str) -> str:
    """A token's stored form. The key is 256 random bits, so a plain SHA-256 is enough: a
    slow password hash guards guessable secrets, and nobody guesses these."""
    return hashlib.sha256(key.encode()).hexdigest()


class ProvisioningTokenQuerySet(models.QuerySet["ProvisioningToken"]):
    def in_use(self) -> "ProvisioningTokenQuerySet":
        return self.filter(is_active=True)

    def holding(self, key: str) -> "ProvisioningToken | None":
        """The token in use whose key this is, if any."""
        if not key.startswith(TOKEN_PREFIX):
            return None
        return self.in_use().filter(key_hash=hash_key(key)).first()


class ProvisioningToken(models.Model):
    """What an identity provider presents to provision people: a bearer token that opens
    the SCIM endpoints and nothing else. Only its hash is kept; the key is shown once."""

    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        help_text=_("Which identity provider uses it, e.g. “Microsoft Entra ID”."),
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_hint = models.CharField(_("starts with"), max_length=12, editable=False)
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Untick to revoke it: the identity provider's requests are refused at once."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    objects = ProvisioningTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("provisioning token")
        verbose_name_plural = _("provisioning tokens")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def new_key(self) -> str:
        """Give the token a new key and return it: the only time anyone sees it."""
        key = TOKEN_PREFIX + secrets.token_urlsafe(32)
        self.key_hash = hash_key(key)
        self.key_hint = key[: len(TOKEN_PREFIX) + 4]
        return key

    def mark_used(self) -> None:
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= LAST_USED_EVERY:
            ProvisioningToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class ProvisionedPerson(models.Model):
    """A person an identity provider keeps: its id for them (SCIM's externalId)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="provisioned",
        verbose_name=_("person"),
    )
    external_id = models.CharField(_("identity provider's id"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("provisioned person")
        verbose_name_plural = _("provisioned people")
        indexes = [models.Index(fields=["external_id"])]

    def __str__(self) -> str:
        return self.external_id


class ProvisionedUnit(models.Model):
    """A business unit an identity provider keeps as a group: its id for the group."""

    unit = models.OneToOneField(
        "lessons.BusinessUnit",
        on_delete=models.CASCADE,
        related_name="provisioned",
        verbose_name=_("business unit"),
    )
    external_id = models.CharField(_("identity provider's id"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("provisioned business unit")
        verbose_name_plural = _("provisioned business units")
        indexes = [models.Index(fields=["external_id"])]

    def __str__(self) -> str:
        return self.external_id
