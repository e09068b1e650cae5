"""The charts: colours that mean something (and a pattern beside colour), bars when there
is one month, and labels given in full."""

import itertools
import re

import pytest

from coaching.reports import charts

CATEGORIES = ["Company orientation", "Customer Service essentials"]


def completion_chart():
    return charts.stacked_bars(
        chart_id="c",
        title="Assignments",
        description="Done, in progress and overdue.",
        categories=CATEGORIES,
        series=[
            {"name": "Completed", "values": [2, 1], "tone": charts.DONE},
            {"name": "In progress, on time", "values": [1, 0], "tone": charts.PROGRESS},
            {"name": "Overdue", "values": [1, 1], "tone": charts.OVERDUE},
        ],
    )


def fills_of(html, series_name):
    """What fills the bar segments of one series (their tooltips name it)."""
    return set(re.findall(rf'fill="([^"]+)"><title>[^<]*, {series_name}: ', html))


def test_overdue_is_red_and_striped_done_green_in_progress_blue():
    html = completion_chart()

    assert fills_of(html, "Completed") == {"#1A7F37"}
    assert fills_of(html, "In progress, on time") == {"#0969DA"}
    assert fills_of(html, "Overdue") == {"url(#c-fill-2)"}
    pattern = re.search(r'<pattern id="c-fill-2".*?</pattern>', html).group(0)
    assert 'fill="#C42B1C"' in pattern  # red
    assert 'stroke="#fff"' in pattern  # crossed by white stripes


def test_the_legend_names_every_series_beside_its_sample():
    html = completion_chart()

    legend = re.search(r'<ul class="onboarding-chart__legend">.*?</ul>', html).group(0)
    assert [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>.*?</li>", legend)] == [
        "Completed",
        "In progress, on time",
        "Overdue",
    ]
    assert 'fill="url(#c-fill-2)"' in legend


def test_the_semantic_colours_reach_aa_contrast_for_graphics_on_white():
    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    tones = [charts.DONE, charts.PROGRESS, charts.ATTENTION, charts.BEHIND, charts.OVERDUE]
    for colour in [tone.colour for tone in tones] + charts.CATEGORICAL:
        assert 1.05 / (luminance(colour) + 0.05) >= 3, colour


def test_long_labels_are_shown_whole_and_escaped():
    long_name = "Customer Service essentials for the night shift <in> Surabaya and Medan"

    html = charts.stacked_bars(
        chart_id="c",
        title="t",
        description="d",
        categories=[long_name],
        series=[{"name": "Done", "values": [3]}],
    )

    assert (
        '<span class="onboarding-chart__label">Customer Service essentials for the night '
        "shift &lt;in&gt; Surabaya and Medan</span>"
    ) in html
    assert "…" not in html


def recognition(months, values):
    return charts.lines(
        chart_id="r",
        title="Recognition each month",
        description="One line per value.",
        x_labels=months,
        series=[
            {"name": "Empathy", "values": values},
            {"name": "Ownership", "values": [value + 1 for value in values]},
        ],
    )


def test_a_single_month_is_drawn_as_bars_not_a_lone_dot():
    html = recognition(["March 2026"], [2])

    assert "<polyline" not in html
    assert html.count('class="onboarding-chart__row"') == 2  # a bar per value
    assert '<span class="onboarding-chart__label">Empathy</span>' in html
    assert "r, March 2026: 2" not in html  # tooltips name the value and the month
    assert "Empathy, March 2026: 2" in html
    assert "<li>" in html and "March 2026</li>" in html  # the legend names the month


def test_several_months_are_lines_told_apart_by_dashes_and_markers_too():
    html = recognition(["January 2026", "February 2026", "March 2026"], [1, 0, 2])

    lines = re.findall(r'<polyline [^>]*stroke-dasharray="([^"]*)"', html)
    assert lines == ["", "6 4"]
    assert "<circle" in html and '<rect x="' in html  # circles for one, squares for the other


def test_the_first_and_last_month_stay_inside_the_chart():
    html = recognition(["January 2026", "February 2026", "March 2026"], [1, 0, 2])

    anchors = re.findall(r'text-anchor="(\w+)" font-size="13" fill="currentColor">(\w+ 2026)', html)
    assert anchors[0] == ("start", "January 2026")
    assert anchors[-1] == ("end", "March 2026")


def test_a_line_chart_scrolls_on_a_narrow_screen_instead_of_shrinking():
    html = recognition(["January 2026", "February 2026"], [1, 2])

    assert '<div class="onboarding-chart__scroll" tabindex="0" role="group"' in html
    assert f"min-width:{charts.MIN_WIDTH}px" in html


@pytest.mark.parametrize("count", [2, 3, 7, 12, 13, 24, 37])
def test_month_labels_never_overlap_and_the_last_is_always_written(count):
    months = [f"September {2000 + n}" for n in range(count)]
    step = (charts.WIDTH - 60) / (count - 1)
    width = 0.6 * charts.FONT * len(months[0]) + 12

    shown = charts.x_label_indices(count, step, width)
    extents = [charts.label_extent(index, count, step, width) for index in shown]

    assert shown[0] == 0 and shown[-1] == count - 1
    assert all(left >= right for (_, right), (left, _) in itertools.pairwise(extents))
    html = recognition(months, list(range(count)))
    assert html.count('font-size="13" fill="currentColor">September') == len(shown)


def test_a_share_is_drawn_against_a_whole_bar_of_100():
    html = charts.stacked_bars(
        chart_id="q",
        title="t",
        description="d",
        categories=["Easy", "Hard"],
        series=[{"name": "Correct", "values": [50, 25]}],
        suffix="%",
        maximum=100,
    )

    widths = re.findall(r'<rect x="0.0%" width="([\d.]+)%"', html)
    assert widths == [f"{charts.BAR_SHARE / 2:.1f}", f"{charts.BAR_SHARE / 4:.1f}"]
    assert ">50%</text>" in html
