"""HR registers a webhook endpoint in the admin, in a real browser: the form, the page that
shows the secret once, and the delivery log with its test event, each passing axe."""

import pytest

from tests.e2e.browsing import assert_accessible, click_and_load, sign_in

pytestmark = pytest.mark.e2e


def test_hr_registers_an_endpoint_and_sends_it_a_test_event(visit):
    page = visit()
    sign_in(page, "hana")
    page.goto("/admin/onboarding/webhooks/new/")
    assert_accessible(page, "the form of a new webhook endpoint")

    page.get_by_label("Name").fill("HR system")
    page.get_by_label("URL").fill("https://hooks.example.invalid/onboarding")
    page.get_by_label("A learning path is completed").check()
    click_and_load(page.get_by_role("button", name="Create"))

    secret = page.locator("code.coaching-token-key")
    assert secret.inner_text().startswith("whsec_")
    assert_accessible(page, "the page of the new endpoint's secret")
    click_and_load(page.get_by_role("link", name="Done: see its deliveries"))

    assert "Nothing was sent here yet" in page.content()
    click_and_load(page.get_by_role("button", name="Send a test event"))
    assert page.get_by_text("A test event was sent").first.is_visible()
    assert page.locator("table.listing tbody tr").count() == 1
    page.reload()  # Wagtail's own "success" message (its colours, as it fades in) aside
    assert_accessible(page, "the endpoint's delivery log")
