"""Browser tests: Playwright and Debian's Chromium against a real server (conftest.py)."""

DEMO_PASSWORD = "onboard-demo"
