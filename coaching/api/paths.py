"""/paths: the published learning paths (what coaches assign), each with its current
version and steps; one path with every version it was published in."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import paginate

from coaching.api.auth import require
from coaching.api.errors import PROBLEMS
from coaching.api.models import Scope
from coaching.api.paging import Paged
from coaching.api.schemas import Id, PathDetail, PathOut
from lessons.models import LearningPath, PathVersion

router = Router(tags=["paths"])


def published() -> QuerySet[LearningPath]:
    return LearningPath.objects.assignable().select_related("business_unit").order_by("pk")


@router.get("/", response={200: list[PathOut], **PROBLEMS}, summary="List published paths")
@paginate(Paged)
def list_paths(request: HttpRequest) -> Any:
    require(request, Scope.READ_PATHS)
    return published()


@router.get("/{path_id}", response={200: PathDetail, **PROBLEMS}, summary="Read a path")
def read_path(request: HttpRequest, path_id: Id) -> Any:
    require(request, Scope.READ_PATHS)
    paths = published().prefetch_related(
        "current_version__steps",
        Prefetch("versions", PathVersion.objects.order_by("-number")),
    )
    return get_object_or_404(paths, pk=path_id)
