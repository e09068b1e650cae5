"""One onboarding, start to finish, in a real browser.

The tests tell the story in order, as the people live it: the editor publishes a module
and a path, the coach assigns it and writes on the record, the new hire works through it,
the coach signs it off. Each test also runs alone: its setup builds what the parts before
it would have left (tests/e2e/story.py), unless they have just happened in this run.
Every portal and dashboard page on the way is checked with axe-core, and the new hire's
and the coach's parts use the keyboard alone.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import (
    assert_accessible,
    choose_radio,
    click_and_load,
    follow,
    load_fixture,
    press_and_load,
    screenshot,
    select_by_typing,
    sign_in,
    skip_to_content,
    steps_figure,
    tab_to,
)
from tests.e2e.story import (
    CHECK,
    CHECK_SLUG,
    DUE_IN_DAYS,
    FEEDBACK_BEHAVIOUR,
    MODULE,
    MODULE_TEXT,
    PATH,
    PATH_SLUG,
    RECOGNITION,
    SIGN_OFF_COMMENT,
    TASK,
    TASK_NOTE,
    TIME_ZONE,
)

pytestmark = pytest.mark.e2e

done = set()  # the parts of the story that have happened in this run


def story_so_far(server, part):
    """Make sure the story has reached the end of `part`: when that part has not just
    happened in this run, build it (and what comes before it) in the server's process."""
    if part not in done:
        server.manage("shell", "-c", f"from tests.e2e.story import reach; reach({part!r})")
        done.add(part)


def trainee_row(page, name):
    """A new hire's row on the coach dashboard."""
    return page.locator("tr", has=page.get_by_role("link", name=name, exact=True))


def journey_card(page, title):
    return page.locator(".journey", has=page.get_by_role("link", name=title, exact=True))


# The editor ---------------------------------------------------------------------------


def test_editor_publishes_a_module_and_a_path_that_appear_in_the_portal(visit):
    page = visit()
    page.goto("/admin/login/")
    page.locator("#id_username").fill("edi")
    page.locator("#id_password").fill("onboard-demo")
    click_and_load(page.get_by_role("button", name="Sign in"))
    page.wait_for_url(re.compile(r"/admin/$"))

    # A module under the portal, with a paragraph in its StreamField body.
    page.goto("/admin/pages/")
    click_and_load(
        page.get_by_role("link", name="Explore child pages of 'Onboarding at Nusantara Connect'")
    )
    click_and_load(page.get_by_role("link", name="Add child page").first)
    click_and_load(page.get_by_role("link", name="Module", exact=True))
    page.locator("#id_title").fill(MODULE)
    page.locator("#id_summary").fill("How to listen, check the bill and put it right.")
    page.locator("#id_estimated_minutes").fill("7")
    page.get_by_title("Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type(MODULE_TEXT)
    # Draftail saves into its hidden input a moment after typing.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile(MODULE_TEXT))
    page.get_by_role("button", name="More actions").click()
    click_and_load(page.get_by_role("button", name="Publish"))
    expect(page.locator(".messages")).to_contain_text(f"“{MODULE}” is published.")

    # A path of three steps: the module, a knowledge check, a practical task.
    page.goto("/admin/snippets/lessons/learningpath/")
    click_and_load(page.get_by_role("link", name="Add learning path").first)
    page.locator("#id_title").fill(PATH)
    page.locator("#id_slug").fill(PATH_SLUG)
    page.locator("#id_description").fill(
        "From the first call about a wrong bill to putting it right."
    )
    page.locator("#id_steps-0-kind").select_option("module")
    page.get_by_role("button", name="Choose a page").click()
    dialog = page.get_by_role("dialog")
    # Search, as an editor does once the site has pages in two languages.
    dialog.locator("input[name=q]").fill(MODULE)
    dialog.get_by_role("link", name=MODULE).first.click()
    dialog.wait_for(state="hidden")
    page.locator("#id_steps-ADD").click()
    page.locator("#id_steps-1-kind").select_option("knowledge_check")
    page.locator("#inline_child_steps-1").get_by_role(
        "button", name="Choose knowledge check"
    ).click()
    dialog.get_by_role("link", name=CHECK).click()
    dialog.wait_for(state="hidden")
    page.locator("#id_steps-ADD").click()
    page.locator("#id_steps-2-kind").select_option("task")
    page.locator("#id_steps-2-title").fill(TASK)
    page.locator("#id_steps-2-instructions").fill(
        "Take one billing call with a buddy listening, and note what you checked."
    )
    # Let Wagtail's autosave of the new path finish first: a Publish posted while its
    # first save is still on the way would create the path a second time.
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", re.compile("saved|paused")
    )
    page.get_by_role("button", name="More actions").click()
    click_and_load(page.get_by_role("button", name="Publish"))
    # "updated" when Wagtail's autosave kept a draft of the new path before Publish (on a
    # slow machine it can): either way the path is published.
    expect(page.locator(".messages")).to_contain_text(
        re.compile(f"Learning path '{PATH}' (created|updated) and published.")
    )

    # The portal lists both; the path's outline shows its three steps in order.
    page.goto("/")
    expect(page.get_by_role("link", name=MODULE, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=PATH, exact=True)).to_be_visible()
    screenshot(page, "portal-home")
    click_and_load(page.get_by_role("link", name=PATH, exact=True))
    page.wait_for_url(f"**/paths/{PATH_SLUG}/")
    titles = page.locator(".step-list .step__title").all_inner_texts()
    assert [title.strip() for title in titles] == [MODULE, CHECK, TASK]
    assert_accessible(page, "the path outline")
    page.goto("/")
    click_and_load(page.get_by_role("link", name=MODULE, exact=True))
    expect(page.get_by_text(MODULE_TEXT)).to_be_visible()
    assert_accessible(page, "a module page")
    done.add("published")


