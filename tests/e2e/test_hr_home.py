"""HR's day in a browser: the onboarding overview on the admin home, one form to add a new
hire (picking a demo unit and coach), and the new hire in the list with their coach and
status; at phone width too."""

import pytest

from tests.e2e.browsing import screenshot, sign_in

pytestmark = pytest.mark.e2e


def test_hr_adds_a_new_hire_from_the_overview(visit):
    page = visit()
    sign_in(page, "hana")
    page.goto("/admin/")
    overview = page.locator("#onboarding-overview-section")
    assert "starting in the next 14 days" in overview.inner_text()
    screenshot(page, "hr-admin-home")

    overview.get_by_role("link", name="Add a new hire").click()
    page.wait_for_load_state()
    screenshot(page, "hr-add-a-new-hire")
    page.get_by_label("First name").fill("Sari")
    page.get_by_label("Last name").fill("Utami")
    page.get_by_label("Email").fill("sari.utami@nusantaraconnect.example")
    page.get_by_label("Start date").fill("2027-01-04")
    page.keyboard.press("Escape")  # the date picker
    page.get_by_label("Business unit").select_option(label="Network Operations")
    page.get_by_label("Coach", exact=True).select_option(label="Agus Setiawan")
    page.get_by_role("button", name="Add and send the invitation").click()
    page.wait_for_load_state()

    assert "Sari Utami is a new hire" in page.inner_text("body")
    row = page.locator("tr", has_text="Sari Utami")
    assert "Agus Setiawan" in row.inner_text()
    assert "not started" in row.inner_text().lower()  # a status tag, in capitals
