"""Small bar and line charts drawn from a pack's values, as plain SVG.

Why our own module rather than matplotlib: a briefing chart is a handful of bars or one to six
lines, and this module draws them in a few hundred lines on ElementTree, as the pathway diagram
does. It adds no dependency (matplotlib and its font cache would double the install), every
piece of text from the pack is escaped as XML text by construction, the output is the same
bytes on every machine (no renderer version, font metrics or timestamps in it), and the SVG can
use ``currentColor`` so the site's light and dark modes both colour its text and axes.

Meaning is never carried by colour alone: every bar or segment is labelled with its series and
value, lines end in their series name and have their own marker shapes, and each chart comes
with a summary written from the data and its data table twin.
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from decimal import Decimal

from lcsi_briefs.model.figures import Chart
from lcsi_briefs.text.numbers import chart_value, words
from lcsi_briefs.text.paragraphs import fold

WIDTH = 420
FONT_SIZE = 16
LINE_HEIGHT = 20
BAR_HEIGHT = 22
GAP = 10
#: Roughly how wide one character of the chart font is, as a share of the font size.
CHAR_WIDTH = 0.6
#: Series colours. Each passes 3:1 (WCAG 2.2 non-text contrast) against white and against the
#: site's dark background (#131416), so bars and lines show in both modes; tests check this.
PALETTE = ("#3a78c9", "#c0562b", "#2e8540", "#8a5cc2", "#0f7f8a", "#997000")
DARK_BACKGROUND = "#131416"
#: Marker shapes for line charts, so lines differ by more than colour.
MARKERS = ("circle", "square", "triangle", "diamond", "circle-open", "square-open")
FONT_FAMILY = "Atkinson Hyperlegible, DejaVu Sans, Verdana, Arial, sans-serif"


def _width(text: str, size: int = FONT_SIZE) -> float:
    return len(text) * size * CHAR_WIDTH


def _fmt(number: float) -> str:
    """Coordinates with one decimal at most, so output never depends on float noise."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _wrap(text: str, width: float) -> list[str]:
    return textwrap.wrap(text, max(8, int(width / (FONT_SIZE * CHAR_WIDTH))), break_long_words=True) or [""]


def _svg(height: float, chart_id: str, title: str, summary: str) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {WIDTH} {_fmt(height)}",
            "width": str(WIDTH),
            "height": _fmt(height),
            "role": "img",
            "aria-labelledby": f"{chart_id}-title",
            "aria-describedby": f"{chart_id}-desc",
            "font-family": FONT_FAMILY,
            "font-size": str(FONT_SIZE),
            "class": "lcsi-chart-svg",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = summary
    return svg


