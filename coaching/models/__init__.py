from .assignments import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    ProgressStatus,
    StepProgress,
)
from .people import CoachRelationship, TraineeProfile

__all__ = [
    "Assignment",
    "AssignmentStatus",
    "CheckAttempt",
    "CoachRelationship",
    "ProgressStatus",
    "StepProgress",
    "TraineeProfile",
]
