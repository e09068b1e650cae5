from .checks import CheckResult, KnowledgeCheck, QuestionResult
from .organisation import BusinessUnit, CompanyValue
from .pages import (
    BusinessUnitContact,
    BusinessUnitPage,
    CompanyProfilePage,
    LearnablePage,
    LearningPortalPage,
    ModulePage,
)
from .paths import (
    LearningPath,
    LearningPathStep,
    PathVersion,
    PathVersionStep,
    StepKind,
    Withdrawal,
)

__all__ = [
    "BusinessUnit",
    "BusinessUnitContact",
    "BusinessUnitPage",
    "CheckResult",
    "CompanyProfilePage",
    "CompanyValue",
    "KnowledgeCheck",
    "LearnablePage",
    "LearningPath",
    "LearningPathStep",
    "LearningPortalPage",
    "ModulePage",
    "PathVersion",
    "PathVersionStep",
    "QuestionResult",
    "StepKind",
    "Withdrawal",
]
