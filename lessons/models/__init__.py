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

# The content with an owner and reviews (freshness.ReviewedContent), each with the admin URL
# where it is edited: the owner's dashboard, the reminder sweep and the freshness report.
LEARNABLE_PAGES = (ModulePage, CompanyProfilePage, BusinessUnitPage)
REVIEWED_CONTENT = (
    *((model, "wagtailadmin_pages:edit") for model in LEARNABLE_PAGES),
    (LearningPath, "wagtailsnippets_lessons_learningpath:edit"),
)

__all__ = [
    "LEARNABLE_PAGES",
    "REVIEWED_CONTENT",
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
