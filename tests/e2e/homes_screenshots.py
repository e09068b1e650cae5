"""The screenshots in the README: each demo person's home at desktop and at phone width.

Run with `make screenshots`. It serves the demo the way the browser tests do (a server
process on a throwaway database, tests/e2e/conftest.py), signs in as each person, lets
the sign-in land them at home, and saves docs/screenshots/<person>-<width>.png (the
viewport, as a person sees it first, not the whole page).
"""

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.e2e import browsing
from tests.e2e.conftest import CHROMIUM, Server

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
HOMES = {
    "new-hire": "nadia",
    "coach": "citra",
    "editor": "edi",
    "hr": "hana",
}


def take(server: Server, browser) -> list[Path]:
    saved = []
    for name, username in HOMES.items():
        for label, size in browsing.WIDTHS.items():
            context = browser.new_context(
                base_url=server.url, viewport=size, locale="en-US", timezone_id="Asia/Jakarta"
            )
            page = context.new_page()
            browsing.sign_in(page, username)
            path = OUT / f"{name}-{label}.png"
            page.screenshot(path=path)
            saved.append(path)
            context.close()
    return saved


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="onboarding-screenshots-"))
    server = Server(workdir)
    try:
        server.start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            for path in take(server, browser):
                print(path.relative_to(OUT.parents[1]))
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
