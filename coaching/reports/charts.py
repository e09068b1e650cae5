"""Small server-rendered charts: horizontal stacked bars, and lines over time.

No JavaScript and no build step. Bars are HTML rows (a label that wraps, never cut short,
and a bar drawn as a tiny SVG whose segments are percentages of the row), so they fit a
phone as well as a desk; lines are one SVG, scrolled sideways on a narrow screen rather
than shrunk past reading. A series that has a meaning (done, in progress, overdue) has
its colour and, where it warns, a pattern too, so it never rests on colour alone; the
legend names every series, each mark carries its own `<title>` (a tooltip), and the page
shows the same figures in a data table below. Every label is user text (unit, path and
value names), so everything goes through `format_html`, which escapes it.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from coaching.common.numbers import figure


@dataclass(frozen=True)
class Tone:
    """How a series with a meaning is painted: a colour with at least 4.5:1 contrast on
    white (3:1 is AA for graphics), and a pattern ("stripes", "dots") where it warns."""

    colour: str
    pattern: str = ""


# What a series means; a series without one takes the next colour of CATEGORICAL.
DONE = Tone("#1A7F37")  # green
PROGRESS = Tone("#0969DA")  # blue: under way, nothing wrong
ATTENTION = Tone("#9A6700", "dots")  # amber: at risk, sent back
BEHIND = Tone("#B35900", "stripes")  # dark amber: a goal behind
OVERDUE = Tone("#C42B1C", "stripes")  # red: overdue
# For series that are only names (company values, units): each at least 4.5:1 on white;
# lines also differ by dashes and marker shapes.
CATEGORICAL = ["#0072B2", "#B35900", "#1B7C83", "#8250DF", "#BF3989", "#6E7781", "#8C6D00"]
DASHES = ["", "6 4", "2 3", "10 3 2 3"]
MARKERS = ["circle", "square", "triangle", "diamond"]

# The line chart's drawing box; below MIN_WIDTH pixels it scrolls instead of shrinking.
WIDTH, HEIGHT, MIN_WIDTH = 640, 300, 480
FONT = 13  # the size of the charts' own figures and axis labels
# Of a bar chart's row, the part the longest bar takes (in %), the rest for its total.
BAR_SHARE = 85


def num(value):
    """A coordinate as SVG text, to a tenth of a pixel."""
    return f"{value:.1f}"


def tone_of(series, index):
    return series.get("tone") or Tone(CATEGORICAL[index % len(CATEGORICAL)])


def _pattern(pattern_id, tone):
    """An SVG pattern: the tone's colour crossed by white stripes or dotted with white."""
    if tone.pattern == "stripes":
        mark = '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.5"/>'
        transform = ' patternTransform="rotate(45)"'
    else:
        mark = '<circle cx="3" cy="3" r="1.3" fill="#fff"/>'
        transform = ""
    return format_html(
        '<pattern id="{id}" patternUnits="userSpaceOnUse" width="6" height="6"{transform}>'
        '<rect width="6" height="6" fill="{colour}"/>{mark}</pattern>',
        id=pattern_id,
        transform=mark_safe(transform),
        colour=tone.colour,
        mark=mark_safe(mark),
    )


def _paints(chart_id, series):
    """(what fills each series, the SVG holding the patterns they refer to)."""
    paints, patterns = [], []
    for index, item in enumerate(series):
        tone = tone_of(item, index)
        if tone.pattern:
            pattern_id = f"{chart_id}-fill-{index}"
            patterns.append(_pattern(pattern_id, tone))
            paints.append(f"url(#{pattern_id})")
        else:
            paints.append(tone.colour)
    if not patterns:
        return paints, ""
    defs = format_html(
        '<svg class="onboarding-chart__defs" width="0" height="0" aria-hidden="true" '
        'focusable="false"><defs>{}</defs></svg>',
        format_html_join("", "{}", ((pattern,) for pattern in patterns)),
    )
    return paints, defs


def _legend(series, swatches):
    """The series' names as a list that wraps, each after a sample of how it is drawn."""
    return format_html(
        '<ul class="onboarding-chart__legend">{}</ul>',
        format_html_join(
            "",
            '<li><svg width="28" height="14" aria-hidden="true" focusable="false">{}</svg>{}</li>',
            ((swatch, item["name"]) for item, swatch in zip(series, swatches, strict=True)),
        ),
    )


