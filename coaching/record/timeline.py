"""A record's timeline: entries of mixed kinds, newest first, in a fixed number of queries.

django-polymorphic fetches one query per kind on the page; each kind's own related rows
(replies, cheers, key results, agenda, actions) are one prefetch each, never per entry.
"""

from datetime import timedelta

from django.db.models import Count, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coaching.record.models import (
    Entry,
    Feedback,
    Goal,
    GoalStatus,
    LearningReview,
    Milestone,
    OneOnOne,
    Recognition,
    Reflection,
)

FILTER_KINDS = {
    "feedback": (Feedback, _("Feedback")),
    "recognition": (Recognition, _("Recognition")),
    "goal": (Goal, _("Goals")),
    "one-on-one": (OneOnOne, _("1:1 check-ins")),
    "review": (LearningReview, _("Learning reviews")),
    "reflection": (Reflection, _("Self-reflections")),
    "milestone": (Milestone, _("Milestones")),
}

PERIODS = {
    "30": (30, _("Last 30 days")),
    "90": (90, _("Last 90 days")),
    "365": (365, _("Last year")),
}

RELATED_BY_KIND = {
    Recognition: ["value", "cheers__author"],
    Goal: ["key_results"],
    OneOnOne: ["agenda__author", "actions__owner"],
    LearningReview: ["actions__owner", "module"],
}


def filtered_entries(trainee, *, kind=None, period=None):
    entries = Entry.objects.for_trainee(trainee)
    if kind in FILTER_KINDS:
        entries = entries.instance_of(FILTER_KINDS[kind][0])
    if period in PERIODS:
        since = timezone.now() - timedelta(days=PERIODS[period][0])
        entries = entries.filter(created_at__gte=since)
    return entries.order_by("-created_at", "-pk")


def load_related(entries, trainee=None):
    """Fetch what each entry shows, one query per relation for the whole list. Entries all
    from one record name its owner as `trainee`, so that person is not fetched again."""
    entries = list(entries)
    if trainee is not None:
        for entry in entries:
            entry.trainee = trainee
    prefetch_related_objects(entries, "author", "trainee", "replies__author")
    for model, lookups in RELATED_BY_KIND.items():
        of_kind = [entry for entry in entries if isinstance(entry, model)]
        if of_kind:
            prefetch_related_objects(of_kind, *lookups)
    return entries


def goals_of(trainee):
    """Goals for the top of the record: open ones first, with their key results."""
    goals = Goal.objects.filter(trainee=trainee).prefetch_related("key_results")
    return sorted(goals, key=lambda goal: (goal.status == GoalStatus.DONE, -goal.pk))


def recognition_by_value(trainee):
    """How often each company value was named in this person's recognition, most first."""
    return (
        Recognition.objects.non_polymorphic()
        .filter(trainee=trainee)
        .values("value__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "value__name")
    )