def _text(parent: ET.Element, x: float, y: float, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": _fmt(x), "y": _fmt(y), "fill": "currentColor", **attributes})
    element.text = text
    return element


def _zero_line(svg: ET.Element, x: float, top: float, bottom: float) -> None:
    """The value axis at zero, drawn beside the bars only, clear of the category names."""
    attributes = {"x1": _fmt(x), "x2": _fmt(x), "y1": _fmt(top), "y2": _fmt(bottom), "stroke": "currentColor"}
    ET.SubElement(svg, "line", attributes)


class _Scale:
    """Maps values onto a length, always including zero so bars start from it."""

    def __init__(self, values: list[Decimal], length: float) -> None:
        self.low = min([Decimal(0), *values])
        self.high = max([Decimal(0), *values])
        self.length = length
        self.span = (self.high - self.low) or Decimal(1)

    def __call__(self, value: Decimal) -> float:
        return float((value - self.low) / self.span) * self.length


def _values(chart: Chart) -> list[list[Decimal]]:
    return [[Decimal(value) for value in series.values] for series in chart.series]


def _bars(chart: Chart, language: str, chart_id: str, title: str, summary: str) -> str:
    """Horizontal bars, one row per series inside each category, each labelled at its end."""
    values = _values(chart)
    grouped = len(chart.series) > 1

    def label(series: int, index: int) -> str:
        value = chart_value(chart, chart.series[series].values[index], language)
        return f"{chart.series[series].name}: {value}" if grouped else value

    labels = [label(s, i) for s in range(len(chart.series)) for i in range(len(chart.categories))]
    room = max(_width(text) for text in labels) + 10
    scale = _Scale([v for row in values for v in row], WIDTH - room - 2)
    zero = 1 + scale(Decimal(0))
    rows: list[tuple[float, list[str]]] = []
    y = 4.0
    for category in chart.categories:
        lines = _wrap(category, WIDTH)
        rows.append((y, lines))
        y += len(lines) * LINE_HEIGHT + 4 + len(chart.series) * (BAR_HEIGHT + 4) + GAP
    svg = _svg(y, chart_id, title, summary)
    for index, (top, lines) in enumerate(rows):
        for number, line in enumerate(lines):
            _text(svg, 0, top + (number + 1) * LINE_HEIGHT - 5, line, **{"font-weight": "bold"})
        bar_top = top + len(lines) * LINE_HEIGHT + 4
        _zero_line(svg, zero, bar_top - 2, bar_top + len(values) * (BAR_HEIGHT + 4) - 2)
        for series, row in enumerate(values):
            end = 1 + scale(row[index])
            x, width = min(zero, end), abs(end - zero)
            ET.SubElement(
                svg,
                "rect",
                {
                    "x": _fmt(x),
                    "y": _fmt(bar_top),
                    "width": _fmt(max(width, 1)),
                    "height": str(BAR_HEIGHT),
                    "fill": PALETTE[series % len(PALETTE)],
                },
            )
            _text(svg, max(zero, end) + 6, bar_top + BAR_HEIGHT - 6, label(series, index))
            bar_top += BAR_HEIGHT + 4
    return ET.tostring(svg, encoding="unicode")


def _stacked(chart: Chart, language: str, chart_id: str, title: str, summary: str) -> str:
    """One bar per category made of its series; each segment named under the bar, the total at the end."""
    values = _values(chart)
    totals = [sum((row[i] for row in values), Decimal(0)) for i in range(len(chart.categories))]
    total_labels = [chart_value(chart, str(total), language) for total in totals]
    room = max(_width(text) for text in total_labels) * 1.15 + 10
    scale = _Scale([*totals, *(v for row in values for v in row if v < 0)], WIDTH - room - 2)
    y = 4.0
    layout: list[tuple[float, list[str]]] = []
    for category in chart.categories:
        lines = _wrap(category, WIDTH)
        layout.append((y, lines))
        y += len(lines) * LINE_HEIGHT + 4 + BAR_HEIGHT + 4 + len(chart.series) * LINE_HEIGHT + GAP
    svg = _svg(y, chart_id, title, summary)
    for index, (top, lines) in enumerate(layout):
        for number, line in enumerate(lines):
            _text(svg, 0, top + (number + 1) * LINE_HEIGHT - 5, line, **{"font-weight": "bold"})
        bar_top = top + len(lines) * LINE_HEIGHT + 4
        _zero_line(svg, 1 + scale(Decimal(0)), bar_top - 2, bar_top + BAR_HEIGHT + 2)
        start = Decimal(0)
        for series, row in enumerate(values):
            x1, x2 = 1 + scale(start), 1 + scale(start + row[index])
            ET.SubElement(
                svg,
                "rect",
                {
                    "x": _fmt(min(x1, x2)),
                    "y": _fmt(bar_top),
                    # A 2-unit gap between segments keeps neighbours apart without a border colour.
                    "width": _fmt(max(abs(x2 - x1) - 2, 1)),
                    "height": str(BAR_HEIGHT),
                    "fill": PALETTE[series % len(PALETTE)],
                },
            )
            text = f"{chart.series[series].name}: {chart_value(chart, chart.series[series].values[index], language)}"
            # Each series has its own line under the bar, starting where its segment starts.
            marker_x = min(x1, x2, WIDTH - _width(text) - 14)
            line_y = bar_top + BAR_HEIGHT + 4 + (series + 1) * LINE_HEIGHT - 5
            ET.SubElement(
                svg,
                "rect",
                {
                    "x": _fmt(marker_x),
                    "y": _fmt(line_y - 11),
                    "width": "10",
                    "height": "10",
                    "fill": PALETTE[series % len(PALETTE)],
                },
            )
            _text(svg, marker_x + 14, line_y, text)
            start += row[index]
        _text(
            svg, 1 + scale(totals[index]) + 6, bar_top + BAR_HEIGHT - 6, total_labels[index], **{"font-weight": "bold"}
        )
    return ET.tostring(svg, encoding="unicode")


def _ticks(low: Decimal, high: Decimal) -> list[Decimal]:
    """Three to six round numbers covering the range, for the value axis."""
    span = (high - low) or Decimal(1)
    raw = span / 4
    magnitude = Decimal(10) ** raw.adjusted()
    step = next(
        m * magnitude for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)) if m * magnitude >= raw
    )
    first = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    ticks = [first]
    while ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return [tick.normalize() if tick != 0 else Decimal(0) for tick in ticks]