# The coach, with the keyboard alone ---------------------------------------------------


def test_coach_assigns_the_path_to_two_new_hires_and_writes_on_a_record(visit, server):
    story_so_far(server, "published")
    page = visit()
    page.goto("/onboarding/sign-in/")
    assert_accessible(page, "the sign-in page")
    sign_in(page, "citra", keyboard=True)
    follow(page, page.get_by_role("link", name="Coach dashboard"))
    assert_accessible(page, "the coach dashboard")

    follow(page, page.get_by_role("link", name="Assign a path"))
    assert_accessible(page, "the assign form")
    form = page.locator("main form")
    follow(page, form.get_by_role("button", name="Assign"))  # nothing chosen
    expect(page.get_by_text("Please correct the fields marked below.")).to_be_visible()
    assert_accessible(page, "the assign form with errors")
    skip_to_content(page)
    select_by_typing(page, page.get_by_label("Learning path"), PATH)
    for box in page.locator("input[name='trainees']").all():  # in the order Tab visits them
        tab_to(page, box)
        if page.locator(f"label:has(#{box.get_attribute('id')})").inner_text().strip() in (
            "Nadia Rahmawati",
            "Bima Prasetyo",
        ):
            page.keyboard.press("Space")
    choose_radio(page, page.get_by_label("On a date"))
    due = datetime.datetime.now(ZoneInfo(TIME_ZONE)).date() + datetime.timedelta(days=DUE_IN_DAYS)
    tab_to(page, page.get_by_label("Due date", exact=True))
    page.keyboard.type(due.strftime("%d/%m/%Y"))  # day first, as the hint says
    expect(page.get_by_label("Due date", exact=True)).to_have_value(due.strftime("%d/%m/%Y"))
    follow(page, form.get_by_role("button", name="Assign"), from_here=True)
    expect(page.locator(".messages")).to_contain_text(f"Assigned {PATH} to 2 people.")
    for name in ("Nadia Rahmawati", "Bima Prasetyo"):
        expect(trainee_row(page, name)).to_contain_text(f"{PATH}: 0%")

    follow(page, trainee_row(page, "Nadia Rahmawati").get_by_role("link").first)
    expect(page.get_by_role("heading", name=PATH)).to_be_visible()
    assert_accessible(page, "a new hire's page on the dashboard")

    # Feedback on Nadia's record: situation, behaviour, impact, suggestion.
    follow(page, page.get_by_role("link", name="Development record"))
    assert_accessible(page, "a new hire's record, seen by the coach")
    for other_form in ("Set a goal", "Plan a 1:1", "Write a learning review"):
        click_and_load(page.get_by_role("link", name=other_form))  # only looked at
        assert_accessible(page, f"the form '{other_form}'")
        page.go_back()
    page.reload()  # a fresh page, for the keyboard to start from the top
    follow(page, page.get_by_role("link", name="Give feedback"))
    assert_accessible(page, "the feedback form")
    follow(page, page.get_by_role("button", name="Save"))  # empty
    assert_accessible(page, "the feedback form with errors")
    skip_to_content(page)
    choose_radio(page, page.get_by_label("Appreciation"))
    for label, text in (
        ("Situation", "Your first billing call on Tuesday."),
        ("Behaviour", FEEDBACK_BEHAVIOUR),
        ("Impact", "The customer heard that we had it right, and relaxed."),
        ("Suggestion", "Keep doing it, also on busy days."),
    ):
        tab_to(page, page.get_by_label(label))
        page.keyboard.type(text)
    follow(page, page.get_by_role("button", name="Save"), from_here=True)
    expect(page.locator(".messages")).to_contain_text("Saved to Nadia Rahmawati's record.")
    assert_accessible(page, "a feedback entry")

    # Recognition, naming a company value, on the kudos wall.
    follow(page, page.get_by_role("link", name="Nadia Rahmawati's record"))
    follow(page, page.get_by_role("link", name="Give recognition"))
    assert_accessible(page, "the recognition form")
    skip_to_content(page)
    who = page.get_by_label("Who")  # Nadia already, from the link on her record
    assert who.evaluate("(el) => el.selectedOptions[0].textContent") == "Nadia Rahmawati"
    select_by_typing(page, page.get_by_label("Company value"), "Customers first")
    tab_to(page, page.get_by_label("Message"))
    page.keyboard.type(RECOGNITION)
    follow(page, page.get_by_role("button", name="Save"), from_here=True)
    expect(page.locator(".messages")).to_contain_text("Thank you for recognising a colleague.")
    follow(page, page.get_by_role("link", name="Kudos"))
    expect(page.get_by_text(RECOGNITION)).to_be_visible()
    assert_accessible(page, "the kudos wall")
    done.add("assigned")


