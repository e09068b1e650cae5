"""A record's timeline: entries of mixed kinds, newest first, in a fixed number of queries.

django-polymorphic fetches one query per kind on the page; each kind's own related rows
(replies, cheers, key results, agenda, actions) are one prefetch each, never per entry.
"""

from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any, TypedDict, TypeVar

from django.db.models import (
    Case,
    Count,
    Prefetch,
    QuerySet,
    Value,
    When,
    prefetch_related_objects,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from polymorphic.query import PolymorphicQuerySet

from coaching.common.types import Text, User
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
from lessons.i18n import localized_field
from lessons.models import CompanyValue

FILTER_KINDS: dict[str, tuple[type[Entry], Text]] = {
    "feedback": (Feedback, _("Feedback")),
    "recognition": (Recognition, _("Recognition")),
    "goal": (Goal, _("Goals")),
    "one-on-one": (OneOnOne, _("1:1 check-ins")),
    "review": (LearningReview, _("Learning reviews")),
    "reflection": (Reflection, _("Self-reflections")),
    "milestone": (Milestone, _("Milestones")),
}

PERIODS: dict[str, tuple[int, Text]] = {
    "30": (30, _("Last 30 days")),
    "90": (90, _("Last 90 days")),
    "365": (365, _("Last year")),
}

RELATED_BY_KIND: dict[type[Entry], list[str | Callable[[], Prefetch[Any]]]] = {
    Recognition: [lambda: named_in_reader_language("value", CompanyValue), "cheers__author"],
    Goal: ["key_results"],
    OneOnOne: ["coach", "agenda__author", "actions__owner"],
    LearningReview: ["actions__owner", "module"],
}


def named_in_reader_language(lookup: str, model: type[CompanyValue]) -> Prefetch[Any]:
    """Prefetch `lookup` (a company value) with `str()` in the reader's language, in the
    same one query."""
    return Prefetch(lookup, queryset=model.objects.annotate(shown_name=localized_field(model)))


def filtered_entries(
    trainee: User, *, kind: str | None = None, period: str | None = None
) -> QuerySet[Entry]:
    entries: PolymorphicQuerySet[Entry, Entry] = Entry.objects.for_trainee(trainee)
    if kind in FILTER_KINDS:
        entries = entries.instance_of(FILTER_KINDS[kind][0])
    if period in PERIODS:
        since = timezone.now() - timedelta(days=PERIODS[period][0])
        entries = entries.filter(created_at__gte=since)
    return entries.order_by("-created_at", "-pk")


AnyEntry = TypeVar("AnyEntry", bound=Entry)


def load_related(
    entries: Iterable[AnyEntry], trainee: User | None = None, *, replies: bool = True
) -> list[AnyEntry]:
    """Fetch what each entry shows, one query per relation for the whole list. Entries all
    from one record name its owner as `trainee`, so that person is not fetched again.
    Replies are for the record's keepers: a page for everyone asks for `replies=False`."""
    entries = list(entries)
    if trainee is not None:
        for entry in entries:
            entry.trainee = trainee
    shared = ["author", "trainee", "replies__author"] if replies else ["author", "trainee"]
    prefetch_related_objects(entries, *shared)
    for model, lookups in RELATED_BY_KIND.items():
        of_kind = [entry for entry in entries if isinstance(entry, model)]
        if of_kind:
            # Some lookups are built for each call: in the reader's language.
            prefetch_related_objects(
                of_kind, *(lookup if isinstance(lookup, str) else lookup() for lookup in lookups)
            )
    return entries


def upcoming_one_on_ones(trainee: User, limit: int = 3) -> list[OneOnOne]:
    """The new hire's next 1:1s, soonest first, each with the coach it is with: for the
    portal and the coach's page of that new hire, whoever of the two planned them."""
    meetings = OneOnOne.objects.filter(trainee=trainee, meets_at__gte=timezone.now())
    return list(meetings.select_related("coach").order_by("meets_at", "pk")[:limit])


# The record's page lists this many goals at its top (open ones first); the timeline's
# "Goals" filter lists them all.
GOALS_AT_THE_TOP = 5


def goals_of(trainee: User, limit: int | None = None) -> list[Goal]:
    """Goals, open ones first, newest first, with their key results: all of them, or the
    first `limit`."""
    done_last = Case(When(status=GoalStatus.DONE, then=Value(1)), default=Value(0))
    goals = (
        Goal.objects.filter(trainee=trainee)
        .alias(done_last=done_last)
        .order_by("done_last", "-pk")
        .prefetch_related("key_results")
    )
    return list(goals[:limit] if limit is not None else goals)


class ValueCount(TypedDict):
    name: str  # in the reader's language
    count: int


def recognition_by_value(trainee: User) -> QuerySet[Recognition, ValueCount]:
    """How often each company value was named in this person's recognition, most first."""
    # django-polymorphic's querysets lose the row type at values(); this names it.
    counts: QuerySet[Recognition, ValueCount] = (
        Recognition.objects.non_polymorphic()
        .filter(trainee=trainee)
        .values(name=localized_field(CompanyValue, via="value__"))
        .annotate(count=Count("pk"))
        .order_by("-count", "name")
    )
    return counts
