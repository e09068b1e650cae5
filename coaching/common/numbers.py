"""Numbers as people read them, for coaching's code: the functions live in lessons.numbers
(lessons' templates show figures too, and lessons never imports coaching)."""

from lessons.numbers import figure, is_figure, plain

__all__ = ["figure", "is_figure", "plain"]
