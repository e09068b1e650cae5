"""The Wagtail admin dashboard panel for coaches: their new hires who need attention.

A new hire needs attention when a path of theirs is overdue, a task of theirs waits for
sign-off, or they have done nothing on their paths for `COACHING_QUIET_DAYS` days. Two queries
(how many, and the first few rows), whatever the number of new hires.
"""

from datetime import timedelta

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    IntegerField,
    Max,
    Min,
    Q,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.admin.ui.components import Component

from coaching.conf import coaching_settings
from coaching.learning.models import Assignment, StepProgress
from coaching.learning.overview import per_trainee
from coaching.people.models import CoachRelationship, TraineeProfile


def needing_attention(coach, today=None, quiet_days=None):
    """The new hires `coach` actively coaches who need attention, most urgent first."""
    today = today or timezone.localdate()
    active = Assignment.objects.active()
    waiting = StepProgress.objects.waiting_for_sign_off()
    zero = Value(0, output_field=IntegerField())
    quiet_days = quiet_days or coaching_settings.QUIET_DAYS
    quiet_before = timezone.now() - timedelta(days=quiet_days)
    return (
        TraineeProfile.objects.filter(user__in=CoachRelationship.objects.trainees_of(coach))
        .select_related("user")
        .annotate(
            active_paths=Coalesce(per_trainee(active, Count("pk")), zero),
            overdue_paths=Coalesce(
                per_trainee(Assignment.objects.overdue(today), Count("pk")), zero
            ),
            waiting_count=Coalesce(per_trainee(waiting, Count("pk"), "assignment__trainee"), zero),
            # Quiet since their last step, or since the path was given if never started.
            quiet_since=Coalesce(
                per_trainee(active, Max("last_activity_at")),
                per_trainee(active, Min("assigned_at")),
            ),
        )
        .annotate(
            is_quiet=ExpressionWrapper(Q(quiet_since__lt=quiet_before), output_field=BooleanField())
        )
        .filter(
            Q(overdue_paths__gt=0)
            | Q(waiting_count__gt=0)
            | Q(active_paths__gt=0, quiet_since__lt=quiet_before)
        )
        .order_by("-waiting_count", "-overdue_paths", "quiet_since", "user__first_name", "pk")
    )


class TraineesNeedingAttentionPanel(Component):
    name = "trainees_needing_attention"
    template_name = "coaching/reports/attention_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        trainees = needing_attention(request.user)
        shown = list(trainees[: coaching_settings.ATTENTION_PANEL_SIZE])
        count = (
            trainees.count() if len(shown) == coaching_settings.ATTENTION_PANEL_SIZE else len(shown)
        )
        return {
            "trainees": shown,
            "count": count,
            "more": count - len(shown),
            "quiet_days": coaching_settings.QUIET_DAYS,
        }
