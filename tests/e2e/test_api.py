"""HR makes an API token in the admin, in a real browser: the form, the page that shows
the key once, and the list, each passing axe; the key opens the API, whose reference
(Swagger UI) lists every operation."""

import pytest

from tests.e2e.browsing import assert_accessible, click_and_load, sign_in

pytestmark = pytest.mark.e2e


def test_hr_makes_a_token_that_opens_the_api(visit):
    page = visit()
    sign_in(page, "hana")
    page.goto("/admin/onboarding/api-tokens/new/")
    assert_accessible(page, "the form of a new API token")

    page.get_by_label("Name").fill("Team dashboard")
    page.locator("#id_owner").select_option(label="Citra Wulandari")
    page.locator('input[value="read:people"]').check()
    click_and_load(page.get_by_role("button", name="Create"))

    key = page.get_by_label("API token").input_value()
    assert key.startswith("wagtail_")
    assert_accessible(page, "the page of the new token's key")
    people = page.request.get(
        "/onboarding/api/v1/people/", headers={"Authorization": f"Bearer {key}"}
    ).json()
    assert people["count"] >= 1  # Citra's new hires

    click_and_load(page.get_by_role("link", name="Done: back to API tokens"))
    assert page.get_by_text("Team dashboard").first.is_visible()
    assert key not in page.content()
    assert_accessible(page, "the list of API tokens")


def test_the_api_reference_lists_every_operation(visit):
    page = visit()
    page.goto("/onboarding/api/v1/docs")
    page.get_by_text("Onboarding API").first.wait_for()
    assert page.locator(".opblock").count() == 14
