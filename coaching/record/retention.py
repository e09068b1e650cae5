"""How long a deactivated person's data is kept: `COACHING_ERASE_DEACTIVATED_AFTER_DAYS`
after the sweep first finds their account deactivated, the sweep erases the person (as HR
would, logged with nobody as the one who did it). Off by default (None).

Run `manage.py erase_deactivated` daily. It is safe to run twice or on two servers at once:
a person is erased once, and a person reactivated in time starts afresh.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.conf import coaching_settings
from coaching.record.erasure import erase_person
from coaching.record.models import Deactivation, RecordErasure


@dataclass(frozen=True)
class SweepResult:
    noticed: int  # accounts found deactivated for the first time
    erased: int


def sweep(now: datetime | None = None) -> SweepResult:
    days = coaching_settings.ERASE_DEACTIVATED_AFTER_DAYS
    if days is None:
        return SweepResult(0, 0)
    now = now or timezone.now()
    people = get_user_model().objects.exclude(pk__in=RecordErasure.objects.people())
    Deactivation.objects.filter(person__is_active=True).delete()
    noticed = Deactivation.objects.bulk_create(
        [
            Deactivation(person_id=pk, noticed_at=now)
            for pk in people.filter(is_active=False)
            .exclude(pk__in=Deactivation.objects.values("person_id"))
            .values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
    )
    due = people.filter(
        is_active=False,
        pk__in=Deactivation.objects.filter(noticed_at__lte=now - timedelta(days=days)).values(
            "person_id"
        ),
    )
    reason = _("Kept %(days)s days after the account was deactivated") % {"days": days}
    erased = sum(erase_person(person, erased_by=None, reason=reason) is not None for person in due)
    return SweepResult(len(noticed), erased)
