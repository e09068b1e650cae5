"""An upload of new hires, from the moment HR sends the file to its confirmation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    APPLIED = "applied", _("Imported")


class PeopleImportQuerySet(models.QuerySet["PeopleImport"]):
    def applied(self) -> "PeopleImportQuerySet":
        return self.filter(status=ImportStatus.APPLIED)


class PeopleImport(models.Model):
    """A file of new hires. While it waits for confirmation it keeps the uploaded bytes
    (between the preview and the confirmation, nothing else does); once applied it keeps
    only who imported it, when, its name and what it did."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("file format"), max_length=8)
    content = models.BinaryField(_("content"), blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("new"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)

    objects = PeopleImportQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("import of new hires")
        verbose_name_plural = _("imports of new hires")

    def __str__(self) -> str:
        return self.file_name