def _marker(parent: ET.Element, shape: str, x: float, y: float, colour: str) -> None:
    size = 6.0
    fill = "none" if shape.endswith("-open") else colour
    attributes = {"fill": fill, "stroke": colour, "stroke-width": "2"}
    base = shape.removesuffix("-open")
    if base == "circle":
        ET.SubElement(parent, "circle", {"cx": _fmt(x), "cy": _fmt(y), "r": _fmt(size), **attributes})
    elif base == "square":
        ET.SubElement(
            parent,
            "rect",
            {"x": _fmt(x - size), "y": _fmt(y - size), "width": _fmt(2 * size), "height": _fmt(2 * size), **attributes},
        )
    else:
        points = (
            [(x, y - size - 1), (x + size + 1, y + size), (x - size - 1, y + size)]
            if base == "triangle"
            else [(x, y - size - 1), (x + size + 1, y), (x, y + size + 1), (x - size - 1, y)]
        )
        ET.SubElement(parent, "polygon", {"points": " ".join(f"{_fmt(a)},{_fmt(b)}" for a, b in points), **attributes})


def _line(chart: Chart, language: str, chart_id: str, title: str, summary: str) -> str:
    """Lines over the categories, with round-number gridlines and each line named at its end."""
    values = _values(chart)
    flat = [v for row in values for v in row]
    ticks = _ticks(min([Decimal(0), *flat]), max(flat))
    tick_labels = [chart_value(chart, str(tick), language) for tick in ticks]
    end_labels = [
        f"{series.name}: {chart_value(chart, series.values[-1], language)}"
        if len(chart.series) > 1
        else chart_value(chart, series.values[-1], language)
        for series in chart.series
    ]
    left = max(_width(text) for text in tick_labels) + 8
    right = max(_width(text) for text in end_labels) + 16
    top, plot_height = 14.0, 220.0
    bottom = top + plot_height
    plot_width = WIDTH - left - right
    low, high = ticks[0], ticks[-1]

    def y_of(value: Decimal) -> float:
        return bottom - float((value - low) / ((high - low) or 1)) * plot_height

    def x_of(index: int) -> float:
        return left + plot_width * index / (len(chart.categories) - 1)

    # Show every category name that fits; otherwise every second, third... (the table has them all).
    widest = max(_width(category) for category in chart.categories) + 8
    every = 1
    while (plot_width / (len(chart.categories) - 1)) * every < widest and every < len(chart.categories):
        every += 1
    svg = _svg(bottom + 34, chart_id, title, summary)
    grid = ET.SubElement(svg, "g", {"stroke": "currentColor", "stroke-opacity": "0.35", "stroke-width": "1"})
    for tick, text in zip(ticks, tick_labels, strict=True):
        ET.SubElement(
            grid,
            "line",
            {"x1": _fmt(left), "x2": _fmt(left + plot_width), "y1": _fmt(y_of(tick)), "y2": _fmt(y_of(tick))},
        )
        _text(svg, left - 8, y_of(tick) + 5, text, **{"text-anchor": "end"})
    ET.SubElement(
        svg,
        "line",
        {
            "x1": _fmt(left),
            "x2": _fmt(left + plot_width),
            "y1": _fmt(bottom),
            "y2": _fmt(bottom),
            "stroke": "currentColor",
        },
    )
    for index, category in enumerate(chart.categories):
        if index % every == 0 or index == len(chart.categories) - 1:
            anchor = "start" if index == 0 else "end" if index == len(chart.categories) - 1 else "middle"
            _text(svg, x_of(index), bottom + 24, category, **{"text-anchor": anchor})
    # End labels are spread apart so lines ending close together stay readable.
    ends = sorted(((y_of(row[-1]), number) for number, row in enumerate(values)), key=lambda pair: pair[0])
    placed: dict[int, float] = {}
    previous = -1e9
    for y, number in ends:
        placed[number] = max(y, previous + LINE_HEIGHT)
        previous = placed[number]
    for number, row in enumerate(values):
        colour = PALETTE[number % len(PALETTE)]
        points = " ".join(f"{_fmt(x_of(i))},{_fmt(y_of(v))}" for i, v in enumerate(row))
        ET.SubElement(svg, "polyline", {"points": points, "fill": "none", "stroke": colour, "stroke-width": "3"})
        for index, value in enumerate(row):
            _marker(svg, MARKERS[number % len(MARKERS)], x_of(index), y_of(value), colour)
        _text(svg, left + plot_width + 12, placed[number] + 5, end_labels[number])
    return ET.tostring(svg, encoding="unicode")


