"""What a message kept for later keeps of a path and its step: their titles as written, and
in every language the path is translated into, so a sentence written once (a notification,
an audit entry) names them in its reader's language whenever it is read."""

from typing import Any

from lessons.i18n import texts_of, wordings
from lessons.models import PathVersion, PathVersionStep


def titles(
    version: PathVersion, step: PathVersionStep | None = None, *, step_name: str = "step"
) -> dict[str, Any]:
    """{"path": title, step_name: title, "translations": {language: {"path", step_name}}}:
    the titles of `version` (and `step`, under `step_name`). Read back with
    `lessons.i18n.in_reader_language_all(kept, kept["translations"])`."""
    kept: dict[str, Any] = {"path": version.title}
    texts = {"path": texts_of(version.translations)}
    if step is not None:
        kept[step_name] = step.title
        texts[step_name] = texts_of(step.translations)
    if translated := wordings(**texts):  # nothing kept for a path in one language
        kept["translations"] = translated
    return kept