# The new hire, with the keyboard alone -------------------------------------------------


def demo_check():
    (check,) = [c for c in load_fixture("checks")["checks"] if c["slug"] == CHECK_SLUG]
    return check


def check_answers(*, right):
    """For each question of the demo check, the answers to give (as option indexes):
    the right ones for the first `right` questions, wrong ones after."""
    check = demo_check()
    answers = []
    for number, question in enumerate(check["questions"]):
        value = question["value"]
        if question["type"] == "true_false":
            correct = {0 if value["correct_answer"] else 1}
            options = 2
        else:
            correct = {i for i, choice in enumerate(value["choices"]) if choice["correct"]}
            options = len(value["choices"])
        if number >= right:
            wrong = next(i for i in range(options) if i not in correct)
            correct = {wrong}
        answers.append((question["type"], sorted(correct)))
    return answers


def answer_check(page, answers):
    form = page.locator("form[action$='/check/']")
    questions = form.locator("fieldset")
    assert questions.count() == len(answers)
    for number, (kind, chosen) in enumerate(answers):
        options = questions.nth(number).locator("input")
        if kind == "multiple_choice":
            for index in chosen:
                tab_to(page, options.nth(index))
                page.keyboard.press("Space")
                assert options.nth(index).is_checked()
        else:
            (index,) = chosen
            choose_radio(page, options.nth(index))
    tab_to(page, form.get_by_role("button"))
    press_and_load(page, "Enter")


