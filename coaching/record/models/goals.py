"""Goals with key results, checked on a cadence. For focus and growth, never for pay:
there is no field for pay or bonus here, on purpose."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coaching.common import numbers
from coaching.common.percent import percent

from .entries import Entry


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")


class GoalStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    BEHIND = "behind", _("Behind")
    DONE = "done", _("Done")


class SetBy(models.TextChoices):
    TRAINEE = "trainee", _("The new hire")
    COACH = "coach", _("The coach")
    TOGETHER = "together", _("Together")


class Goal(Entry):
    """An objective: where the new hire wants to get, measured by its key results."""

    title = models.CharField(
        _("objective"), max_length=200, help_text=_("Where you want to get, in a sentence.")
    )
    description = models.TextField(_("why it matters"), blank=True)
    cadence = models.CharField(
        _("check-in cadence"), max_length=10, choices=Cadence.choices, default=Cadence.MONTHLY
    )
    status = models.CharField(
        _("status"), max_length=10, choices=GoalStatus.choices, default=GoalStatus.ON_TRACK
    )
    set_by = models.CharField(
        _("set by"), max_length=10, choices=SetBy.choices, default=SetBy.TOGETHER
    )
    achieved_at = models.DateTimeField(_("achieved at"), null=True, blank=True)

    editable_fields = ("title", "description", "cadence", "set_by")
    kind_label = _("Goal")

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.title

    def progress_percent(self):
        """The mean of the key results' progress (uses prefetched key results)."""
        results = list(self.key_results.all())
        if not results:
            return 100 if self.status == GoalStatus.DONE else 0
        return round(sum(result.percent for result in results) / len(results))


class KeyResult(models.Model):
    """A measurable result: a number from / to with the current value, or done / not done."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="key_results")
    title = models.CharField(_("key result"), max_length=200)
    is_binary = models.BooleanField(
        _("done or not done"), default=False, help_text=_("Instead of a number from / to.")
    )
    start_value = models.DecimalField(_("from"), max_digits=12, decimal_places=2, default=0)
    target_value = models.DecimalField(_("to"), max_digits=12, decimal_places=2, default=100)
    current_value = models.DecimalField(_("now"), max_digits=12, decimal_places=2, default=0)
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("e.g. calls, %"))
    done = models.BooleanField(_("done"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("key result")
        verbose_name_plural = _("key results")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def figure(self):
        """Where the result stands, in words: "40 of 100 calls", or done / not done."""
        if self.is_binary:
            return _("Done") if self.done else _("Not done")
        figure = _("%(now)s of %(target)s %(unit)s") % {
            "now": numbers.figure(self.current_value),
            "target": numbers.figure(self.target_value),
            "unit": self.unit,
        }
        return figure.strip()

    def span(self):
        """Where the result starts and ends, in words: "From 0 to 40 calls"."""
        span = _("From %(start)s to %(target)s %(unit)s") % {
            "start": numbers.figure(self.start_value),
            "target": numbers.figure(self.target_value),
            "unit": self.unit,
        }
        return span.strip()

    @property
    def percent(self) -> int:
        if self.is_binary:
            return 100 if self.done else 0
        span = self.target_value - self.start_value
        if span == 0:
            return 100
        if span < 0:  # a target below the start: going down is progress
            return percent(self.start_value - self.current_value, -span)
        return percent(self.current_value - self.start_value, span)


class Confidence(models.IntegerChoices):
    LOW = 1, _("Low")
    MEDIUM = 2, _("Medium")
    HIGH = 3, _("High")


class GoalCheckIn(models.Model):
    """A check-in on a goal: key results updated, a short comment, how confident we are."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="check_ins")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    comment = models.TextField(_("comment"), blank=True)
    confidence = models.PositiveSmallIntegerField(
        _("confidence"), choices=Confidence.choices, default=Confidence.MEDIUM
    )
    status = models.CharField(_("status"), max_length=10, choices=GoalStatus.choices)
    # The key results as they were after this check-in: [{"id", "title", "value", "done"}].
    results = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("goal check-in")
        verbose_name_plural = _("goal check-ins")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.goal} · {self.created_at:%Y-%m-%d}"
