"""Small bar and line charts drawn from a pack's values, as plain SVG, laid out from measured text.

Why our own module rather than matplotlib or Vega: a briefing chart is a handful of bars or one
to six lines, and this module draws them on ElementTree, as the pathway diagram does. It adds no
dependency, every piece of text from the pack is escaped as XML text by construction, the output
is the same bytes on every machine, the SVG carries its own name and description, and on the
site its colours follow light and dark mode.

Each chart is laid out again for every size it is shown at (:data:`chart_parts.SIZES`): labels
are measured with the bundled fonts' metrics (:mod:`lcsi_briefs.text.measure`), value labels
sit at the bar ends only where they fit, the data keeps at least half the width, and a layout
whose labels would overlap or leave the picture is refused, so that output prints the chart's
table instead (:func:`chart_drawings`).

Meaning is never carried by colour alone: every bar or segment is labelled with its value and,
where several series share a chart, with its series or a key in the same order; lines have their
own marker shapes; and each chart comes with a summary written from the data and its table.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal

from lcsi_briefs.model.figures import Chart
from lcsi_briefs.pages.chart_parts import EDGE, SIZES, Canvas, Illegible, Size, caption_height, fmt
from lcsi_briefs.pages.line_chart import draw_line
from lcsi_briefs.text.chart_words import chart_value, summary
from lcsi_briefs.text.measure import ASCENT, DESCENT, wrap

__all__ = ["Drawn", "chart_drawings", "chart_svg", "summary"]


@dataclass(frozen=True)
class Drawn:
    """A chart at one size: its SVG, or why it cannot be drawn legibly there (then its table shows)."""

    size: Size
    svg: str | None
    reason: str = ""


def _values(chart: Chart) -> list[list[Decimal]]:
    return [[Decimal(value) for value in series.values] for series in chart.series]


class _Scale:
    """Maps values onto ``length`` units from ``start``, always including zero so bars start from it."""

    def __init__(self, values: list[Decimal], start: float, length: float) -> None:
        self.low = min([Decimal(0), *values])
        self.high = max([Decimal(0), *values])
        self.span = (self.high - self.low) or Decimal(1)
        self.start = start
        self.length = length

    def share(self, value: Decimal) -> float:
        return float((value - self.low) / self.span)

    def __call__(self, value: Decimal) -> float:
        return self.start + self.share(value) * self.length

    def fit(self, ends: list[tuple[Decimal, float]], width: float, pad: float) -> None:
        """The longest length that leaves room for each (value, label width) label after its bar."""
        length = width - self.start - 1
        for value, label in ends:
            share = self.share(max(value, Decimal(0)))
            room = width - self.start - pad - label
            if room < 0:
                raise Illegible("a value label is wider than the picture")
            if share > 0:
                length = min(length, room / share)
        self.length = length


def _category(canvas: Canvas, y: float, name: str) -> float:
    """The category's name in bold over its bars, wrapped; returns where the bars start."""
    lines = wrap(name, canvas.size.width - 2 * EDGE, canvas.font, bold=True)
    for number, line in enumerate(lines):
        canvas.text(EDGE, y + ASCENT * canvas.font + number * canvas.size.line, line, bold=True)
    return y + (len(lines) - 1) * canvas.size.line + (ASCENT + DESCENT) * canvas.font + canvas.font * 0.3


def _bar(canvas: Canvas, group: ET.Element, x1: float, x2: float, *, top: float, height: float, gap: float = 0) -> None:
    attributes = {"x": fmt(min(x1, x2)), "y": fmt(top), "width": fmt(max(abs(x2 - x1) - gap, 1)), "height": fmt(height)}
    ET.SubElement(group, "rect", {**attributes, "fill": canvas.colour(group)})


def _bars(chart: Chart, language: str, canvas: Canvas, *, named: bool, compact: bool = False) -> float:
    """Horizontal bars, one row per series inside each category, each labelled at its end.

    ``compact`` sets thinner bars closer together, for a chart too tall for its page: a row is
    still taller than its label (1.3 text sizes to 1.24), so labels never touch.
    """
    values = _values(chart)
    size, font = canvas.size, canvas.font

    def label(series: int, index: int) -> str:
        value = chart_value(chart, chart.series[series].values[index], language)
        return f"{chart.series[series].name}: {value}" if named else value

    scale = _Scale([v for row in values for v in row], EDGE, size.width)
    pad = font * 0.4
    ends = [
        (values[s][i], canvas.width_of(label(s, i))) for s in range(len(values)) for i in range(len(chart.categories))
    ]
    scale.fit(ends, size.width - EDGE, pad)
    if scale.length < size.width / 2:
        raise Illegible("the value labels leave the bars less than half the width")
    y = 0.0
    if len(chart.series) > 1 and not named:
        y = canvas.key([series.name for series in chart.series], 0)
    bar = round(font * (1.1 if compact else 1.4), 1)
    step = bar + round(font * (0.2 if compact else 0.35), 1)
    zero = scale(Decimal(0))
    groups = [canvas.series(number) for number in range(len(values))]
    for index, category in enumerate(chart.categories):
        top = _category(canvas, y, category)
        canvas.rule(zero, top - 2, zero, top + len(values) * step - step + bar + 2)
        for series, row in enumerate(values):
            end = scale(row[index])
            _bar(canvas, groups[series], zero, end, top=top, height=bar)
            canvas.text(max(zero, end) + pad, top + bar / 2 + (ASCENT - DESCENT) / 2 * font, label(series, index))
            top += step
        y = top - step + bar + font * (0.6 if compact else 0.9)
    return y


