"""Lessons that become training: a learning review's proposed module, made into a draft
module page that an editor finishes in the Wagtail admin. Both keep the link."""

import json

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from coaching.record.models import LearningReview
from lessons.models import ModulePage


class ProposalError(Exception):
    """A proposal that cannot become a module now, with a message for the editor."""


def open_proposals():
    """Reviews that propose a module nobody has made yet."""
    return LearningReview.objects.exclude(proposed_module_title="").filter(module__isnull=True)


def _paragraphs(text):
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def _free_slug(parent, title):
    base = slugify(title)[:40] or "module"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def make_draft_module(review_id, *, editor, portal):
    """Create the draft module a review proposes, under `portal`; return it. Asking twice
    (a double click, two editors) returns the module made the first time."""
    with transaction.atomic():
        review = LearningReview.objects.select_for_update().get(pk=review_id)
        if review.module_id:
            return review.module
        if not review.proposed_module_title:
            raise ProposalError(_("This review does not propose a module."))
        if portal is None:
            raise ProposalError(_("Create a learning portal page first: modules live under it."))
        body = [
            {
                "type": "callout",
                "value": {
                    "tone": "info",
                    "title": _("Learned from a blameless review"),
                    "text": _paragraphs(review.learned),
                },
            },
            {"type": "paragraph", "value": _paragraphs(review.proposed_module_summary)},
        ]
        module = ModulePage(
            title=review.proposed_module_title,
            slug=_free_slug(portal, review.proposed_module_title),
            summary=(review.proposed_module_summary or review.learned)[:400],
            body=json.dumps([block for block in body if block["value"]]),
            live=False,
            owner=editor,
        )
        portal.add_child(instance=module)
        module.save_revision(user=editor, log_action=False)
        log(instance=module, action="wagtail.create", user=editor)
        review.module = module
        review.save(update_fields=["module"])
    return module
