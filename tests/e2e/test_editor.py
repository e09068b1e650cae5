"""The editor's path step builder in a real browser: a 6-step path fits on a screen or two,
each step headed by what it is, and a step shows only the fields its kind uses."""

import re

import pytest

from tests.e2e import browsing

pytestmark = pytest.mark.e2e

# The form's height at 1,280 px for the demo's 6-step path: 4,545 px before the step
# builder, about 1,150 px with it (saved steps collapsed).
MAX_FORM_HEIGHT = 1_600


def test_a_six_step_path_is_compact_and_shows_only_each_kinds_fields(visit):
    page = visit()
    browsing.sign_in(page, "edi")
    page.goto("/admin/snippets/lessons/learningpath/")
    page.get_by_role("link", name="Customer Service essentials").click()
    page.wait_for_load_state()
    # Nothing this test changes may be saved (autosave): the demo stays as it is.
    page.route(
        re.compile(r".*/learningpath/edit/\d+/$"),
        lambda route: route.abort() if route.request.method == "POST" else route.continue_(),
    )

    headings = page.locator("[data-inline-panel-child] [data-step-heading]")
    assert headings.nth(3).inner_text() == "Practical task: Shadow three service calls"
    height = page.evaluate("document.querySelector('form[method=post]').offsetHeight")
    assert height < MAX_FORM_HEIGHT, height

    task = page.locator("[data-inline-panel-child]").nth(3)
    task.locator("[data-panel-toggle]").first.click()
    module_chooser = task.locator("[data-w-rules-target=show]").first
    assert module_chooser.is_hidden()
    task.locator("select[name$='-kind']").select_option("module")
    module_chooser.wait_for(state="visible")
    assert headings.nth(3).inner_text() == "Module: Shadow three service calls"
