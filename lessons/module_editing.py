"""What a module's editor is told in the Wagtail admin: which learning paths use the page,
an offer to add a module to a path once it is published, and a warning when a new module's
title is close to an existing one's (a likely duplicate: a warning, never a refusal).

Registered in wagtail_hooks.py; the queries are the pages' own (`paths_using_it`,
`modules_with_a_close_title`).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.panels import Panel


def path_edit_url(learning_path):
    return reverse("wagtailsnippets_lessons_learningpath:edit", args=[learning_path.pk])


def paths_listing_url():
    return reverse("wagtailsnippets_lessons_learningpath:list")


class PathsUsingPagePanel(Panel):
    """A read-only panel of a learnable page's edit form: the paths with a step that asks to
    read it, each linked to its editor, or an offer to add it to one."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "lessons/admin/paths_using_page_panel.html"

        def is_shown(self):
            return bool(self.instance is not None and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            paths = list(self.instance.paths_using_it())
            context["paths"] = [(path, path_edit_url(path)) for path in paths]
            context["paths_url"] = paths_listing_url()
            close = getattr(self.instance, "modules_with_a_close_title", None)
            context["close_titles"] = [
                (title, reverse("wagtailadmin_pages:edit", args=[pk]))
                for pk, title in (close() if close else [])
            ]
            return context


def _wants_html(request):
    # Autosave posts and expects JSON: its messages would surface on a later page.
    return request.accepts("text/html")


def offer_to_add_to_a_path(request, page):
    """After publishing a learnable page, a button to the learning paths to add it to one."""
    if not hasattr(page, "paths_using_it") or not _wants_html(request):
        return
    messages.info(
        request,
        _("“%(title)s” is published. Add it to a learning path so that new hires read it.")
        % {"title": page.title},
        buttons=[messages.button(paths_listing_url(), _("Add to a path"))],
    )


def warn_of_a_close_title(request, page):
    """After creating a module, a warning naming existing modules with a close title."""
    close = getattr(page, "modules_with_a_close_title", None)
    if close is None or not _wants_html(request):
        return
    found = close()
    if not found:
        return
    messages.warning(
        request,
        _(
            "A module with a close title already exists: %(titles)s. If it teaches the "
            "same thing, add that one to your paths instead of this new one."
        )
        % {"titles": ", ".join(f"“{title}”" for _pk, title in found[:3])},
        buttons=[
            messages.button(reverse("wagtailadmin_pages:edit", args=[pk]), title)
            for pk, title in found[:3]
        ],
    )
