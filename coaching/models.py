"""The app's models, for Django to find: each feature keeps its own in its folder
(people, learning, record, notifications, account). Import them from here or from the
feature; both name the same classes."""

from coaching.account.models import Preferences
from coaching.api.models import TokenScopes
from coaching.audit.models import CoachingLogEntry
from coaching.automation.models import EnrolmentRule, EnrolmentRulePath, RuleRun
from coaching.buddies.models import BuddyQuestion
from coaching.calendars.models import CalendarFeed, InviteSequence
from coaching.importing.models import ImportStatus, PeopleImport
from coaching.learning.models import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    Evidence,
    ExtraAttempts,
    ProgressStatus,
    StepProgress,
    TraineeFigures,
)
from coaching.notifications.models import (
    EmailStatus,
    Notification,
    NotificationKind,
)
from coaching.people.models import CoachRelationship, TraineeProfile
from coaching.provisioning.models import ProvisionedPerson, ProvisionedUnit, ProvisioningToken
from coaching.record.models import (
    ActionItem,
    AgendaItem,
    AgendaTemplate,
    Cadence,
    Cheer,
    Confidence,
    Deactivation,
    Entry,
    EntryRevision,
    ErasureScope,
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
from coaching.rereading.models import ModuleChange, ReadAgain, ReadAgainReason
from coaching.webhooks.models import Delivery, Endpoint

__all__ = [
    "ActionItem",
    "AgendaItem",
    "AgendaTemplate",
    "Assignment",
    "AssignmentStatus",
    "BuddyQuestion",
    "Cadence",
    "CalendarFeed",
    "CheckAttempt",
    "Cheer",
    "CoachRelationship",
    "CoachingLogEntry",
    "Confidence",
    "Deactivation",
    "Delivery",
    "EmailStatus",
    "Endpoint",
    "EnrolmentRule",
    "EnrolmentRulePath",
    "Entry",
    "EntryRevision",
    "ErasureScope",
    "Evidence",
    "ExtraAttempts",
    "Feedback",
    "FeedbackKind",
    "Goal",
    "GoalCheckIn",
    "GoalStatus",
    "ImportStatus",
    "InviteSequence",
    "KeyResult",
    "LearningReview",
    "Milestone",
    "MilestoneKind",
    "ModuleChange",
    "Notification",
    "NotificationKind",
    "OneOnOne",
    "PeopleImport",
    "Preferences",
    "ProgressStatus",
    "ProvisionedPerson",
    "ProvisionedUnit",
    "ProvisioningToken",
    "ReadAgain",
    "ReadAgainReason",
    "Recognition",
    "RecordErasure",
    "Reflection",
    "Reply",
    "ReviewAction",
    "RuleRun",
    "SetBy",
    "StepProgress",
    "TokenScopes",
    "TraineeFigures",
    "TraineeProfile",
]
