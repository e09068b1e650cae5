"""A rule in words, for its listing and its log: who, which paths, due when, which coach."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from coaching.common.names import display_name
from lessons.i18n import localized_all

from .models import CoachChoice, DueRule, EnrolmentRule


def _day(day: Any) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def who(rule: EnrolmentRule) -> str:
    parts = []
    if rule.business_unit_id is not None:
        parts.append(_("in %(unit)s") % {"unit": rule.business_unit})
    if rule.job_title.strip():
        parts.append(_("job title “%(title)s”") % {"title": rule.job_title.strip()})
    if rule.starts_within_days is not None:
        parts.append(_("starting in the next %(days)s days") % {"days": rule.starts_within_days})
    if rule.starts_from and rule.starts_until:
        parts.append(
            _("starting %(start)s to %(end)s")
            % {"start": _day(rule.starts_from), "end": _day(rule.starts_until)}
        )
    elif rule.starts_from:
        parts.append(_("starting from %(start)s") % {"start": _day(rule.starts_from)})
    elif rule.starts_until:
        parts.append(_("starting until %(end)s") % {"end": _day(rule.starts_until)})
    if not parts:
        return _("Everyone with a new hire profile")
    return _("New hires %(conditions)s") % {"conditions": ", ".join(parts)}


def name_paths(rules: Iterable[EnrolmentRule]) -> None:
    """Give each of the rules' path rows its path's title in the reader's language, for all
    the rules at once (one query, see lessons.i18n.localized_all)."""
    rows = [row for rule in rules for row in rule.rule_paths.all()]
    for row, shown in zip(rows, localized_all([row.path for row in rows]), strict=True):
        row.path_title = str(shown)


def paths(rule: EnrolmentRule) -> str:
    rows = list(rule.rule_paths.all())
    titles: list[str] = [getattr(row, "path_title", "") for row in rows]
    if not all(titles):  # not named with the listing's others: one query for this rule
        titles = [str(shown) for shown in localized_all([row.path for row in rows])]
    return ", ".join(titles) if titles else "—"


def due(rule: EnrolmentRule) -> str:
    if rule.due == DueRule.AFTER_START and rule.due_after_days is not None:
        return _("%(days)s days after the start date") % {"days": rule.due_after_days}
    if rule.due == DueRule.FIXED and rule.due_on is not None:
        return _("On %(day)s") % {"day": _day(rule.due_on)}
    return _("No due date")


def coach(rule: EnrolmentRule) -> str:
    if rule.coach == CoachChoice.UNIT_LEAD:
        return _("The lead of their business unit, if they have no primary coach")
    if rule.coach == CoachChoice.PERSON and rule.coach_person is not None:
        return _("%(name)s, if they have no primary coach") % {
            "name": display_name(rule.coach_person)
        }
    return _("Their current coaches")


def assigned_by(rule: EnrolmentRule) -> str:
    if rule.assigned_by is not None:
        return display_name(rule.assigned_by)
    return by_rule(rule.name)


def by_rule(name: str) -> str:
    """How an assignment a rule made names who assigned it."""
    return _("by rule %(name)s") % {"name": name}


def last_run(ran_at: datetime | None, made: int | None) -> str:
    if ran_at is None:
        return _("Not run yet")
    return _("%(when)s: %(made)s assignments") % {
        "when": formats.date_format(timezone.localtime(ran_at), "SHORT_DATETIME_FORMAT"),
        "made": made or 0,
    }
