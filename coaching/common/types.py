"""Names for annotations that Django does not export, spelt as django_stubs_ext spells them.

To mypy (with the django-stubs plugin), `User` is the site's AUTH_USER_MODEL, so a custom
user model is checked as itself; at run time it is the class every user model derives from.
`Text` is a label: a string, or a lazy translation that becomes one when it is shown.
`JSON` is what a JSONField holds.
"""

from typing import TYPE_CHECKING, TypeAlias

JSON: TypeAlias = dict[str, "JSON"] | list["JSON"] | str | int | float | bool | None

if TYPE_CHECKING:
    from django.contrib.auth.models import _AnyUser, _User
    from django.utils.functional import _StrOrPromise

    User: TypeAlias = _User
    AnyUser: TypeAlias = _AnyUser  # a signed-in person, or AnonymousUser
    Text: TypeAlias = _StrOrPromise
else:
    from django.contrib.auth.base_user import AbstractBaseUser as User
    from django.contrib.auth.models import AnonymousUser
    from django.utils.functional import Promise

    AnyUser = User | AnonymousUser
    Text = str | Promise
