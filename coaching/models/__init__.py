from .assignments import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    ProgressStatus,
    StepProgress,
)
from .goals import Cadence, Confidence, Goal, GoalCheckIn, GoalStatus, KeyResult, SetBy
from .meetings import ActionItem, AgendaItem, OneOnOne
from .notifications import (
    EmailStatus,
    Notification,
    NotificationKind,
)
from .people import CoachRelationship, TraineeProfile
from .preferences import Preferences
from .record import (
    Cheer,
    Entry,
    EntryRevision,
    Feedback,
    FeedbackKind,
    Milestone,
    MilestoneKind,
    Recognition,
    RecordErasure,
    Reflection,
    Reply,
)
from .reviews import LearningReview, ReviewAction

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Assignment",
    "AssignmentStatus",
    "Cadence",
    "CheckAttempt",
    "Cheer",
    "CoachRelationship",
    "Confidence",
    "EmailStatus",
    "Entry",
    "EntryRevision",
    "Feedback",
    "FeedbackKind",
    "Goal",
    "GoalCheckIn",
    "GoalStatus",
    "KeyResult",
    "LearningReview",
    "Milestone",
    "MilestoneKind",
    "Notification",
    "NotificationKind",
    "OneOnOne",
    "Preferences",
    "ProgressStatus",
    "Recognition",
    "RecordErasure",
    "Reflection",
    "Reply",
    "ReviewAction",
    "SetBy",
    "StepProgress",
    "TraineeProfile",
]
