"""Ids that arrive from people (query strings, forms), checked before a database sees them."""

LARGEST_ID = 2**63 - 1  # what a database integer column holds


def parse_id(value: object) -> int | None:
    """The id `value` names, or None when it is not one: only ASCII digits ("²" passes
    str.isdigit but not int), and no larger than a database can hold (SQLite raises)."""
    text = str(value).strip() if value is not None else ""
    if text.isascii() and text.isdigit() and int(text) <= LARGEST_ID:
        return int(text)
    return None
