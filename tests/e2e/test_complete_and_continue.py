"""A new hire goes on from each step without hunting for a link: "Done, next step" at the
end of a module opens the next step; a passed check says Continue; on a phone the step's
action stays at the bottom of the screen, and no box sits inside another.

Rizky (the demo's field technician, who has not begun) is the new hire here: the onboarding
story follows Nadia and Bima, so nothing here changes what it sees."""

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import PHONE, assert_accessible, click_and_load, load_fixture, sign_in

pytestmark = pytest.mark.e2e

PATH = "Company orientation"
FIRST = "Who we are: the Nusantara Connect company profile"
SECOND = "Sales: making promises we can keep"
CHECKED_MODULE = "Protecting customer data"  # step 9, a module ending with a check
CHECK_SLUG = "data-protection-check"

# Boxes (a border on every side) inside other boxes, within the page's main content.
NESTED_BOXES = """() => {
  const boxed = (el) => {
    const style = getComputedStyle(el);
    if (!["block", "flex", "grid", "list-item"].includes(style.display)) return false;
    return ["Top", "Right", "Bottom", "Left"].every(
      (side) =>
        parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== "none"
    );
  };
  const main = document.querySelector("main") || document.body;
  const found = [];
  for (const el of main.querySelectorAll("*")) {
    if (!boxed(el) || el.matches("input, textarea, select, button, img, progress")) continue;
    for (let up = el.parentElement; up && up !== main.parentElement; up = up.parentElement) {
      if (boxed(up)) { found.push(`${up.className} > ${el.className}`); break; }
    }
  }
  return found;
}"""


def rizkys_path(visit):
    page = visit()
    sign_in(page, "rizky")
    page.goto("/onboarding/")
    return page, page.locator("li.journey", has=page.get_by_role("link", name=PATH, exact=True))


def test_done_next_step_opens_the_next_step(visit):
    page, card = rizkys_path(visit)
    click_and_load(card.get_by_role("link", name=f"Start {FIRST}"))
    expect(page.get_by_role("heading", level=1)).to_have_text(FIRST)

    click_and_load(page.get_by_role("button", name="Done, next step"))

    assert page.url.endswith("/steps/2/")
    expect(page.get_by_role("heading", level=1)).to_have_text(SECOND)
    expect(page.locator(".messages")).to_contain_text(f"“{FIRST}” is done.")
    page.goto("/onboarding/")
    expect(card.get_by_role("link", name=f"Continue {SECOND}")).to_be_visible()


def correct_answers():
    (check,) = [c for c in load_fixture("checks")["checks"] if c["slug"] == CHECK_SLUG]
    for question in check["questions"]:
        value = question["value"]
        if question["type"] == "true_false":
            yield [0 if value["correct_answer"] else 1]
        else:
            yield [i for i, choice in enumerate(value["choices"]) if choice["correct"]]


def test_a_passed_check_offers_continue_to_the_next_step(visit):
    page, card = rizkys_path(visit)
    click_and_load(card.get_by_role("link", name=PATH, exact=True))
    click_and_load(page.get_by_role("link", name=CHECKED_MODULE, exact=True))
    form = page.locator("#check-form")
    for number, chosen in enumerate(correct_answers()):
        options = form.locator("fieldset").nth(number).locator("input")
        for index in chosen:
            options.nth(index).check()

    click_and_load(form.get_by_role("button", name="Submit answers"))

    expect(page.locator(".attempt")).to_contain_text("Passed")
    check = page.locator("#check")
    assert "attempt left" not in check.inner_text() and "attempts left" not in check.inner_text()
    click_and_load(page.locator(".step-bar").get_by_role("link", name="Continue"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Orientation check-in with your coach"
    )


def test_on_a_phone_the_step_action_stays_on_screen_and_boxes_do_not_nest(visit):
    page, card = rizkys_path(visit)
    page.set_viewport_size(PHONE)
    click_and_load(card.get_by_role("link", name=PATH, exact=True))
    assert page.evaluate(NESTED_BOXES) == [], "a box inside a box on the path page"
    page.goto(page.url + "steps/3/")  # a long module

    bar = page.locator(".step-bar")
    box = bar.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    assert box["y"] > PHONE["height"] / 2, "the bar sits at the bottom of the screen"
    expect(bar.get_by_role("button", name="Done, next step")).to_be_in_viewport()
    assert page.evaluate(NESTED_BOXES) == [], "a box inside a box on the step page"
    assert_accessible(page, "a module step at phone width")

    # At the page's end the bar is back in its place: it covers none of the links after it.
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    nav = page.locator(".step-nav").bounding_box()
    bar_now = bar.bounding_box()
    assert nav is not None and bar_now is not None
    assert bar_now["y"] + bar_now["height"] <= nav["y"]
