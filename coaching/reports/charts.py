"""Small server-rendered SVG charts: horizontal stacked bars and lines over time.

No JavaScript and no build step. Every chart is an `<svg role="img">` named by its
`<title>` and `<desc>`, each mark carries its own `<title>` (a tooltip, and words for a
screen reader), and the page shows the same figures in a data table next to it. Every
label is user text (unit, path and value names), so everything goes through
`format_html`, which escapes it.
"""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

# Okabe and Ito's palette: told apart by people with any common colour-vision deficiency.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D00", "#000"]
WIDTH = 720
LABEL_WIDTH = 210
ROW = 28
BAR = 18
LEGEND = 28
LABEL_CHARS = 30


def num(value):
    """A coordinate as SVG text, to a tenth of a pixel."""
    return f"{value:.1f}"


def colour(index):
    return PALETTE[index % len(PALETTE)]


def short(label):
    label = str(label)
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _legend(series):
    items, x = [], 0
    for index, item in enumerate(series):
        items.append(
            format_html(
                '<g transform="translate({x},0)"><rect width="12" height="12" y="2" '
                'fill="{fill}"/><text x="16" y="12" font-size="12" fill="currentColor">'
                "{name}</text></g>",
                x=x,
                fill=colour(index),
                name=short(item["name"]),
            )
        )
        x += 24 + 7 * min(len(str(item["name"])), LABEL_CHARS)
    return format_html_join("", "{}", ((item,) for item in items))


def _svg(chart_id, title, description, height, body):
    return format_html(
        '<figure class="onboarding-chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        'width="100%" style="max-width:{width}px" viewBox="0 0 {width} {height}" '
        'aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title>'
        '<desc id="{id}-desc">{description}</desc>{body}</svg></figure>',
        width=WIDTH,
        height=height,
        id=chart_id,
        title=title,
        description=description,
        body=body,
    )


def stacked_bars(*, chart_id, title, description, categories, series, suffix=""):
    """One horizontal bar per category, split into `series` ({"name", "values"}), with
    the bar's total at its end. `suffix` follows numbers ("%")."""
    if not categories:
        return ""
    totals = [sum(item["values"][row] for item in series) for row in range(len(categories))]
    scale = (WIDTH - LABEL_WIDTH - 60) / max(max(totals), 1)
    rows = []
    for row, category in enumerate(categories):
        y = LEGEND + row * ROW
        x = LABEL_WIDTH
        marks = []
        for index, item in enumerate(series):
            value = item["values"][row]
            width = value * scale
            marks.append(
                format_html(
                    '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}">'
                    "<title>{tip}</title></rect>",
                    x=num(x),
                    y=y,
                    w=num(width),
                    h=BAR,
                    fill=colour(index),
                    tip=_("%(category)s, %(series)s: %(value)s%(suffix)s")
                    % {
                        "category": category,
                        "series": item["name"],
                        "value": value,
                        "suffix": suffix,
                    },
                )
            )
            x += width
        rows.append(
            format_html(
                '<g><text x="{lx}" y="{ty}" text-anchor="end" font-size="12" '
                'fill="currentColor"><title>{full}</title>{label}</text>{marks}'
                '<text x="{tx}" y="{ty}" font-size="12" fill="currentColor">'
                "{total}{suffix}</text></g>",
                lx=LABEL_WIDTH - 8,
                ty=y + 13,
                full=category,
                label=short(category),
                marks=format_html_join("", "{}", ((mark,) for mark in marks)),
                tx=num(x + 6),
                total=totals[row],
                suffix=suffix,
            )
        )
    legend = _legend(series) if len(series) > 1 else ""
    body = format_html(
        "<g>{legend}</g>{rows}",
        legend=legend,
        rows=format_html_join("", "{}", ((r,) for r in rows)),
    )
    return _svg(chart_id, title, description, LEGEND + len(categories) * ROW + 4, body)


def _ticks(maximum, count=4):
    """Round steps (1, 2, 5 times a power of ten) for a y axis from 0 to `maximum`."""
    magnitude = 1
    while True:
        for base in (1, 2, 5):
            step = base * magnitude
            if step * count >= maximum:
                return [step * n for n in range(count + 1)]
        magnitude *= 10


def lines(*, chart_id, title, description, x_labels, series):
    """One line per series ({"name", "values"}) over `x_labels` (months)."""
    if not x_labels or not series:
        return ""
    left, top, right, bottom, height = 44, LEGEND + 8, 16, 36, 300
    ticks = _ticks(max(max(item["values"]) for item in series))
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    step_x = plot_w / max(len(x_labels) - 1, 1)

    def point(index, value):
        return left + index * step_x, top + plot_h - value * plot_h / ticks[-1]

    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="currentColor" '
        'stroke-opacity="0.2"/><text x="{}" y="{}" text-anchor="end" font-size="11" '
        'fill="currentColor">{}</text>',
        (
            (
                left,
                WIDTH - right,
                num(point(0, t)[1]),
                num(point(0, t)[1]),
                left - 6,
                num(point(0, t)[1] + 4),
                t,
            )
            for t in ticks
        ),
    )
    every = max(1, round(len(x_labels) / 8))
    x_axis = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="currentColor">{}</text>',
        (
            (num(point(index, 0)[0]), height - bottom + 18, label)
            for index, label in enumerate(x_labels)
            if index % every == 0
        ),
    )
    drawn = []
    for index, item in enumerate(series):
        points = [point(n, value) for n, value in enumerate(item["values"])]
        dots = format_html_join(
            "",
            '<circle cx="{}" cy="{}" r="3.5" fill="{}"><title>{}</title></circle>',
            (
                (
                    num(x),
                    num(y),
                    colour(index),
                    _("%(series)s, %(month)s: %(value)s")
                    % {"series": item["name"], "month": x_labels[n], "value": item["values"][n]},
                )
                for n, (x, y) in enumerate(points)
            ),
        )
        drawn.append(
            format_html(
                '<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>{}',
                colour(index),
                " ".join(f"{x},{y}" for x, y in points),
                dots,
            )
        )
    body = format_html(
        "<g>{}</g>{}{}{}",
        _legend(series),
        grid,
        x_axis,
        format_html_join("", "{}", ((line,) for line in drawn)),
    )
    return _svg(chart_id, title, description, height, body)
