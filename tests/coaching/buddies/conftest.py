import pytest

from coaching.models import TraineeProfile
from tests import builders


@pytest.fixture
def buddy(db):
    """ayu, a colleague: no profile of her own, coaches nobody."""
    return builders.make_user("ayu", last_name="Lestari")


@pytest.fixture
def buddied(trainee, buddy):
    """`trainee` (nadia) with `buddy` (ayu) as her buddy."""
    TraineeProfile.objects.filter(user=trainee).update(buddy=buddy)
    return trainee


def buddied_trainee(name, buddy, coach=None):
    user = builders.make_trainee(name, coach=coach)
    TraineeProfile.objects.filter(user=user).update(buddy=buddy)
    return user