def _stacked(chart: Chart, language: str, canvas: Canvas) -> float:
    """One bar per category made of its series; each segment named under the bar, the total at its end."""
    values = _values(chart)
    size, font = canvas.size, canvas.font
    totals = [sum((row[i] for row in values), Decimal(0)) for i in range(len(chart.categories))]
    total_labels = [chart_value(chart, str(total), language) for total in totals]
    pad = font * 0.4
    scale = _Scale([*totals, *(v for row in values for v in row if v < 0)], EDGE, size.width)
    scale.fit(
        [(t, canvas.width_of(text, bold=True)) for t, text in zip(totals, total_labels, strict=True)],
        size.width - EDGE,
        pad,
    )
    if scale.length < size.width / 2:
        raise Illegible("the totals leave the bars less than half the width")
    bar = round(font * 1.4, 1)
    swatch = font * 0.75
    groups = [canvas.series(number) for number in range(len(values))]
    y = 0.0
    for index, category in enumerate(chart.categories):
        top = _category(canvas, y, category)
        zero = scale(Decimal(0))
        canvas.rule(zero, top - 2, zero, top + bar + 2)
        start = Decimal(0)
        line_y = top + bar + font * 0.3
        for series, row in enumerate(values):
            x1, x2 = scale(start), scale(start + row[index])
            # A gap between segments keeps neighbours apart without a border colour.
            _bar(canvas, groups[series], x1, x2, top=top, height=bar, gap=2)
            text = f"{chart.series[series].name}: {chart_value(chart, chart.series[series].values[index], language)}"
            width = swatch + font * 0.4 + canvas.width_of(text)
            x = max(EDGE, min(x1, x2, size.width - EDGE - width))
            line_y += size.line
            ET.SubElement(
                groups[series],
                "rect",
                {
                    "x": fmt(x),
                    "y": fmt(line_y - font * 0.3 - swatch / 2),
                    "width": fmt(swatch),
                    "height": fmt(swatch),
                    "fill": canvas.colour(groups[series]),
                },
            )
            canvas.text(x + swatch + font * 0.4, line_y, text)
            start += row[index]
        canvas.text(
            scale(totals[index]) + pad, top + bar / 2 + (ASCENT - DESCENT) / 2 * font, total_labels[index], bold=True
        )
        y = line_y + DESCENT * font + font * 0.9
    return y


def _draw(chart: Chart, language: str, chart_id: str, size: Size, *, themed: bool) -> str:
    """The chart at one size, or :class:`Illegible`."""
    text = summary(chart, language)
    caption = caption_height(size, chart.title, chart.subtitle)

    def attempt(**options: bool) -> str:
        canvas = Canvas(size, themed=themed)
        if chart.kind == "line":
            keyed, ends = options.get("keyed", False), options.get("ends", True)
            height = draw_line(chart, language, canvas, keyed=keyed, values_at_ends=ends)
        elif chart.kind == "stacked-bar":
            height = _stacked(chart, language, canvas)
        else:
            height = _bars(
                chart, language, canvas, named=options.get("named", False), compact=options.get("compact", False)
            )
        if caption + height > size.tallest:
            raise Illegible(f"{fmt(height)} units tall under a caption of {fmt(caption)}: {fmt(size.tallest)} at most")
        return canvas.svg(height, chart_id, chart.title, text)

    several = len(chart.series) > 1
    # Series named beside each bar or at each line's end where that fits, else in a key above;
    # last, lines without their end values (the table and the summary give them).
    tries = [{"named": several, "keyed": False}, {"named": False, "keyed": several}] if several else [{}]
    if chart.kind == "line":
        tries.append({"keyed": several, "ends": False})
    elif chart.kind == "bar" and size.printed:
        # Then thinner bars, before a chart too tall for two thirds of a printed page gives way to its table.
        tries += [{**options, "compact": True} for options in tries]
    reasons = []
    for options in tries:
        try:
            return attempt(**options)
        except Illegible as error:
            reasons.append(str(error))
    raise Illegible(reasons[-1])


def chart_svg(chart: Chart, language: str, chart_id: str, size: Size = SIZES[0], *, themed: bool = True) -> str:
    """The chart as one ``<svg>`` element at ``size``, named by its title and described by its summary.

    Raises :class:`Illegible` when it cannot be drawn legibly at that size.
    """
    return _draw(chart, language, chart_id, size, themed=themed)


def chart_drawings(chart: Chart, language: str, chart_id: str, *, printed: bool) -> list[Drawn]:
    """The chart at each size of the site (``printed`` False) or of the printed editions."""
    sizes = SIZES[2:] if printed else SIZES[:2]
    drawn = []
    for size in sizes:
        try:
            svg = _draw(chart, language, f"{chart_id}-{size.name}", size, themed=not printed)
            drawn.append(Drawn(size, svg))
        except Illegible as error:
            drawn.append(Drawn(size, None, str(error)))
    return drawn
