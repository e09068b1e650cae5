"""Applying enrolment rules: who a rule is about, what they would get, and giving it.

Idempotent by design: a person gets a rule's path only if they never had it (an
assignment of the same path in any status, cancelled included, blocks it), so a rule
applied twice, or by two tabs at once, assigns once, never re-assigns what someone
cancelled and never moves an assignment in progress. The number of queries does not
depend on the number of people: one read of who matches, the existing bulk assignment
(`assign_path`) per path, one insert of coach links, one log row.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from coaching.audit import trail
from coaching.common.names import display_name, name_from
from coaching.common.types import User
from coaching.learning.assigning import assign_path
from coaching.learning.models import Assignment
from coaching.people.models import CoachRelationship, TraineeProfile
from lessons.models import LearningPath

from .models import CoachChoice, EnrolmentRule, RuleRun, Trigger

# Triggers about one person, logged only when the rule was about them (else every save of
# every profile would write a row per rule).
PERSON_TRIGGERS = {Trigger.PERSON_CREATED, Trigger.PERSON_CHANGED}


def matching(
    rule: EnrolmentRule, people: Iterable[int] | None = None, today: date | None = None
) -> QuerySet[TraineeProfile]:
    """The profiles of active accounts the rule is about (of `people`, profile ids, if
    given)."""
    profiles = TraineeProfile.objects.filter(rule.who(today), user__is_active=True)
    if people is not None:
        profiles = profiles.filter(pk__in=list(people))
    return profiles


def assignable_paths(rule: EnrolmentRule) -> list[LearningPath]:
    """The rule's published paths, in its order (one query)."""
    rows = rule.rule_paths.filter(path__live=True, path__current_version__isnull=False)
    return [row.path for row in rows.select_related("path__current_version")]


def never_had(learning_path: LearningPath) -> Any:
    """Whether a profile's person never had `learning_path`, in any status."""
    return ~Exists(Assignment.objects.filter(trainee=OuterRef("user_id"), path=learning_path))


def _with_new_paths(profiles: QuerySet[TraineeProfile], paths: Sequence[LearningPath]):
    """Profiles annotated `new_<i>`: whether they would get the i-th path."""
    return profiles.annotate(**{f"new_{i}": never_had(p) for i, p in enumerate(paths)})


def _any_new(count: int) -> Q:
    query = Q(pk__in=[])
    for i in range(count):
        query |= Q(**{f"new_{i}": True})
    return query


@dataclass
class Preview:
    """Who would get what now: the first `people` (name, paths), and the totals."""

    matched: int = 0
    receiving: int = 0
    per_path: list[tuple[LearningPath, int]] = field(default_factory=list)
    people: list[tuple[str, list[LearningPath]]] = field(default_factory=list)
    unpublished: list[LearningPath] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.receiving - len(self.people)


def preview(rule: EnrolmentRule, paths: Sequence[LearningPath], limit: int = 50) -> Preview:
    """What applying `rule` (saved or not) with `paths` would do now, without doing it.
    Two queries for any number of people: the totals, and the first `limit` people."""
    result = Preview(unpublished=[p for p in paths if not p.live or not p.current_version_id])
    live = [p for p in paths if p not in result.unpublished]
    if not live:
        result.matched = matching(rule).count()
        return result
    profiles = _with_new_paths(matching(rule), live)
    totals = profiles.aggregate(
        matched=Count("pk"),
        receiving=Count("pk", filter=_any_new(len(live))),
        **{f"path_{i}": Count("pk", filter=Q(**{f"new_{i}": True})) for i in range(len(live))},
    )
    result.matched, result.receiving = totals["matched"], totals["receiving"]
    result.per_path = [(p, totals[f"path_{i}"]) for i, p in enumerate(live)]
    rows = (
        profiles.filter(_any_new(len(live)))
        .order_by("user__first_name", "user__last_name", "pk")
        .values_list(
            "user__first_name",
            "user__last_name",
            "user__username",
            *(f"new_{i}" for i in range(len(live))),
        )[:limit]
    )
    result.people = [
        (name_from(*row[:3]), [p for p, new in zip(live, row[3:], strict=True) if new])
        for row in rows
    ]
    return result


