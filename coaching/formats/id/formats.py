"""Bahasa Indonesia: the month written out, the time with a dot (14.30)."""

DATE_FORMAT = "j F Y"  # 1 Desember 2026
DATETIME_FORMAT = "j F Y, H.i"  # 1 Desember 2026, 14.30
