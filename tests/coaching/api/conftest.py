import pytest

from tests import builders

from .client import Api, make_token


@pytest.fixture
def hr_api(hr):
    return Api(
        make_token(
            hr,
            "read:people",
            "write:people",
            "read:paths",
            "read:assignments",
            "write:assignments",
            "read:reports",
        )
    )


@pytest.fixture
def coach_api(coach):
    return Api(
        make_token(
            coach,
            "read:people",
            "read:paths",
            "read:assignments",
            "write:assignments",
            "read:reports",
            name="Team dashboard",
        )
    )


@pytest.fixture
def published_path(portal):
    return builders.make_path("Orientation", steps=[builders.make_module(portal), "Shadow a call"])
