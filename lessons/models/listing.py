"""Fixed-query admin listings for snippets with drafts and workflows.

Wagtail annotates page listings so that each row's status costs no query
(`PageQuerySet.annotate_approved_schedule`, `prefetch_workflow_states`); snippet
listings get no such help and ask the database twice per row. These do the same for
our snippets.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Prefetch
from django.db.models.functions import Cast
from wagtail.models import Revision, WorkflowMixin, WorkflowState


class AnnotatedStatusMixin:
    """Reads the row's schedule state from an annotation when the listing made one."""

    @property
    def approved_schedule(self) -> bool:
        if hasattr(self, "_approved_schedule"):
            return bool(self._approved_schedule)
        # Wagtail's DraftStateMixin, which comes after this mixin in each snippet's bases.
        return bool(super().approved_schedule)  # type: ignore[misc]


def with_listing_status(queryset):
    """Annotate schedule state and prefetch active workflow states for a whole listing."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    scheduled = Revision.objects.filter(
        base_content_type=content_type,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        approved_go_live_at__isnull=False,
    )
    queryset = queryset.annotate(_approved_schedule=Exists(scheduled))
    if issubclass(queryset.model, WorkflowMixin):
        queryset = queryset.prefetch_related(
            Prefetch(
                "workflow_states",
                queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
                to_attr="_current_workflow_states",
            )
        )
    return queryset
