import pytest

from tests import builders


@pytest.fixture
def task_path(portal):
    """A published path: a module, then a practical task."""
    return builders.make_path(steps=[builders.make_module(portal), "Shadow three calls"])
