"""What the API answers and accepts, as Pydantic schemas: django-ninja builds the OpenAPI
schema from these, so the documentation and the validation cannot drift apart. People
are named by their account's id everywhere (as on the site's own pages)."""

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from ninja import Field, Schema
from pydantic import ConfigDict

from coaching.common.ids import LARGEST_ID
from coaching.common.names import display_name
from coaching.common.percent import percent

# An id a request names: a whole number a database column can hold (SQLite raises on more).
Id = Annotated[int, Field(ge=1, le=LARGEST_ID)]


class Named(Schema):
    id: int
    name: str


class Coach(Named):
    primary: bool
    ends_on: date | None = Field(description="The last day of their coaching, if it ends.")


class PersonOut(Schema):
    """A new hire: their account, profile and current coaches."""

    id: int = Field(description="The person's account id.")
    email: str
    first_name: str
    last_name: str
    active: bool
    start_date: date | None
    job_title: str
    unit: Named | None
    buddy: Named | None
    coaches: list[Coach] = Field(description="Current coaches, the primary one first.")
    updated_at: datetime

    @staticmethod
    def resolve_id(profile: Any) -> int:
        return int(profile.user_id)

    @staticmethod
    def resolve_email(profile: Any) -> str:
        return str(getattr(profile.user, profile.user.get_email_field_name(), "") or "")

    @staticmethod
    def resolve_first_name(profile: Any) -> str:
        return str(profile.user.first_name)

    @staticmethod
    def resolve_last_name(profile: Any) -> str:
        return str(profile.user.last_name)

    @staticmethod
    def resolve_active(profile: Any) -> bool:
        return bool(profile.user.is_active)

    @staticmethod
    def resolve_unit(profile: Any) -> dict[str, Any] | None:
        unit = profile.business_unit
        return None if unit is None else {"id": unit.pk, "name": unit.name}

    @staticmethod
    def resolve_buddy(profile: Any) -> dict[str, Any] | None:
        buddy = profile.buddy
        return None if buddy is None else {"id": buddy.pk, "name": display_name(buddy)}

    @staticmethod
    def resolve_coaches(profile: Any) -> list[dict[str, Any]]:
        return [
            {
                "id": link.coach_id,
                "name": display_name(link.coach),
                "primary": link.is_primary,
                "ends_on": link.ends_on,
            }
            for link in profile.user.current_coaches
        ]


class Strict(Schema):
    """A request's body: a field the API does not know is refused, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class NewPerson(Strict):
    first_name: str
    last_name: str = ""
    email: str
    start_date: date
    unit_id: Id | None = None
    job_title: str = ""
    coach_id: Id | None = Field(None, description="Their primary coach from today.")
    buddy_id: Id | None = None


class PersonChange(Strict):
    """What to change; a field left out stays as it is, null clears it."""

    first_name: str | None = None
    last_name: str | None = None
    start_date: date | None = None
    unit_id: Id | None = None
    job_title: str | None = None
    coach_id: Id | None = Field(
        None, description="The new primary coach from today; null: no primary coach."
    )
    buddy_id: Id | None = None


StepKindName = Literal["module", "task", "checkin", "knowledge_check"]


class StepOut(Schema):
    key: UUID = Field(description="The step's key: the same in every version of the path.")
    position: int
    kind: StepKindName
    title: str
    estimated_minutes: int
    page_id: int | None
    before_day_one: bool


class VersionOut(Schema):
    id: int
    number: int
    published_at: datetime
    title: str
    step_count: int
    estimated_minutes: int


class VersionWithSteps(VersionOut):
    steps: list[StepOut]

    @staticmethod
    def resolve_steps(version: Any) -> list[Any]:
        return list(version.steps.all())


class PathOut(Schema):
    id: int
    title: str
    slug: str
    description: str
    unit: Named | None
    role: str
    current_version: VersionOut

    @staticmethod
    def resolve_unit(path: Any) -> dict[str, Any] | None:
        unit = path.business_unit
        return None if unit is None else {"id": unit.pk, "name": unit.name}


class PathDetail(PathOut):
    current_version: VersionWithSteps
    versions: list[VersionOut] = Field(description="Every published version, newest first.")

    @staticmethod
    def resolve_versions(path: Any) -> list[Any]:
        return list(path.versions.all())


AssignmentStatusName = Literal["active", "completed", "cancelled"]


class AssignmentOut(Schema):
    id: int
    person_id: int
    path: Named
    version: int = Field(description="The published version's number it is pinned to.")
    version_id: int
    assigned_at: datetime
    assigned_by_id: int | None
    due_on: date | None
    overdue: bool
    status: AssignmentStatusName
    completed_at: datetime | None
    cancelled_at: datetime | None
    steps_done: int
    steps_total: int
    percent: int
    next_step_key: UUID | None
    last_activity_at: datetime | None

    @staticmethod
    def resolve_person_id(assignment: Any) -> int:
        return int(assignment.trainee_id)

    @staticmethod
    def resolve_path(assignment: Any) -> dict[str, Any]:
        return {"id": assignment.path_id, "name": assignment.version.title}

    @staticmethod
    def resolve_version(assignment: Any) -> int:
        return int(assignment.version.number)

    @staticmethod
    def resolve_overdue(assignment: Any) -> bool:
        return bool(assignment.is_overdue)

    @staticmethod
    def resolve_steps_total(assignment: Any) -> int:
        return int(assignment.version.step_count)

    @staticmethod
    def resolve_percent(assignment: Any) -> int:
        return percent(assignment.steps_done, assignment.version.step_count)

    @staticmethod
    def resolve_next_step_key(assignment: Any) -> UUID | None:
        step = assignment.next_step
        return None if step is None else step.key


class NewAssignments(Strict):
    path_id: Id
    person_ids: list[Id] = Field(min_length=1, max_length=10000)
    due_on: date | None = None
    due_after_start_days: int | None = Field(
        None, ge=0, le=3650, description="Due this many days after each person's start date."
    )


class AssignedOut(Schema):
    created: int = Field(description="How many assignments were made.")
    already_assigned: int = Field(description="How many had the path already, left as they were.")
    assignments: list[AssignmentOut] = Field(description="The path's assignment of each person.")


class CompletionOut(Schema):
    """A step done (or waived) on an assignment."""

    assignment_id: int
    person_id: int
    path_id: int
    step_key: UUID
    step_kind: StepKindName
    step_title: str
    completed_at: datetime | None
    waived: bool
    updated_at: datetime

    @staticmethod
    def resolve_person_id(progress: Any) -> int:
        return int(progress.assignment.trainee_id)

    @staticmethod
    def resolve_path_id(progress: Any) -> int:
        return int(progress.assignment.path_id)

    @staticmethod
    def resolve_step_key(progress: Any) -> UUID:
        return progress.step.key

    @staticmethod
    def resolve_step_kind(progress: Any) -> str:
        return str(progress.step.kind)

    @staticmethod
    def resolve_step_title(progress: Any) -> str:
        return str(progress.step.title)

    @staticmethod
    def resolve_waived(progress: Any) -> bool:
        return progress.waived_at is not None


class CompletionRow(Schema):
    key: str | int | None = Field(description="The group's id (a path's, a unit's, ...).")
    label: str
    assigned: int
    in_progress: int
    on_track: int
    overdue: int
    completed: int
    completion_rate: int = Field(description="Percent of the assigned that are completed.")
    median_days: float | None = Field(description="Median days from assigned to completed.")


class Me(Schema):
    id: int
    name: str
    email: str
    scopes: list[str]