def apply_rule(
    rule: EnrolmentRule,
    people: Iterable[int] | None = None,
    *,
    trigger: str,
    by: User | None = None,
    today: date | None = None,
) -> RuleRun | None:
    """Give the rule's paths to the people it is about (of `people`, profile ids, if
    given) who never had them, add coach links it names, and log the run. Returns the
    log row (None for a person's change the rule was not about)."""
    today = today or timezone.localdate()
    people = None if people is None else list(people)
    with transaction.atomic():
        # Two runs of one rule (two tabs, a sweep and a save) take turns.
        list(EnrolmentRule.objects.select_for_update().filter(pk=rule.pk).values_list("pk"))
        paths = assignable_paths(rule)
        profiles = matching(rule, people, today)
        primary = CoachRelationship.objects.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today),
            trainee=OuterRef("user_id"),
            is_primary=True,
        )
        rows = list(
            _with_new_paths(profiles, paths)
            .annotate(has_primary=Exists(primary))
            .values_list(
                "user_id",
                "business_unit__lead_id",
                "has_primary",
                *(f"new_{i}" for i in range(len(paths))),
            )
        )
        if not rows and trigger in PERSON_TRIGGERS:
            return None
        receivers = [row for row in rows if any(row[3:])]
        made = 0
        for i, learning_path in enumerate(paths):
            if not any(row[3 + i] for row in receivers):
                continue
            result = assign_path(
                learning_path,
                profiles.filter(never_had(learning_path)),
                assigned_by=rule.assigned_by,
                rule=rule,
                **rule.due_arguments(),  # type: ignore[arg-type]
            )
            made += result.created
        _add_coaches(rule, receivers, today)
        return RuleRun.objects.create(
            rule=rule,
            trigger=trigger,
            matched=len(rows),
            assigned=len(receivers),
            skipped=len(rows) - len(receivers),
            assignments=made,
            ran_by=by,
        )


def _add_coaches(rule: EnrolmentRule, receivers: list[tuple], today: date) -> None:
    """The rule's coach, as the primary coach of those it gave a path who have none."""
    if rule.coach == CoachChoice.KEEP:
        return
    links = []
    for user_id, lead_id, has_primary, *_new in receivers:
        coach_id = lead_id if rule.coach == CoachChoice.UNIT_LEAD else rule.coach_person_id
        if has_primary or coach_id is None or coach_id == user_id:
            continue
        links.append(
            CoachRelationship(
                coach_id=coach_id, trainee_id=user_id, is_primary=True, starts_on=today
            )
        )
    if not links:
        return
    newest_before = CoachRelationship.objects.aggregate(newest=Max("pk"))["newest"] or 0
    # The database's "one open primary coach" rule settles a race with another change.
    CoachRelationship.objects.bulk_create(links, ignore_conflicts=True)
    # Those inserted (ignored conflicts have no id), each on its new hire's trail.
    wanted = {(link.coach_id, link.trainee_id) for link in links}
    added = [
        link
        for link in CoachRelationship.objects.filter(
            pk__gt=newest_before, is_primary=True, starts_on=today
        ).select_related("coach")
        if (link.coach_id, link.trainee_id) in wanted
    ]
    trail.record_many(
        added,
        "coaching.link_start_by_rule",
        by=None,
        each=lambda link: {"coach": display_name(link.coach)},
        rule=rule.name,
        starts_on=today.isoformat(),
    )


def apply_rules(
    people: Iterable[int] | None = None, *, trigger: str, by: User | None = None
) -> list[RuleRun]:
    """Apply every active rule (to `people`, profile ids, if given)."""
    people = None if people is None else list(people)
    runs = []
    for rule in EnrolmentRule.objects.active().select_related("assigned_by"):
        run = apply_rule(rule, people, trigger=trigger, by=by)
        if run is not None:
            runs.append(run)
    return runs
