"""Content that changed after people read it: the changes they must read, and each request
to read a module again. A request is kept once read: nobody's progress is ever reset."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ModuleChange(models.Model):
    """A revision of a learnable page published as a change people must read (the page's
    "people who read it must read this change"), with how many were asked to read it."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision published"),
    )
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    readers_asked = models.PositiveIntegerField(_("people asked to read it"), default=0)

    class Meta:
        verbose_name = _("change people must read")
        verbose_name_plural = _("changes people must read")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.note or str(self.page)


class ReadAgainReason(models.TextChoices):
    CHANGED = "changed", _("The module changed since you read it")
    COACH = "coach", _("Your coach asked you to read it again")
    ASKED = "asked", _("HR or L&D asked you to read it again")
    CHECK = "check", _("The knowledge check changed: pass its new version")


# A request is to read the module again, or to pass its changed check again: a step can
# have one open request of each kind (a page and its check can change together).
TO_PASS = Q(reason=ReadAgainReason.CHECK)
TO_READ = ~TO_PASS


class ReadAgainQuerySet(models.QuerySet["ReadAgain"]):
    def still_open(self) -> "ReadAgainQuerySet":
        return self.filter(read_at__isnull=True)

    def to_read(self) -> "ReadAgainQuerySet":
        return self.filter(TO_READ)

    def to_pass(self) -> "ReadAgainQuerySet":
        return self.filter(TO_PASS)


class ReadAgain(models.Model):
    """A request to read a completed module again, and when it was read. The step stays
    done, its completion date stays, and the path stays completed."""

    progress = models.ForeignKey(
        "coaching.StepProgress",
        on_delete=models.CASCADE,
        related_name="read_again_requests",
        verbose_name=_("step progress"),
    )
    reason = models.CharField(_("why"), max_length=12, choices=ReadAgainReason.choices)
    change = models.ForeignKey(
        ModuleChange,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
        verbose_name=_("change"),
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("asked by"),
    )
    message = models.TextField(_("message"), blank=True)
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = ReadAgainQuerySet.as_manager()

    class Meta:
        verbose_name = _("request to read again")
        verbose_name_plural = _("requests to read again")
        ordering = ["-asked_at", "-pk"]
        constraints = [
            # One open request of each kind a step: asking twice, or a second change before
            # the first is read, asks once (the reader sees every change since what they read).
            models.UniqueConstraint(
                fields=["progress"],
                condition=Q(read_at__isnull=True) & TO_READ,
                name="coaching_one_open_read_again",
            ),
            models.UniqueConstraint(
                fields=["progress"],
                condition=Q(read_at__isnull=True) & TO_PASS,
                name="coaching_one_open_pass_again",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.progress} · {self.get_reason_display()}"
