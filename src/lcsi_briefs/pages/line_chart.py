"""A line chart over the categories, laid out from measured labels (see :mod:`lcsi_briefs.pages.charts`).

The value axis takes exactly the width its widest tick label needs, so no label is clipped; the
category labels are thinned (every second, third…, always the first and last) until none can
touch; each line is named at its end when those names leave the data at least half the width,
otherwise in a key above the chart with only the last values at the ends.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import pairwise

from lcsi_briefs.model.figures import Chart
from lcsi_briefs.pages.chart_parts import EDGE, MARKER_REACH, MARKERS, Canvas, Illegible, draw_marker, fmt
from lcsi_briefs.text.chart_words import chart_value
from lcsi_briefs.text.measure import ASCENT, DESCENT


def nice_ticks(low: Decimal, high: Decimal, most: int = 6) -> list[Decimal]:
    """Round values from at or below ``low`` to at or above ``high``: steps of 1, 2, 2.5 or 5 times a
    power of ten, three to ``most`` ticks, the set that wastes least of the axis."""
    if high == low:
        high = low + (abs(low) or Decimal(1))
    span = high - low
    best: list[Decimal] = []
    for count in range(2, most):
        raw = span / count
        magnitude = Decimal(10) ** raw.adjusted()
        step = next(
            m * magnitude
            for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
            if m * magnitude >= raw
        )
        first = (low / step).to_integral_value(rounding=ROUND_FLOOR) * step
        last = max((high / step).to_integral_value(rounding=ROUND_CEILING) * step, first + step)
        ticks = [first + step * n for n in range(int((last - first) / step) + 1)]
        if 3 <= len(ticks) <= most and (not best or ticks[-1] - ticks[0] < best[-1] - best[0]):
            best = ticks
    return [tick.normalize() if tick != 0 else Decimal(0) for tick in best]


def _shown(lefts: list[tuple[float, float]], gap: float) -> list[int]:
    """Which category labels to print: every k-th with the first and last, none closer than ``gap``.

    Evenly spaced where a step a little longer allows it (2017, 2020, 2023, 2026 rather than
    2017, 2019, 2021, 2023, 2026), so the gaps between labels do not suggest uneven time.
    """
    count = len(lefts)

    def clear(indexes: list[int]) -> bool:
        return all(lefts[a][1] + gap <= lefts[b][0] for a, b in pairwise(indexes))

    def labels(every: int) -> list[int]:
        indexes = list(range(0, count, every))
        if indexes[-1] != count - 1:
            indexes.append(count - 1)
            if not clear(indexes[-2:]):
                del indexes[-2]
        return indexes

    fewest = next((every for every in range(1, count) if clear(labels(every))), None)
    if fewest is None:
        raise Illegible("the first and last category labels would overlap")
    even = [every for every in range(fewest, 2 * fewest) if (count - 1) % every == 0]
    return labels(even[0]) if even else labels(fewest)


def _spread(wanted: list[float], line: float, top: float, bottom: float) -> list[float]:
    """Label baselines near ``wanted``, at least ``line`` apart, kept between ``top`` and ``bottom``."""
    order = sorted(range(len(wanted)), key=lambda n: wanted[n])
    placed = {n: wanted[n] for n in order}
    previous = top - line
    for n in order:
        placed[n] = max(placed[n], previous + line)
        previous = placed[n]
    following = bottom + line
    for n in reversed(order):
        placed[n] = min(placed[n], following - line)
        following = placed[n]
    if placed[order[0]] < top - 0.5:
        raise Illegible("the lines' end labels do not fit beside the chart")
    return [placed[n] for n in range(len(wanted))]


def _positions(categories: list[str]) -> list[float]:
    """Where each category sits along the axis, from 0 to 1: by value when all are rising numbers
    (2012, 2014, 2024, 2025: the last step is half the others), else evenly."""
    try:
        numbers = [float(category) for category in categories]
    except ValueError:
        numbers = []
    if numbers and all(a < b for a, b in pairwise(numbers)):
        return [(number - numbers[0]) / (numbers[-1] - numbers[0]) for number in numbers]
    return [index / (len(categories) - 1) for index in range(len(categories))]


def draw_line(chart: Chart, language: str, canvas: Canvas, *, keyed: bool, values_at_ends: bool = True) -> float:
    """Lines with round-number gridlines; returns the picture's height.

    ``keyed``: the series are named in a key above, not at the lines' ends. Without
    ``values_at_ends`` the ends carry no label at all (the table and summary give the values).
    """
    size, font = canvas.size, canvas.font
    values = [[Decimal(value) for value in series.values] for series in chart.series]
    flat = [v for row in values for v in row]
    ticks = nice_ticks(min([Decimal(0), *flat]), max([Decimal(0), *flat]))
    tick_labels = [chart_value(chart, f"{tick:f}", language) for tick in ticks]
    several = len(chart.series) > 1

    def end_label(number: int) -> str:
        value = chart_value(chart, chart.series[number].values[-1], language)
        return f"{chart.series[number].name}: {value}" if several and not keyed else value

    ends = [end_label(number) for number in range(len(values))] if values_at_ends else []
    left = EDGE + max(canvas.width_of(text) for text in tick_labels) + font * 0.5
    right = max(canvas.width_of(text) for text in ends) + font * 0.9 + EDGE if ends else EDGE + font * 0.4
    plot_width = size.width - left - right
    radius = font * 0.32
    # Every marker (its shape and stroke) stays inside the grid's width, clear of the value labels
    # at its left; the categories sit below a marker's reach from the lowest line. Drawn on the
    # grid's edge, one came within half a unit of "1,000", and one for a zero touched the year
    # under it.
    inset = radius + MARKER_REACH
    if plot_width - 2 * inset < size.width / 2:
        raise Illegible("the labels leave the lines less than half the width")
    top = canvas.key([series.name for series in chart.series], 0, marker="line") if keyed else 0.0
    plot_top = top + ASCENT * font
    plot_height = max(size.width * 0.45, font * 10)
    bottom = plot_top + plot_height
    low, high = ticks[0], ticks[-1]
    middle = (ASCENT - DESCENT) / 2 * font

    def y_of(value: Decimal) -> float:
        return bottom - float((value - low) / ((high - low) or 1)) * plot_height

    positions = _positions(chart.categories)

    def x_of(index: int) -> float:
        return left + inset + (plot_width - 2 * inset) * positions[index]

    for tick, text in zip(ticks, tick_labels, strict=True):
        canvas.rule(left, y_of(tick), left + plot_width, y_of(tick), faint=tick != 0)
        canvas.text(left - font * 0.5, y_of(tick) + middle, text, anchor="end")
    last = len(chart.categories) - 1
    anchors = ["start" if i == 0 else "end" if i == last else "middle" for i in range(last + 1)]
    lefts = []
    for index, category in enumerate(chart.categories):
        width = canvas.width_of(category)
        start = x_of(index) - {"start": 0, "middle": width / 2, "end": width}[anchors[index]]
        lefts.append((start, start + width))
    shown = _shown(lefts, font * 0.8)
    baseline = bottom + inset + font * 0.4 + ASCENT * font
    for index in shown:
        canvas.text(x_of(index), baseline, chart.categories[index], anchor=anchors[index])
    crowded = (plot_width - 2 * inset) / max(last, 1) < radius * 2.6
    marked = shown if crowded else range(last + 1)
    wanted = [y_of(row[-1]) + middle for row in values]
    spread = _spread(wanted, size.line, plot_top + middle, bottom + middle) if ends else wanted
    for number, row in enumerate(values):
        group = canvas.series(number)
        colour = canvas.colour(group)
        points = " ".join(f"{fmt(x_of(i))},{fmt(y_of(v))}" for i, v in enumerate(row))
        stroke = fmt(max(2.0, font * 0.18))
        ET.SubElement(group, "polyline", {"points": points, "fill": "none", "stroke": colour, "stroke-width": stroke})
        for index in marked:
            draw_marker(
                group, MARKERS[number % len(MARKERS)], x_of(index), y_of(row[index]), size=radius, colour=colour
            )
        if ends:
            canvas.text(left + plot_width + font * 0.9, spread[number], ends[number])
    return baseline + DESCENT * font + 2
