"""Evidence a new hire attaches to a practical task: where files are stored, and what is
accepted. A file is accepted by what it is, not by what it is called: its first bytes (and,
for a picture, Pillow reading it) must match a type the site allows, and its size must be
within the limit (`COACHING_EVIDENCE_MAX_BYTES`, `COACHING_EVIDENCE_TYPES`)."""

import secrets
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, UnidentifiedImageError

from coaching.conf import coaching_settings


@dataclass(frozen=True)
class Kind:
    """A type of evidence: the names it goes by, and how a file shows it is one."""

    extensions: tuple[str, ...]
    content_type: str


KINDS = {
    "jpeg": Kind(("jpg", "jpeg"), "image/jpeg"),
    "png": Kind(("png",), "image/png"),
    "gif": Kind(("gif",), "image/gif"),
    "webp": Kind(("webp",), "image/webp"),
    "pdf": Kind(("pdf",), "application/pdf"),
    "docx": Kind(
        ("docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "xlsx": Kind(("xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": Kind(
        ("pptx",), "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    ),
    "odt": Kind(("odt",), "application/vnd.oasis.opendocument.text"),
    "ods": Kind(("ods",), "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": Kind(("odp",), "application/vnd.oasis.opendocument.presentation"),
}
PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}
# What an Office Open XML file holds at its root, by kind; an OpenDocument file names its
# type in its first entry, "mimetype", stored uncompressed.
OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}


def storage() -> Storage:
    """Where evidence is kept: the host's `COACHING_EVIDENCE_STORAGE` alias of STORAGES
    (the default storage unless they name a private one). It is never linked to: files are
    served by `evidence_views.download`, which checks who asks."""
    return storages[coaching_settings.EVIDENCE_STORAGE]


def delete_stored_file(sender: Any, instance: Any, using: str, **kwargs: Any) -> None:
    """Remove a deleted evidence row's file from its storage once the deletion is committed
    (a rollback keeps the row, so it keeps the file too): whatever deleted the row, the new
    hire removing it, an erasure, or a cascade from a person or an assignment deleted in the
    admin. Connected to Evidence's post_delete in CoachingConfig.ready."""
    stored = instance.file
    if stored:
        transaction.on_commit(lambda: stored.delete(save=False), using=using)


def upload_to(instance: Any, filename: str) -> str:
    """A path with a random part, so that a file's address cannot be guessed."""
    name = get_valid_filename(PurePath(filename).name) or "evidence"
    return f"coaching/evidence/{secrets.token_urlsafe(16)}/{name[-100:]}"


def allowed_kinds() -> dict[str, Kind]:
    return {name: KINDS[name] for name in coaching_settings.EVIDENCE_TYPES if name in KINDS}


def accepted_extensions() -> str:
    """For the file input's `accept` attribute and the help text: ".jpg, .png, .pdf"."""
    return ", ".join(
        f".{extension}" for kind in allowed_kinds().values() for extension in kind.extensions
    )


def too_many(held: int) -> str:
    """What attaching more files than fit says, on a task that holds `held` already."""
    limit = coaching_settings.EVIDENCE_MAX_FILES
    return ngettext(
        "A task holds at most %(limit)s file; choose fewer.",
        "A task holds at most %(limit)s files; %(room)s more can be attached.",
        limit,
    ) % {"limit": limit, "room": max(limit - held, 0)}


def check(upload: IO[bytes], name: str, size: int) -> Kind:
    """The kind of an uploaded file, or a ValidationError saying why it is refused."""
    limit = coaching_settings.EVIDENCE_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _("%(name)s is %(size)s; files can be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_big",
        )
    if size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name}, code="empty")
    extension = PurePath(name).suffix.lower().lstrip(".")
    found = next(
        (key for key, kind in allowed_kinds().items() if extension in kind.extensions), None
    )
    if found is None:
        raise ValidationError(
            _(
                "%(name)s is not a type you can attach. Attach a photo, a PDF or an office "
                "document (%(types)s)."
            )
            % {"name": name, "types": accepted_extensions()},
            code="type",
        )
    if not _content_is(found, upload):
        raise ValidationError(
            _(
                "%(name)s does not look like a .%(extension)s file inside. Save it again as "
                "one and attach that."
            )
            % {"name": name, "extension": extension},
            code="content",
        )
    return KINDS[found]


def _content_is(kind: str, upload: IO[bytes]) -> bool:
    upload.seek(0)
    try:
        if kind in PILLOW_FORMATS:
            with Image.open(upload) as image:
                image.verify()
                return image.format == PILLOW_FORMATS[kind]
        head = upload.read(8)
        upload.seek(0)
        if kind == "pdf":
            return head.startswith(b"%PDF-")
        if not head.startswith(b"PK\x03\x04"):
            return False
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if kind in OOXML_PARTS:
                return "[Content_Types].xml" in names and any(
                    entry.startswith(OOXML_PARTS[kind]) for entry in names
                )
            return (
                bool(names)
                and names[0] == "mimetype"
                and _stored_mimetype(archive) == KINDS[kind].content_type
            )
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        zipfile.BadZipFile,
        OSError,
        SyntaxError,
        ValueError,
    ):
        return False
    finally:
        upload.seek(0)


def _stored_mimetype(archive: zipfile.ZipFile) -> str:
    """An OpenDocument file's first entry, `mimetype`, which the standard says is stored
    uncompressed and short. Read as such and no further, so a compressed entry that would
    inflate to gigabytes (a zip bomb within the size limit) is refused unread."""
    info = archive.getinfo("mimetype")
    if info.compress_type != zipfile.ZIP_STORED or info.file_size > 100:
        return ""
    with archive.open(info) as entry:
        return entry.read(100).decode("ascii", "replace")
