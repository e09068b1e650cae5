"""Calendars: an iCalendar invite on every email about a planned 1:1 or check-in (updated
when it moves, cancelled when it is called off), and a private feed per person."""
