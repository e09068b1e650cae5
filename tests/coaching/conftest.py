import pytest

from tests import builders


@pytest.fixture
def coach(db):
    return builders.make_user("citra")


@pytest.fixture
def trainee(coach):
    """A new hire coached (as primary) by `coach`."""
    return builders.make_trainee("nadia", coach=coach)
