"""The apps' stylesheets parse as written: every block closed, no @media inside another.

Rules added by parallel branches and merged by union once lost two closing braces, which
put the coach dashboard's and the header's rules inside a phone-only @media block: the
desktop lost them without any error. This reads the files (no browser) so it fails first.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
STYLESHEETS = sorted(
    path
    for package in ("lessons", "coaching")
    for path in (ROOT / package).rglob("static/**/*.css")
)


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_every_block_is_closed_and_no_media_query_nests(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    depth, media_depths = 0, []
    for match in re.finditer(r"@media[^{]*\{|\{|\}", text):
        line = text.count("\n", 0, match.start()) + 1
        if match.group().startswith("@media"):
            assert not media_depths, f"{path.name}:{line}: an @media block inside another"
            media_depths.append(depth)
            depth += 1
        elif match.group() == "{":
            depth += 1
        else:
            depth -= 1
            assert depth >= 0, f"{path.name}:{line}: a closing brace with no block to close"
            if media_depths and depth == media_depths[-1]:
                media_depths.pop()
    assert depth == 0, f"{path.name}: {depth} block(s) never closed"


def test_the_portal_stylesheet_is_among_those_read():
    assert ROOT / "lessons" / "static" / "lessons" / "portal.css" in STYLESHEETS


MEDIA_BLOCK = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}")


def test_text_is_hidden_from_sight_by_one_utility_class_only():
    """Text for screen readers alone is hidden by `.visually-hidden`, not by rules of each
    component's own that copy it. (A phone-only rule may hide what a wide screen shows.)"""
    text = "\n".join(path.read_text() for path in STYLESHEETS)
    always = MEDIA_BLOCK.sub("", re.sub(r"/\*.*?\*/", "", text, flags=re.S))
    hiding = re.findall(r"([^{}]*)\{[^}]*clip:\s*rect\(0 0 0 0\)[^}]*\}", always)

    assert [selector.strip() for selector in hiding] == [".visually-hidden"]
