"""`manage.py apply_enrolment_rules`: the sweep for cron, with a dry run."""

from io import StringIO

import pytest
from django.core.management import call_command

from coaching.models import Assignment
from tests import builders

from . import make

pytestmark = pytest.mark.django_db


def test_dry_run_changes_nothing_and_the_sweep_assigns():
    make.rule(builders.make_path("Company orientation", steps=["x"]))
    builders.make_trainee("nadia")
    out = StringIO()
    call_command("apply_enrolment_rules", "--dry-run", stdout=out)
    assert "1 matched, 1 would get paths" in out.getvalue()
    assert not Assignment.objects.exists()

    call_command("apply_enrolment_rules", stdout=out)
    assert Assignment.objects.count() == 1
    call_command("apply_enrolment_rules", stdout=out)
    assert Assignment.objects.count() == 1
