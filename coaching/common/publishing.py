"""What the site does when an editor publishes, kept from breaking the publish itself."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction

logger = logging.getLogger(__name__)


@contextmanager
def publish_goes_on(doing: str, published: object) -> Iterator[None]:
    """Run a `page_published` or `published` handler's work in a savepoint of the publish:
    if it fails, its work is undone and logged, and the publish (the editor's, or the
    scheduled publishing of many pages) goes on."""
    try:
        with transaction.atomic():
            yield
    except Exception:
        logger.exception("Publishing %r went on without %s", published, doing)
