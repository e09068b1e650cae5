"""Rules apply by themselves when a new hire's profile is created, or their business unit,
job title or start date changes, however it was saved (the admin, the HR import, SCIM):
after the transaction commits, once for all the profiles it saved. Connected in
`CoachingConfig.ready`. A `QuerySet.update()` sends no signal: the daily sweep catches it.
"""

from typing import Any

from django.db import DEFAULT_DB_ALIAS, transaction

from .applying import apply_rules
from .models import Trigger

WATCHED = ("business_unit_id", "job_title", "start_date")


_DEFERRED = object()


def _watched(profile: Any) -> tuple[Any, ...]:
    # From __dict__: a field left out of a query (`only()`) is not fetched for this.
    return tuple(profile.__dict__.get(name, _DEFERRED) for name in WATCHED)


def remember_loaded(sender: Any, instance: Any, **kwargs: Any) -> None:
    """post_init: what the profile said when it was read, to see later what changed."""
    instance._rules_seen = _watched(instance)


class _Batch:
    """The profiles one transaction saved, applied together when it commits."""

    def __init__(self) -> None:
        self.created: set[int] = set()
        self.changed: set[int] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True
        if self.created:
            apply_rules(self.created, trigger=Trigger.PERSON_CREATED)
        if self.changed - self.created:
            apply_rules(self.changed - self.created, trigger=Trigger.PERSON_CHANGED)


def _batch(using: str) -> _Batch:
    """This transaction's batch, registered to run on commit the first time it is asked."""
    connection = transaction.get_connection(using)
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _Batch) and not callback.done:
            return callback
    batch = _Batch()
    transaction.on_commit(batch, using=using)
    return batch


def profile_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """post_save of TraineeProfile: queue the person for the rules if they are new or one
    of the watched fields changed."""
    if kwargs.get("raw"):
        return  # loading fixtures: nothing is applied
    seen = getattr(instance, "_rules_seen", None)
    now = _watched(instance)
    instance._rules_seen = now
    if not created and seen == now:
        return
    using = kwargs.get("using") or DEFAULT_DB_ALIAS
    if not transaction.get_connection(using).in_atomic_block:
        # Autocommit: the profile is committed already; apply to this one now.
        batch = _Batch()
        (batch.created if created else batch.changed).add(instance.pk)
        batch()
        return
    batch = _batch(using)
    (batch.created if created else batch.changed).add(instance.pk)
