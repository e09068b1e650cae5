"""How a person stands to a record (its owner, a coach of the owner or HR, or neither),
and the record and entry lookups every view makes: someone else's record answers 404."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from coaching.common.names import display_name
from coaching.common.types import User
from coaching.people.access import is_hr
from coaching.people.models import CoachRelationship
from coaching.record.models import Entry, Recognition, RecordErasure


def coaches(user: User, trainee: User) -> bool:
    return CoachRelationship.objects.active().filter(coach=user, trainee=trainee).exists()


@dataclass(frozen=True)
class RecordRole:
    """How a person stands to a record, worked out once per request: as its owner, as one
    of the owner's coaches or HR, or neither."""

    is_self: bool
    is_coach: bool  # a coach of the owner, or HR; never the owner themself

    @property
    def keeper(self) -> bool:
        """The new hire, their coaches and HR: the people who read the whole record."""
        return self.is_self or self.is_coach


def role_on(user: User, trainee: User) -> RecordRole:
    is_self = user == trainee
    return RecordRole(is_self, not is_self and (is_hr(user) or coaches(user, trainee)))


def record_owner_or_404(user: User, person_id: int) -> tuple[User, RecordRole]:
    """The person whose record `user` asks for, and `user`'s role on it; 404 unless they
    keep it."""
    person = get_object_or_404(get_user_model(), pk=person_id, is_active=True)
    role = role_on(user, person)
    if not role.keeper:
        raise Http404
    return person, role


def person_for_hr_or_404(user: User, person_id: int) -> User:
    """Anyone's account, for HR answering a personal-data request (someone who left and is
    deactivated too); 404 for anyone but HR, and for a person already erased."""
    if not is_hr(user):
        raise Http404
    people = get_user_model().objects.exclude(pk__in=RecordErasure.objects.people())
    return get_object_or_404(people, pk=person_id)


def entry_and_role_or_404(user: User, entry_id: int) -> tuple[Entry, RecordRole]:
    """An entry `user` may read (on a record they keep, written by them, or public), with
    their role on its record."""
    entry = get_object_or_404(Entry.objects.select_related("trainee", "author"), pk=entry_id)
    role = role_on(user, entry.trainee)
    if not (entry.is_public or entry.author_id == user.pk or role.keeper):
        raise Http404
    return entry, role


def entry_or_404(user: User, entry_id: int) -> Entry:
    return entry_and_role_or_404(user, entry_id)[0]


def may_edit(user: User, entry: Entry, role: RecordRole) -> bool:
    """Only the author edits an entry, and only while they keep the record it is on: a
    coach whose coaching ended reads what they wrote and changes it no more. Recognition,
    which anyone gives, stays its giver's to edit."""
    return (
        entry.author_id == user.pk
        and bool(entry.editable_fields)
        and (role.keeper or isinstance(entry, Recognition))
    )


def audience(trainee: User | None, *, writer: User, public: bool) -> str:
    """Who will read an entry `writer` writes on `trainee`'s record, in words, from the
    rules above: the record's keepers (the new hire, their coaches now, HR) and, when the
    entry can be public, everyone signed in. The writer reads what they wrote anyway.
    `trainee` is None while it is not chosen yet (recognition, before naming whom)."""
    if trainee is None:
        said = _("The person you recognise, their coaches and HR will see this.")
    else:
        coach_names = get_text_list(
            [
                display_name(link.coach)
                for link in CoachRelationship.objects.active()
                .filter(trainee=trainee)
                .select_related("coach")
                .order_by("-is_primary", "coach__first_name", "coach__username")
            ],
            _("and"),
        )
        if trainee == writer:
            said = (
                _("You, your coaches (%(coaches)s) and HR will see this.")
                if coach_names
                else _("You and HR will see this.")
            ) % {"coaches": coach_names}
        else:
            names = {
                "name": display_name(trainee),
                "first_name": trainee.first_name or display_name(trainee),
                "coaches": coach_names,
            }
            said = (
                _(
                    "%(name)s (the new hire), %(first_name)s's coaches (%(coaches)s) and HR "
                    "will see this."
                )
                if coach_names
                else _("%(name)s (the new hire) and HR will see this.")
            ) % names
    if public:
        said = " ".join([said, _("If it is shown on the kudos wall, everyone signed in sees it.")])
    return said
