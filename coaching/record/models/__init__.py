"""The development record's models: entries of every kind (`entries`), goals with key
results (`goals`), 1:1s (`meetings`) and blameless learning reviews (`reviews`)."""

from .entries import (
    Cheer,
    Deactivation,
    Entry,
    EntryRevision,
    ErasureScope,
    Feedback,
    FeedbackKind,
    Milestone,
    MilestoneKind,
    OwnedAction,
    Recognition,
    RecordErasure,
    Reflection,
    Reply,
)
from .goals import Cadence, Confidence, Goal, GoalCheckIn, GoalStatus, KeyResult, SetBy
from .meetings import ActionItem, AgendaItem, AgendaTemplate, OneOnOne, Repeats, agenda_lines
from .reviews import LearningReview, ReviewAction

__all__ = [
    "ActionItem",
    "AgendaItem",
    "AgendaTemplate",
    "Cadence",
    "Cheer",
    "Confidence",
    "Deactivation",
    "Entry",
    "EntryRevision",
    "ErasureScope",
    "Feedback",
    "FeedbackKind",
    "Goal",
    "GoalCheckIn",
    "GoalStatus",
    "KeyResult",
    "LearningReview",
    "Milestone",
    "MilestoneKind",
    "OneOnOne",
    "OwnedAction",
    "Recognition",
    "RecordErasure",
    "Reflection",
    "Repeats",
    "Reply",
    "ReviewAction",
    "SetBy",
    "agenda_lines",
]