def _figure(chart_id, title, description, body):
    return format_html(
        '<figure class="onboarding-chart" id="{id}"><figcaption class="onboarding-chart__title">'
        '<span id="{id}-title">{title}</span> <span id="{id}-desc" class="w-sr-only">'
        "{description}</span></figcaption>{body}</figure>",
        id=chart_id,
        title=title,
        description=description,
        body=body,
    )


def stacked_bars(
    *, chart_id, title, description, categories, series, suffix="", legend=None, maximum=None
):
    """One horizontal bar per category, split into `series` ({"name", "values", and
    optionally "tone"}), with the bar's total at its end. `suffix` follows numbers ("%");
    `maximum` is what a full bar is worth (by default the longest bar's total). The legend
    is shown when there are several series, unless `legend` says otherwise."""
    if not categories:
        return ""
    paints, defs = _paints(chart_id, series)
    totals = [sum(item["values"][row] for item in series) for row in range(len(categories))]
    # The longest bar takes BAR_SHARE of its row, leaving room for its total after it.
    scale = BAR_SHARE / max(maximum or max(totals), 1)
    rows = []
    for row, category in enumerate(categories):
        x, marks = 0.0, []
        for index, item in enumerate(series):
            value = item["values"][row]
            marks.append(
                format_html(
                    '<rect x="{x}%" width="{w}%" height="18" fill="{fill}"><title>{tip}'
                    "</title></rect>",
                    x=num(x),
                    w=num(value * scale),
                    fill=paints[index],
                    tip=_("%(category)s, %(series)s: %(value)s%(suffix)s")
                    % {
                        "category": category,
                        "series": item["name"],
                        "value": figure(value),
                        "suffix": suffix,
                    },
                )
            )
            x += value * scale
        rows.append(
            format_html(
                '<div class="onboarding-chart__row"><span class="onboarding-chart__label">'
                '{label}</span><svg class="onboarding-chart__bar" width="100%" height="18" '
                'aria-hidden="true" focusable="false">{marks}<text x="{tx}%" dx="6" y="14" '
                'font-size="{font}" fill="currentColor">{total}{suffix}</text></svg></div>',
                label=category,
                marks=format_html_join("", "{}", ((mark,) for mark in marks)),
                tx=num(x),
                font=FONT,
                total=figure(totals[row]),
                suffix=suffix,
            )
        )
    swatches = [format_html('<rect width="28" height="14" fill="{}"/>', p) for p in paints]
    shows_legend = len(series) > 1 if legend is None else legend
    body = format_html(
        '{legend}{defs}<div class="onboarding-chart__bars" role="img" '
        'aria-labelledby="{id}-title {id}-desc">{rows}</div>',
        legend=_legend(series, swatches) if shows_legend else "",
        defs=defs,
        id=chart_id,
        rows=format_html_join("", "{}", ((row_html,) for row_html in rows)),
    )
    return _figure(chart_id, title, description, body)


def _ticks(maximum, count=4):
    """Round steps (1, 2, 5 times a power of ten) for a y axis from 0 to `maximum`."""
    magnitude = 1
    while True:
        for base in (1, 2, 5):
            step = base * magnitude
            if step * count >= maximum:
                return [step * n for n in range(count + 1)]
        magnitude *= 10


def _marker(shape, x, y, fill, tip):
    """A point of a line, in the series' own shape, with its figure as a tooltip."""
    title = format_html("<title>{}</title>", tip)
    if shape == "square":
        return format_html(
            '<rect x="{}" y="{}" width="8" height="8" fill="{}">{}</rect>',
            num(x - 4),
            num(y - 4),
            fill,
            title,
        )
    if shape in ("triangle", "diamond"):
        corners = (
            [(x, y - 5), (x + 5, y + 4), (x - 5, y + 4)]
            if shape == "triangle"
            else [(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)]
        )
        points = " ".join(f"{num(a)},{num(b)}" for a, b in corners)
        return format_html('<polygon points="{}" fill="{}">{}</polygon>', points, fill, title)
    return format_html(
        '<circle cx="{}" cy="{}" r="4" fill="{}">{}</circle>', num(x), num(y), fill, title
    )


def _line_sample(index, colour):
    """The legend's drawing of a series: a short stretch of its line with its marker."""
    return format_html(
        '<line x1="0" x2="28" y1="7" y2="7" stroke="{}" stroke-width="2" stroke-dasharray="{}"/>{}',
        colour,
        DASHES[index % len(DASHES)],
        _marker(MARKERS[index % len(MARKERS)], 14, 7, colour, ""),
    )


