import pytest

from tests import builders

from . import make


@pytest.fixture
def coach(db):
    return builders.make_user("citra")


@pytest.fixture
def trainee(coach):
    """A new hire coached by `coach`."""
    return builders.make_trainee("nadia", coach=coach)


@pytest.fixture
def value(db):
    return make.value()
