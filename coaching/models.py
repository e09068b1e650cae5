"""The app's models, for Django to find: each feature keeps its own in its folder
(people, learning, record, notifications, account). Import them from here or from the
feature; both name the same classes."""

from coaching.account.models import Preferences
from coaching.audit.models import CoachingLogEntry
from coaching.learning.models import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    ExtraAttempts,
    ProgressStatus,
    StepProgress,
)
from coaching.notifications.models import (
    EmailStatus,
    Notification,
    NotificationKind,
)
from coaching.people.models import CoachRelationship, TraineeProfile
from coaching.record.models import (
    ActionItem,
    AgendaItem,
    Cadence,
    Cheer,
    Confidence,
    Entry,
    EntryRevision,
    Feedback,
    FeedbackKind,
    Goal,
    GoalCheckIn,
    GoalStatus,
    KeyResult,
    LearningReview,
    Milestone,
    MilestoneKind,
    OneOnOne,
    Recognition,
    RecordErasure,
    Reflection,
    Reply,
    ReviewAction,
    SetBy,
)

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Assignment",
    "AssignmentStatus",
    "Cadence",
    "CheckAttempt",
    "Cheer",
    "CoachRelationship",
    "CoachingLogEntry",
    "Confidence",
    "EmailStatus",
    "Entry",
    "EntryRevision",
    "ExtraAttempts",
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
