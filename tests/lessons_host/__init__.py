"""A stock Wagtail site with `lessons` alone: no coaching, in code, templates or settings.

Its own app (this package) does only what a host site using lessons without coaching
would: it adds a sign-out form to the portal's header through the "lessons_header_items"
hook. `serve_a_module.py` uses it in a fresh process; tests/lessons/test_standalone.py
asserts on what it reports.
"""
