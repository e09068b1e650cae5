import pytest

from . import make


@pytest.fixture
def value(db):
    return make.value()
