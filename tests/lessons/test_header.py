"""The portal header's extension point: the "lessons_header_items" hook."""

import re

import pytest
from django.utils.html import format_html
from wagtail import hooks

from lessons.header import HOOK_NAME, PERSON_ORDER, SIGN_OUT_ORDER
from tests import builders

pytestmark = pytest.mark.django_db


def nav(response):
    return re.search(r'<nav class="site-header__nav".*?</nav>', response.text, re.S).group(0)


def test_items_of_the_hook_appear_in_their_order_around_the_persons_name(reader_client, portal):
    module = builders.make_module(portal)

    def early(request):
        return format_html("<a href='/early/'>{}</a>", "Early")

    def late(request):
        return format_html("<a href='/late/'>{}</a>", "Late")

    with (
        hooks.register_temporarily(HOOK_NAME, late, order=SIGN_OUT_ORDER + 1),
        hooks.register_temporarily(HOOK_NAME, early, order=PERSON_ORDER - 1),
    ):
        header = nav(reader_client.get(module.url))

    person = header.index('class="site-header__user"')
    assert header.index("Early") < person < header.index("Late")


def test_an_item_that_returns_nothing_adds_nothing_and_plain_text_is_escaped(reader_client, portal):
    with (
        hooks.register_temporarily(HOOK_NAME, lambda request: None),
        hooks.register_temporarily(HOOK_NAME, lambda request: "<b>bold</b>"),
    ):
        header = nav(reader_client.get(portal.url))

    assert "&lt;b&gt;bold&lt;/b&gt;" in header and "<b>" not in header


def test_coaching_adds_its_pages_before_the_name_and_signing_out_after_the_admin_link(
    admin_client, portal
):
    header = nav(admin_client.get(portal.url))

    in_order = ['href="/onboarding/"', 'class="site-header__user"', 'href="/admin/"', "Sign out"]
    positions = [header.index(text) for text in in_order]
    assert positions == sorted(positions)


def test_pinned_items_stay_outside_the_menu_that_folds_on_a_phone(reader_client, portal):
    from lessons.header import PINNED_HOOK_NAME

    def badge(request):
        return format_html("<a href='/inbox/'>{}</a>", "Inbox")

    with hooks.register_temporarily(PINNED_HOOK_NAME, badge):
        html = reader_client.get(portal.url).text

    pinned = re.search(r'<div class="site-header__pinned">(.*?)</div>', html, re.S).group(1)
    assert "Inbox" in pinned and "Inbox" not in nav(reader_client.get(portal.url))
    button = re.search(r"<button[^>]*site-header__toggle[^>]*>", html).group(0)
    assert 'aria-expanded="false"' in button and 'aria-controls="site-menu"' in button
    assert 'id="site-menu"' in nav(reader_client.get(portal.url))
