"""The learning path's step builder in the Wagtail admin: each step headed by its kind and
title, collapsed once saved, reorderable, and showing only the fields its kind uses.

Built on Wagtail's InlinePanel (which already orders, drags and collapses its children)
and its `w-rules` Stimulus controller (which shows a field when another field has a given
value, as Wagtail's own privacy form does). Without JavaScript every field shows, and the
step model's clean() still refuses a kind without what it needs, beside the field.
"""

import json
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.forms import Media
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel, get_form_for_model


class StepForm(WagtailAdminModelForm):
    """One step of the builder."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields.get("kind")
        if kind is not None:
            # A new step asks what it is, instead of Django's "---------".
            kind.choices = [("", _("Choose what this step is")), *list(kind.choices)[1:]]

    def has_changed(self) -> bool:
        # Wagtail's InlinePanel numbers a step the moment it is added (its ORDER field), so
        # Django would take an added but untouched step for a filled one and ask for its
        # kind. An untouched step is ignored, as Django ignores an untouched extra form.
        return any(
            name not in (ORDERING_FIELD_NAME, DELETION_FIELD_NAME) for name in self.changed_data
        )

    def full_clean(self) -> None:
        super().full_clean()
        # Wagtail's InlinePanel sorts every step by its cleaned ORDER when the form is shown
        # again, the ignored untouched ones too.
        cleaned = getattr(self, "cleaned_data", None)
        ordering = self.fields.get(ORDERING_FIELD_NAME)
        if cleaned is not None and ordering is not None and ORDERING_FIELD_NAME not in cleaned:
            try:
                cleaned[ORDERING_FIELD_NAME] = ordering.clean(self[ORDERING_FIELD_NAME].data)
            except ValidationError:
                cleaned[ORDERING_FIELD_NAME] = None

    def _post_clean(self) -> None:
        # A draft may be incomplete: autosave runs while the editor is still choosing the
        # module or typing the title. Wagtail defers required fields on draft saves; the
        # step model defers what its kind needs in the same way, and publishing asks for it.
        self.instance.completeness_deferred = self.is_deferred_validation
        super()._post_clean()


class KindFieldPanel(FieldPanel):
    """A step field used by some kinds only: hidden (by `w-rules`) unless the step's kind is
    one of `kinds`."""

    def __init__(self, field_name: str, *args: Any, kinds: Iterable[str] = (), **kwargs: Any):
        super().__init__(field_name, *args, **kwargs)
        self.kinds = list(kinds)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["kinds"] = self.kinds
        return kwargs

    class BoundPanel(FieldPanel.BoundPanel):
        @property
        def attrs(self):
            attrs = dict(super().attrs)
            attrs["data-w-rules-target"] = "show"
            attrs["data-w-rules"] = json.dumps({self.form.add_prefix("kind"): self.panel.kinds})
            # Hidden from the first paint when the kind does not use it, unless it has an
            # error to show (then the editor must see it).
            kind = self.form["kind"].value() or ""
            attrs["hidden"] = kind not in self.panel.kinds and not self.bound_field.errors
            return attrs


class KindPageChooserPanel(KindFieldPanel, PageChooserPanel):
    """A page chooser used by some kinds of step only."""

    class BoundPanel(KindFieldPanel.BoundPanel):
        pass


class StepsPanel(InlinePanel):
    """The steps of a path, each headed "Step 2 · Practical task: Shadow a call"."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        child_options = self.child_edit_handler.get_form_options()
        formset["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=StepForm,
            fields=formset["fields"],
            defer_required_on_fields=child_options.get("defer_required_on_fields", []),
        )
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "lessons/admin/steps_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is None:
                return
            instances = [child.form.instance for child in self.children]
            # Headings name each step's module or check: two queries for all the steps.
            prefetch_related_objects(instances, "page", "knowledge_check")
            for child in self.children:
                child.step_heading = child.form.instance.builder_heading()
                # Saved steps start collapsed; one with an error opens (Wagtail's panels
                # open themselves when they hold an error).
                child.collapsed = bool(child.form.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["new_step_heading"] = _("New step")
            # Each step is a w-rules controller: a change of kind shows or hides its fields.
            context["step_attrs"] = {
                "data-step-builder-step": True,
                "data-controller": "w-rules",
                "data-action": "change->w-rules#resolve",
            }
            # The heading's shape, for the script that keeps it up to date as one types.
            context["heading_format"] = _("%(kind)s: %(title)s") % {
                "kind": "{kind}",
                "title": "{title}",
            }
            return context

        @property
        def media(self):
            return super().media + Media(js=["lessons/admin/step_builder.js"])
