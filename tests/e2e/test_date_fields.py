"""A date typed into a real form is saved as the person meant it and as the page told
them to type it, in an English (US) browser and in an Indonesian one.

A native date input types in the browser's own order (month first in an en-US Chromium:
15/12/2026 became 12 December while the hint said day first), so the plugin's dates are
text boxes that read day first, as their hint says, with a button that opens the
browser's calendar. Agus changes the due date of Rizky's path from Rizky's page.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import formats, translation
from playwright.sync_api import expect

from config.settings.base import TIME_ZONE
from tests.e2e import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

HINTS = {
    "en": "Type it day/month/year, for example 15/12/2026.",
    "id": "Ketik dengan urutan hari/bulan/tahun, misalnya 15/12/2026.",
}


def a_day_that_is_not_a_month(weeks):
    """A future day whose number cannot be a month (13 or more): typed day first or month
    first, it reads differently."""
    day = datetime.datetime.now(ZoneInfo(TIME_ZONE)).date() + datetime.timedelta(weeks=weeks)
    while day.day < 13:
        day += datetime.timedelta(days=1)
    return day


def sign_in(page, username):
    # By the fields' names: the sign-in page speaks the browser's language.
    page.goto("/onboarding/sign-in/")
    page.locator("input[name='username']").fill(username)
    page.locator("input[name='password']").fill(DEMO_PASSWORD)
    page.locator("form:has(input[name='password']) button[type='submit']").click()
    page.wait_for_load_state()
    assert "/sign-in/" not in page.url, f"{username} could not sign in"


def rizkys_page(page):
    page.goto("/onboarding/coach/")
    page.locator("a", has_text="Rizky").first.click()
    page.wait_for_load_state()


def due_date_field(page):
    """The first path's "Change the due date" form, opened, and its date field."""
    details = page.locator("details:has(input[id^='change-due-'])").first
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details.locator("form"), details.locator("input[id^='change-due-'][type='text']")


@pytest.mark.parametrize(("locale", "language", "weeks"), [("en-US", "en", 6), ("id-ID", "id", 8)])
def test_a_due_date_typed_as_the_hint_says_is_saved_as_meant(visit, locale, language, weeks):
    page = visit(locale)
    sign_in(page, "agus")
    rizkys_page(page)
    assert page.locator("html").get_attribute("lang") == language
    meant = a_day_that_is_not_a_month(weeks)
    form, field = due_date_field(page)

    # What a screen reader says of the field ends with the hint, after its help text.
    expect(field).to_have_accessible_description(re.compile(re.escape(HINTS[language]) + "$"))
    field.fill("")
    field.press_sequentially(meant.strftime("%d/%m/%Y"))  # as the hint says: day first
    form.locator("button[type='submit']").click()
    page.wait_for_load_state()

    with translation.override(language):
        shown = formats.date_format(meant, "DATE_FORMAT")
    section = page.locator("section.assignment:has(input[id^='change-due-'])").first
    expect(section.locator("p.meta").first).to_contain_text(shown)  # "Due ..., in N days"
    _form, field = due_date_field(page)
    expect(field).to_have_value(meant.strftime("%d/%m/%Y"))


def test_the_calendar_button_writes_the_day_chosen_day_first(visit):
    page = visit()
    sign_in(page, "agus")
    rizkys_page(page)
    form, field = due_date_field(page)
    chosen = a_day_that_is_not_a_month(10)

    button = form.get_by_role("button", name="Choose a date")
    expect(button).to_be_visible()  # the script ran: the button is offered
    # The browser's calendar is its own window, out of the page's reach; choosing a day
    # in it sets the hidden date input, as this does.
    form.locator(".date-picker__native").fill(chosen.isoformat(), force=True)

    expect(field).to_have_value(chosen.strftime("%d/%m/%Y"))
    expect(field).to_be_focused()