def label_extent(index, count, step, width):
    """(left, right) of the x label at `index` of `count`, `step` apart, `width` wide: the
    first starts at its point, the last ends at its point, the others are centred."""
    x = index * step
    if index == 0:
        return x, x + width
    if index == count - 1:
        return x - width, x
    return x - width / 2, x + width / 2


def x_label_indices(count, step, width):
    """Which of `count` x labels to write so that none overlaps the next: every nth from
    the first, and always the last."""
    shown = [0]
    for index in range(1, count):
        if (
            label_extent(index, count, step, width)[0]
            >= label_extent(shown[-1], count, step, width)[1]
        ):
            shown.append(index)
    last = count - 1
    if count > 1 and shown[-1] != last:
        while len(shown) > 1 and (
            label_extent(shown[-1], count, step, width)[1]
            > label_extent(last, count, step, width)[0]
        ):
            shown.pop()
        shown.append(last)
    return shown


def lines(*, chart_id, title, description, x_labels, series):
    """One line per series ({"name", "values"}) over `x_labels` (months). With a single
    month there is no line to draw: each series is a bar of that month instead."""
    if not x_labels or not series:
        return ""
    if len(x_labels) == 1:
        return stacked_bars(
            chart_id=chart_id,
            title=title,
            description=_(
                "One bar per series, for %(period)s, the only month with any. "
                "The table below holds the same figures."
            )
            % {"period": x_labels[0]},
            categories=[item["name"] for item in series],
            series=[
                {"name": x_labels[0], "values": [item["values"][0] for item in series]},
            ],
            legend=True,  # names the month
        )
    left, top, right, bottom = 44, 12, 16, 40
    ticks = _ticks(max(max(item["values"]) for item in series))
    plot_w, plot_h = WIDTH - left - right, HEIGHT - top - bottom
    step_x = plot_w / (len(x_labels) - 1)

    def point(index, value):
        return left + index * step_x, top + plot_h - value * plot_h / ticks[-1]

    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="currentColor" '
        'stroke-opacity="0.2"/><text x="{}" y="{}" text-anchor="end" font-size="{}" '
        'fill="currentColor">{}</text>',
        (
            (
                left,
                WIDTH - right,
                num(point(0, t)[1]),
                num(point(0, t)[1]),
                left - 6,
                num(point(0, t)[1] + 4),
                FONT,
                figure(t),
            )
            for t in ticks
        ),
    )
    # Month names take about 0.6 em a letter: leave out labels that would overlap, and
    # hold the first and last inside the drawing.
    label_width = 0.6 * FONT * max(len(str(label)) for label in x_labels) + 12
    shown = x_label_indices(len(x_labels), step_x, label_width)
    anchors = {0: "start", len(x_labels) - 1: "end"}
    x_axis = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="{}" font-size="{}" fill="currentColor">{}</text>',
        (
            (
                num(point(index, 0)[0]),
                HEIGHT - bottom + 22,
                anchors.get(index, "middle"),
                FONT,
                x_labels[index],
            )
            for index in shown
        ),
    )
    drawn, samples = [], []
    for index, item in enumerate(series):
        colour = tone_of(item, index).colour
        points = [point(n, value) for n, value in enumerate(item["values"])]
        markers = format_html_join(
            "",
            "{}",
            (
                (
                    _marker(
                        MARKERS[index % len(MARKERS)],
                        x,
                        y,
                        colour,
                        _("%(series)s, %(month)s: %(value)s")
                        % {
                            "series": item["name"],
                            "month": x_labels[n],
                            "value": figure(item["values"][n]),
                        },
                    ),
                )
                for n, (x, y) in enumerate(points)
            ),
        )
        drawn.append(
            format_html(
                '<polyline fill="none" stroke="{}" stroke-width="2" stroke-dasharray="{}" '
                'points="{}"/>{}',
                colour,
                DASHES[index % len(DASHES)],
                " ".join(f"{num(x)},{num(y)}" for x, y in points),
                markers,
            )
        )
        samples.append(_line_sample(index, colour))
    svg = format_html(
        '<div class="onboarding-chart__scroll" tabindex="0" role="group" aria-label="{title}">'
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
        'style="min-width:{min}px;max-width:{max}px" viewBox="0 0 {w} {h}" '
        'aria-labelledby="{id}-title {id}-desc">{grid}{x_axis}{lines}</svg></div>',
        title=title,
        min=MIN_WIDTH,
        max=round(WIDTH * 1.25),
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        grid=grid,
        x_axis=x_axis,
        lines=format_html_join("", "{}", ((line,) for line in drawn)),
    )
    return _figure(chart_id, title, description, format_html("{}{}", _legend(series, samples), svg))