def summary(chart: Chart, language: str) -> str:
    """The editor's summary, or one written from the data: highest, lowest and, for lines, change."""
    if chart.summary:
        return fold(chart.summary)
    values = _values(chart)
    categories = chart.categories

    def shown(raw: Decimal | str) -> str:
        return chart_value(chart, str(raw), language)

    text = words(language)
    sentences: list[str] = []
    totals = [sum((row[i] for row in values), Decimal(0)) for i in range(len(categories))]
    if chart.kind == "stacked-bar" and len(set(totals)) > 1:
        best = totals.index(max(totals))
        sentences.append(text.total_highest.format(category=categories[best], value=shown(totals[best])))
    for series, row in zip(chart.series, values, strict=True):
        high, low = row.index(max(row)), row.index(min(row))
        if len(chart.series) == 1 and chart.kind != "stacked-bar":
            sentences.append(text.highest.format(category=categories[high], value=shown(series.values[high])))
            sentences.append(text.lowest.format(category=categories[low], value=shown(series.values[low])))
        else:
            sentences.append(
                text.series_highest.format(
                    series=series.name,
                    category=categories[high],
                    value=shown(series.values[high]),
                    low_category=categories[low],
                    low_value=shown(series.values[low]),
                )
            )
        if chart.kind == "line":
            sentences.append(
                text.change.format(
                    series=series.name,
                    start=shown(series.values[0]),
                    first=categories[0],
                    end=shown(series.values[-1]),
                    last=categories[-1],
                )
            )
    return " ".join(sentences)


def chart_svg(chart: Chart, language: str, chart_id: str) -> str:
    """The chart as one ``<svg>`` element, named by its title and described by its summary."""
    text = summary(chart, language)
    draw = {"bar": _bars, "stacked-bar": _stacked, "line": _line}[chart.kind]
    return draw(chart, language, chart_id, chart.title, text)
