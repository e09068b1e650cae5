"""Numbers as people read and type them: no useless decimals (12, not 12.00; 12.5, not
12.50), in the reader's language (12,5 in Indonesian), and read back the same way."""

from decimal import Decimal

from django.template.defaultfilters import floatformat


def plain(value: Decimal) -> Decimal:
    """`value` without trailing zeros, and never in exponent form (40, not 4E+1)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def readable(value: Decimal | int) -> str:
    """`value` for reading, in the active language, with at most two decimals."""
    return floatformat(value, "-2")
