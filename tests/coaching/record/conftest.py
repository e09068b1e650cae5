import pytest

from tests import builders

from . import make


@pytest.fixture
def value(db):
    return make.value()


@pytest.fixture
def colleague(db):
    """A signed-in new hire, bima, with no part in nadia's record."""
    return builders.make_trainee("bima")
