"""The onboarding reports in a real browser, at desktop and phone width: no label, legend
entry, tab or table column is cut off or runs off the screen, a month alone is drawn as
bars, and each page passes axe."""

import pytest

from tests.e2e.browsing import PHONE, WIDTHS, assert_accessible, screenshot, sign_in

pytestmark = pytest.mark.e2e

REPORTS = {
    "completion": "/admin/reports/onboarding/completion/path/",
    "recognition": "/admin/reports/onboarding/recognition/value/",
    "goals": "/admin/reports/onboarding/goals/",
    "freshness": "/admin/reports/onboarding/content-freshness/",
}

# Every piece of text a report shows around its chart that could be cut: what is clipped
# (its text wider than its box) or reaches past the right edge of the window.
CUT_TEXT = """() => {
  const selector = ".onboarding-chart__label, .onboarding-chart__legend li, "
    + ".onboarding-chart__title, .onboarding-report-tabs a";
  return [...document.querySelectorAll(selector)]
    .filter((el) => el.scrollWidth > el.clientWidth + 1
      || el.getBoundingClientRect().right > window.innerWidth + 1)
    .map((el) => el.textContent.trim());
}"""

# The table's last column is visible or scrolled to, never cut off by the page.
TABLE_REACHABLE = """() => {
  const region = document.querySelector(".onboarding-report-table");
  const table = region.querySelector("table");
  return table.scrollWidth <= region.clientWidth + 1
    || getComputedStyle(region).overflowX === "auto";
}"""


def test_reports_fit_a_desk_and_a_phone(visit):
    page = visit()
    sign_in(page, "hana")

    for name, url in REPORTS.items():
        page.goto(url)
        for width, size in WIDTHS.items():
            page.set_viewport_size(size)
            assert page.evaluate(CUT_TEXT) == [], f"{name} at {width} width"
            assert page.evaluate(TABLE_REACHABLE), f"{name} at {width} width"
        screenshot(page, f"report-{name}")

    # The demo's recognition is all of one month: bars, not a lone dot on a line.
    page.goto(REPORTS["recognition"])
    assert page.locator("polyline").count() == 0
    assert page.locator(".onboarding-chart__row").count() >= 1


def test_the_grouping_tabs_keep_the_filters_and_say_which_is_shown(visit):
    page = visit()
    page.set_viewport_size(PHONE)
    sign_in(page, "hana")
    page.goto(REPORTS["completion"] + "?dates_from=2020-01-01")

    page.get_by_role("link", name="Business unit", exact=True).click()
    page.wait_for_load_state()

    assert "/completion/unit/" in page.url and "dates_from=2020-01-01" in page.url
    assert (
        page.get_by_role("link", name="Business unit", exact=True).get_attribute("aria-current")
        == "page"
    )
    assert_accessible(page, "completion by business unit at phone width")
