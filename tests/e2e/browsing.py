"""What the browser tests do with a page: sign in, check accessibility with axe-core,
take screenshots, and get around with the keyboard alone."""

import json
import re
from pathlib import Path

from tests.e2e import DEMO_PASSWORD

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE.parents[1] / ".e2e-screenshots"
AXE_SOURCE = (HERE / "vendor" / "axe.min.js").read_text(encoding="utf-8")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
# What fails a page. axe reports "minor" and "moderate" too; those are not gated.
BLOCKING_IMPACTS = ("serious", "critical")
MAX_TABS = 120

saved_screenshots = []


def sign_in(page, username, *, keyboard=False):
    """Sign in through the portal's sign-in form (with the keyboard alone if asked)."""
    page.goto("/onboarding/sign-in/")
    if keyboard:
        tab_to(page, page.get_by_label("Username"))
        page.keyboard.type(username)
        tab_to(page, page.get_by_label("Password"))
        page.keyboard.type(DEMO_PASSWORD)
        press_and_load(page, "Enter")
    else:
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
    assert "/sign-in/" not in page.url, f"{username} could not sign in"


# Accessibility ------------------------------------------------------------------------

AXE_RUN = """async (impacts) => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  const violations = results.violations
    .filter((violation) => impacts.includes(violation.impact))
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      url: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(" "),
        html: node.html,
        summary: node.failureSummary,
      })),
    }));
  return {rulesRun: results.passes.length + results.violations.length, violations};
}"""


def accessibility_violations(page):
    """axe-core's serious and critical violations on the page as it is now.

    axe is evaluated into the page rather than added as a <script> tag, so a Content
    Security Policy on the site cannot block it.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE + "\n;true")
    results = page.evaluate(AXE_RUN, list(BLOCKING_IMPACTS))
    assert results["rulesRun"] > 0, "axe-core ran no rule on the page"
    return results["violations"]


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['url']}")
        for node in violation["nodes"]:
            lines.append(f"    at {node['target']}: {node['html'][:200]}")
            for reason in node["summary"].splitlines():
                lines.append(f"        {reason}")
    return "\n".join(lines)


def assert_accessible(page, what):
    violations = accessibility_violations(page)
    assert not violations, (
        f"axe-core found serious or critical problems on {what} ({page.url}):\n"
        + describe_violations(violations)
    )


# Screenshots --------------------------------------------------------------------------


def screenshot(page, name, *, check=True):
    """Save the whole page at desktop and at phone width, for a person to look at, and
    check accessibility at both widths."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for label, size in WIDTHS.items():
        page.set_viewport_size(size)
        path = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=path, full_page=True)
        saved_screenshots.append(path)
        if check:
            assert_accessible(page, f"{name} at {label} width")
    page.set_viewport_size(DESKTOP)


# The keyboard alone -------------------------------------------------------------------

FOCUS_STATE = """(el) => {
  const style = getComputedStyle(el);
  const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const box = el.getBoundingClientRect();
  return {
    focused: el === document.activeElement,
    focusVisible: el.matches(":focus-visible"),
    ring: ring || style.boxShadow !== "none",
    shown: box.width > 0 && box.height > 0,
  };
}"""


def describe_focus(page):
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          if (!el) return "nothing";
          return el.outerHTML.slice(0, 120);
        }"""
    )


def assert_focus_visible(handle):
    state = handle.evaluate(FOCUS_STATE)
    assert state["focused"], "the element lost focus"
    assert state["focusVisible"] and state["ring"], (
        f"focus is not visible on {handle.evaluate('el => el.outerHTML.slice(0, 120)')}: {state}"
    )
    assert state["shown"], "the focused element has no size on screen"


def tab_to(page, target, *, backwards=False):
    """Press Tab (or Shift+Tab) until `target` (a Locator) has the focus, and check that
    the focus shows. Fails if the keyboard never gets there."""
    handle = target.element_handle()
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if handle.evaluate("(el) => el === document.activeElement"):
            assert_focus_visible(handle)
            return handle
    raise AssertionError(
        f"{key} never reached {target} on {page.url}; focus: {describe_focus(page)}"
    )


def skip_to_content(page):
    """Use the skip link, as a keyboard user does first on every page."""
    if page.url.endswith("#main"):
        # A form on a page reached by the skip link posts back to .../#main, so the
        # browser already starts the next Tab in the main content.
        return
    page.keyboard.press("Tab")
    link = page.locator(".skip-link")
    assert link.evaluate("(el) => el === document.activeElement"), "Tab did not reach the skip link"
    assert_focus_visible(link.element_handle())
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def click_and_load(target):
    """Click a link or a submit button (a Locator) and wait for the page it leads to."""
    with target.page.expect_event("load"):
        target.click()


def press_and_load(page, key="Enter"):
    """Press a key that follows a link or submits a form, and wait for the new page."""
    with page.expect_event("load"):
        page.keyboard.press(key)


def follow(page, target, *, key="Enter", from_here=False, backwards=False):
    """Tab to a link or button and activate it. On a page just loaded, through the header
    for the header's links, by the skip link for anything in the main content; or on
    from where the focus is (`from_here`), with Shift+Tab if `backwards`."""
    if not (from_here or backwards) and target.evaluate("(el) => el.closest('main') !== null"):
        skip_to_content(page)
    tab_to(page, target, backwards=backwards)
    press_and_load(page, key)


RADIO_FOCUSED = """(name) => {
  const group = [...document.querySelectorAll(`input[type="radio"][name="${name}"]`)];
  return group.indexOf(document.activeElement);
}"""


def choose_radio(page, radio):
    """Select a radio button as a keyboard user does: Tab into its group, then arrows."""
    name = radio.get_attribute("name")
    group = page.locator(f'input[type="radio"][name="{name}"]')
    index = radio.evaluate("(el, group) => group.indexOf(el)", group.element_handles())
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        current = page.evaluate(RADIO_FOCUSED, name)
        if current >= 0:
            break
    else:
        raise AssertionError(f"Tab never reached the radio group {name!r} on {page.url}")
    assert_focus_visible(group.nth(current).element_handle())
    if current == index:
        page.keyboard.press("Space")
    arrow = "ArrowDown" if index > current else "ArrowUp"
    for _ in range(abs(index - current)):
        page.keyboard.press(arrow)
    assert radio.evaluate("(el) => el.checked && el === document.activeElement"), (
        f"the arrow keys did not select {radio}"
    )


def select_by_typing(page, select, label):
    """Choose an option of a <select> as a keyboard user does: Tab to it and type the
    start of the option's name."""
    tab_to(page, select)
    page.keyboard.type(label.split()[0])
    selected = select.evaluate("(el) => el.selectedOptions[0].textContent.trim()")
    assert selected == label, f"typing the start of {label!r} chose {selected!r}"


def steps_figure(text):
    """'2 of 3 steps · 67%' -> (2, 3, 67)."""
    match = re.search(r"(\d+) of (\d+) steps · (\d+)%", text)
    assert match, f"no progress figure in {text!r}"
    return tuple(int(group) for group in match.groups())


def load_fixture(name):
    path = HERE.parents[1] / "fixtures" / "demo" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))
