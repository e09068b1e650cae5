"""How a person is named wherever the plugin names them: their full name, else username;
and, after an erasure, finding and replacing that name where data kept it."""

import json
from collections.abc import Collection
from typing import TypeVar

from django.db.models import Model, Q, QuerySet, TextField
from django.db.models.functions import Cast

from coaching.common.types import JSON, User

Row = TypeVar("Row", bound=Model)


def display_name(user: User | None) -> str:
    """A user's name to show ("" for nobody, e.g. an author whose account was removed)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def initials(user: User) -> str:
    """Up to two letters for a person's avatar: of their first and last names, else of
    their username."""
    words = [user.first_name, user.last_name] if user.first_name else [user.get_username()]
    letters = "".join(word.strip()[:1] for word in words if word and word.strip())
    return letters.upper()


def name_from(first: str | None, last: str | None, username: str | None) -> str:
    """The same name from values a query fetched (first name, last name, username)."""
    return f"{first or ''} {last or ''}".strip() or username or ""


def mentioning(rows: QuerySet[Row], field: str, name: str) -> QuerySet[Row]:
    """The rows whose JSON `field` holds `name` somewhere: found as text, since JSON may
    keep non-ASCII letters as they are or escape them (\\u00e9), so both are tried."""
    as_text = Cast(field, TextField())
    found: QuerySet[Row] = rows.annotate(_as_text=as_text).filter(
        Q(_as_text__contains=name) | Q(_as_text__contains=json.dumps(name)[1:-1])
    )
    return found


def without_name(value: JSON, names: Collection[str], stand_in: str) -> JSON:
    """`value` (JSON) with every string that is one of `names` replaced by `stand_in`."""
    if isinstance(value, dict):
        return {key: without_name(item, names, stand_in) for key, item in value.items()}
    if isinstance(value, list):
        return [without_name(item, names, stand_in) for item in value]
    return stand_in if isinstance(value, str) and value in names else value