def test_new_hire_works_through_the_path_with_the_keyboard(visit, server):
    story_so_far(server, "assigned")
    page = visit()
    sign_in(page, "nadia", keyboard=True)
    follow(page, page.get_by_role("link", name="My onboarding"))
    card = journey_card(page, PATH)
    assert steps_figure(card.inner_text()) == (0, 3, 0)
    assert card.locator("progress").get_attribute("value") == "0"
    assert_accessible(page, "My onboarding")
    screenshot(page, "my-onboarding")

    # Step 1: the module.
    follow(page, card.get_by_role("link", name=MODULE))
    expect(page.get_by_text(MODULE_TEXT)).to_be_visible()
    screenshot(page, "module-step")
    follow(page, page.get_by_role("button", name="Done, next step"))
    expect(page.locator(".messages")).to_contain_text(f"“{MODULE}” is done.")
    follow(page, page.get_by_role("link", name=PATH))  # the breadcrumb, to the path page
    assert steps_figure(page.locator(".page-header").inner_text()) == (1, 3, 33)
    assert_accessible(page, "the path page")

    # Step 2: the knowledge check, failed, then passed.
    follow(page, page.get_by_role("link", name=CHECK))
    assert_accessible(page, "the knowledge check step")
    skip_to_content(page)
    check = demo_check()
    score = 100 * 3 // len(check["questions"])
    assert score < check["pass_mark"]
    answer_check(page, check_answers(right=3))
    expect(page.locator(".messages")).to_contain_text(
        f"{score}% this time; {check['pass_mark']}% passes."
    )
    assert f"Attempt 1: {score}%" in page.locator(".attempt").inner_text()
    assert "Not passed yet" in page.locator(".attempt").inner_text()
    assert_accessible(page, "a failed knowledge check")
    # The results open at the check (#check), so Tab goes on from there.
    answer_check(page, check_answers(right=len(check["questions"])))
    expect(page.locator(".messages")).to_contain_text("Passed with 100%.")
    assert_accessible(page, "a passed knowledge check")

    # Step 3: the practical task, sent for sign-off with a note.
    follow(page, page.get_by_role("link", name="Next step"), from_here=True)
    expect(page.get_by_role("heading", name=TASK)).to_be_visible()
    assert_accessible(page, "the practical task step")
    skip_to_content(page)
    tab_to(page, page.get_by_label("Note"))
    page.keyboard.type(TASK_NOTE)
    tab_to(page, page.get_by_role("button", name="Ready for sign-off"))
    press_and_load(page, "Enter")
    expect(page.locator(".messages")).to_contain_text("Sent to your coach for sign-off.")
    assert page.locator(".page-header .badge").inner_text() == "Waiting for sign-off"
    assert_accessible(page, "a task waiting for sign-off")

    follow(page, page.get_by_role("link", name="My onboarding").last)  # the breadcrumb
    card = journey_card(page, PATH)
    assert steps_figure(card.inner_text()) == (2, 3, 67)  # whole percents, rounded half up
    assert card.locator("progress").get_attribute("value") == "67"

    # The feedback and the recognition, on her own record.
    follow(page, page.get_by_role("link", name="My record"))
    expect(page.get_by_text(FEEDBACK_BEHAVIOUR)).to_be_visible()
    expect(page.get_by_text(RECOGNITION)).to_be_visible()
    screenshot(page, "record")
    # The one entry form only a new hire has (checked, not filled in).
    click_and_load(page.get_by_role("link", name="Write a reflection"))
    assert_accessible(page, "the self-reflection form")

    # What she was told along the way, and her settings; then the portal in Indonesian.
    click_and_load(page.get_by_role("link", name=re.compile("^Notifications")))
    expect(page.get_by_text(f"New learning path: {PATH}")).to_be_visible()
    expect(page.get_by_text("Citra Wulandari gave you feedback").first).to_be_visible()
    assert_accessible(page, "the notifications page")
    click_and_load(page.get_by_role("link", name="Settings").first)
    assert_accessible(page, "the settings page")
    page.locator("#language-switcher").select_option("id")
    click_and_load(page.get_by_role("button", name="Change language"))
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pengaturan")
    assert_accessible(page, "the settings page in Indonesian")
    page.locator("#language-switcher").select_option("en")
    click_and_load(page.get_by_role("button", name="Ganti bahasa"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    done.add("submitted")


# The coach again, with the keyboard alone ---------------------------------------------


def test_coach_signs_off_the_task_and_sees_the_path_complete(visit, server):
    story_so_far(server, "submitted")
    page = visit()
    sign_in(page, "citra", keyboard=True)
    follow(page, page.get_by_role("link", name="Coach dashboard"))
    nadia = page.locator("tr", has=page.get_by_role("link", name="Nadia Rahmawati", exact=True))
    assert "waiting for sign-off" in nadia.inner_text()
    follow(page, nadia.get_by_role("link", name="Nadia Rahmawati", exact=True))
    assert_accessible(page, "a new hire's page with a task to sign off")

    # The list of tasks waiting at the top links to the step; the sign-off form follows it.
    waiting = page.locator(".waiting-list").get_by_role("link", name=TASK)
    skip_to_content(page)
    tab_to(page, waiting)
    page.keyboard.press("Enter")
    step = page.locator("li.step", has_text=TASK)
    tab_to(page, step.get_by_label("Comment (optional)"))
    page.keyboard.type(SIGN_OFF_COMMENT)
    tab_to(page, step.get_by_role("button", name="Sign off"))
    press_and_load(page, "Enter")
    expect(page.locator(".messages")).to_be_visible()
    assignment = page.locator("section.assignment", has=page.get_by_role("heading", name=PATH))
    assert "Completed" in assignment.get_by_role("heading").inner_text()
    assert steps_figure(assignment.inner_text()) == (3, 3, 100)
    assert_accessible(page, "a new hire's page with a path completed")

    # The page opens at the assignment (#assignment-N): back up to the breadcrumb.
    follow(page, page.get_by_role("link", name="My trainees"), backwards=True)
    nadia = page.locator("tr", has=page.get_by_role("link", name="Nadia Rahmawati", exact=True))
    assert f"{PATH}: 100%" in nadia.inner_text()
    bima = page.locator("tr", has=page.get_by_role("link", name="Bima Prasetyo", exact=True))
    assert f"{PATH}: 0%" in bima.inner_text()
    screenshot(page, "coach-dashboard")
