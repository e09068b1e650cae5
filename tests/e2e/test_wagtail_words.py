"""Wagtail's own JavaScript words in Bahasa Indonesia: the admin's sidebar, drawn in the
browser by Wagtail's JavaScript, reads coaching's catalog of the words Wagtail 8.0 leaves
in English (coaching/common/wagtail_words.py)."""

import pytest

from config.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def test_the_admin_sidebar_speaks_indonesian_to_hr(visit):
    # hana has chosen no language: she reads her browser's (and nothing is saved that
    # other tests would see).
    page = visit(locale="id-ID")
    page.goto("/onboarding/sign-in/")
    page.locator("input[name=username]").fill("hana")
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_load_state()
    page.goto("/admin/reports/onboarding/completion/path/")

    sidebar = page.locator("#wagtail-sidebar")
    assert sidebar.get_by_role("navigation", name="Menu utama").is_visible()
    assert sidebar.get_by_role("button", name="Buka/tutup bilah sisi").count() == 1
    # Wagtail's server-side words too (its catalog's, and coaching's).
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("a.skiplink").text_content().strip() == "Lewati ke konten utama"
