"""What the learning path and knowledge check snippets share."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from lessons import conf

from .listing import AnnotatedStatusMixin


class EditorialSnippetMixin(AnnotatedStatusMixin, models.Model):
    """A snippet editors write with drafts and revisions and preview in the portal's layout:
    a title it is listed and sorted by, and a preview that extends the host's base template.

    Goes first among the bases, before Wagtail's DraftStateMixin and PreviewableMixin, so
    that its schedule state and preview context win; the Wagtail mixins themselves stay on
    each model, because their order differs (a path also has workflows and locking, and
    LockableMixin must sit between DraftStateMixin and RevisionMixin). Revisions need
    nothing here: Wagtail's RevisionMixin lists them (`revisions`) and its own
    GenericRelation deletes them with the snippet.

    Subclasses name their preview template in `preview_template` and add to the preview
    context by overriding `get_preview_context` and calling super().
    """

    title = models.CharField(_("title"), max_length=200)

    preview_template = ""
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        abstract = True
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_preview_template(self, request: HttpRequest, mode_name: str) -> str:
        return self.preview_template

    def get_preview_context(self, request: HttpRequest, mode_name: str) -> dict[str, Any]:
        # Wagtail's PreviewableMixin, which comes after this mixin in each snippet's bases.
        context: dict[str, Any] = super().get_preview_context(request, mode_name)  # type: ignore[misc]
        context["base_template"] = conf.base_template()
        return context
