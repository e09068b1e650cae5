"""Numbers as people read them: grouped and with the decimal sign of the active language
(1.234,5 in Indonesian, 1,234.5 in English).

Thousands are grouped here, figure by figure, rather than by the site's
USE_THOUSAND_SEPARATOR, which would also group every number a template writes into an
address or a form's value (page 1.000, person 1.234). Templates use the `figure` filter."""

from decimal import ROUND_HALF_UP, Decimal
from typing import TypeGuard

from django.utils.formats import number_format


def plain(value: Decimal) -> Decimal:
    """`value` without trailing zeros, and never in exponent form (40, not 4E+1)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def is_figure(value: object) -> TypeGuard[int | float | Decimal]:
    """Whether `value` is a count or a measure (a yes or no is not)."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def figure(value: object) -> object:
    """A count or a measure for reading, in the active language (1.234 and 12,5 in
    Indonesian); anything that is no number (a name, a dash for no figure) unchanged.

    A stored measure (a Decimal: a key result's 12.50 calls) shows at most two decimals
    and none that say nothing (12,5). A computed one (a float) shows the decimals its
    computation rounded it to, so that a report's column reads evenly (8,0 beside 7,5)."""
    if not is_figure(value):
        return value
    if isinstance(value, Decimal):
        value = plain(value.quantize(Decimal("0.01"), ROUND_HALF_UP))
    return number_format(value, force_grouping=True)
