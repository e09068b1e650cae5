"""How a person is named wherever the plugin names them: their full name, else username."""

from coaching.common.types import User


def display_name(user: User | None) -> str:
    """A user's name to show ("" for nobody, e.g. an author whose account was removed)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def name_from(first: str | None, last: str | None, username: str | None) -> str:
    """The same name from values a query fetched (first name, last name, username)."""
    return f"{first or ''} {last or ''}".strip() or username or ""
