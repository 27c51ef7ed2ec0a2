"""What every chart drawing shares: the sizes it is drawn at, the palettes, and an SVG canvas that
knows where each label lies.

A chart is laid out once per size it is shown at, in the units it is drawn in (one unit is one
CSS pixel), so its text is the size a reader sees. The canvas records the box of every label it
writes; a layout whose labels overlap or leave the picture is refused (:class:`Illegible`) and
that output prints the chart's table instead.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from lcsi_briefs.model.print_page import (
    FIGURES_SHEET,
    LARGE_PRINT_SHEET,
    PRINT_SHEET,
    block_margins,
    body_height,
    line_height,
    sheet_text,
    text_size,
)
from lcsi_briefs.text.measure import ASCENT, DESCENT, FONT_FAMILY, text_width, wrap
from lcsi_briefs.text.units import pt_to_px

#: The Analysis Function's categorical palette, in its order: each colour reaches 3:1 against
#: white and against the colour beside it, so neighbouring bars and lines tell apart without
#: relying on hue. Used on the light site and on paper.
LIGHT_PALETTE = ("#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1")
PRINT_PALETTE = LIGHT_PALETTE
#: The site's dark mode keeps its own set: each reaches 3:1 against the dark background.
DARK_PALETTE = ("#3a78c9", "#c0562b", "#2e8540", "#8a5cc2", "#0f7f8a", "#997000")
DARK_BACKGROUND = "#131416"
#: Marker shapes for line charts, so lines differ by more than colour.
MARKERS = ("circle", "square", "triangle", "diamond", "circle-open", "square-open")
#: Room kept clear at each side: some glyphs reach a unit beyond their advance (a bold "Y").
EDGE = 2.0
#: The Analysis Function's limit: a reader can hold about four series in mind.
MOST_SERIES = 4


@dataclass(frozen=True)
class Size:
    """One size a chart is drawn at: its width and text size in CSS pixels, and its tallest."""

    name: str
    width: float
    font: float
    #: Its caption and picture together taller than this do not fit the page or screen it is shown on.
    tallest: float
    #: Printed: kept under two thirds of a page (:data:`MOST_OF_PAGE`), with thinner bars if need be.
    printed: bool = False

    @property
    def line(self) -> float:
        return round(self.font * 1.35, 1)


#: The most of a printed page's body a chart may take with its caption and margins. A figure is
#: never split: one that cannot follow the text before it moves whole to the next page, and the
#: page it leaves must still be a third full (preflight's underfull-page rule).
MOST_OF_PAGE = 2 / 3
#: The printed figure's margins above it and below it, as ``pdf/static/figures.css`` sets them, in CSS pixels.
_FIGURE_MARGINS = pt_to_px(sum(block_margins(sheet_text(FIGURES_SHEET), "figure.lcsi-chart")))


def _printed_tallest(*, large_print: bool) -> float:
    """The tallest a printed chart's caption and picture may be, in CSS pixels.

    Nothing before a chart is kept with it: charts follow their finding's text
    (:func:`lcsi_briefs.pages.figures.finding_numbers`), never a heading, and ``print.css`` keeps
    no run-in label with one. So the chart and its caption are the whole unit that moves.
    """
    return round(pt_to_px(body_height(large_print=large_print)) * MOST_OF_PAGE - _FIGURE_MARGINS, 1)


def _printed_labels(*, large_print: bool) -> float:
    """A printed chart's label size in CSS pixels: the body text's (``html`` in the print
    stylesheets, 11 pt and 16 pt), rounded up to the hundredth so 16 pt is never 15.99 pt. A
    printed chart is drawn no wider than the text column and shown at its own width, so a
    pixel of the drawing is a pixel of the page."""
    return math.ceil(pt_to_px(text_size(large_print=large_print)) * 100) / 100


#: The site on a wide screen, the site at 375 px, the printed editions (labels at the body
#: text's 11 pt) and large print (16 pt, as UKAAF asks of every character).
SIZES = (
    Size("site", 640, 16, 2400),
    Size("narrow", 340, 15, 2400),
    Size("print", 600, _printed_labels(large_print=False), _printed_tallest(large_print=False), printed=True),
    Size("large-print", 640, _printed_labels(large_print=True), _printed_tallest(large_print=True), printed=True),
)
#: A caption's lines: the larger of the printed editions' line heights (large print's 1.5).
_CAPTION_LINE = max(line_height(sheet_text(path), "html") for path in (PRINT_SHEET, LARGE_PRINT_SHEET))


def caption_height(size: Size, title: str, subtitle: str | None) -> float:
    """The height a chart's caption prints at: its bold title and its subtitle, wrapped to the
    chart's width, at the size's text size and the larger of print's line heights."""
    lines = len(wrap(title, size.width - 2 * EDGE, size.font, bold=True))
    if subtitle:
        lines += len(wrap(subtitle, size.width - 2 * EDGE, size.font))
    return lines * size.font * _CAPTION_LINE


class Illegible(Exception):  # noqa: N818 - a verdict on a chart, not a failure of the code
    """The chart cannot be drawn legibly at this size."""


def fmt(number: float) -> str:
    """Coordinates with one decimal at most, so output never depends on float noise."""
    text = f"{number:.1f}"
    return "0" if text == "-0.0" else text.removesuffix(".0")


@dataclass
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right - 0.5
            and other.left < self.right - 0.5
            and self.top < other.bottom - 0.5
            and other.top < self.bottom - 0.5
        )


@dataclass
class Canvas:
    """An SVG being drawn at one size: the data group, the labels, and the labels' boxes."""

    size: Size
    #: Explicit colours (print) or ``currentColor`` under a per-series ``color`` (site: CSS may
    #: swap the palette for dark mode).
    themed: bool
    boxes: list[Box] = field(default_factory=list)
    root: ET.Element = field(default_factory=lambda: ET.Element("g"))

    def __post_init__(self) -> None:
        self.data = ET.SubElement(self.root, "g", {"class": "lcsi-chart-data"})
        self.labels = ET.SubElement(self.root, "g", {"fill": "currentColor"})

    @property
    def font(self) -> float:
        return self.size.font

    def width_of(self, text: str, *, bold: bool = False) -> float:
        return text_width(text, self.font, bold=bold)

    def text(self, x: float, y: float, text: str, *, anchor: str = "start", bold: bool = False) -> Box:
        """A label with its baseline at ``y``; its box is kept for the legibility check."""
        width = self.width_of(text, bold=bold)
        left = x - {"start": 0, "middle": width / 2, "end": width}[anchor]
        attributes = {"x": fmt(x), "y": fmt(y)}
        if anchor != "start":
            attributes["text-anchor"] = anchor
        if bold:
            attributes["font-weight"] = "bold"
        ET.SubElement(self.labels, "text", attributes).text = text
        box = Box(left, y - ASCENT * self.font, left + width, y + DESCENT * self.font)
        self.boxes.append(box)
        return box

    def series(self, number: int) -> ET.Element:
        """The group one series' marks go in, coloured by the palette."""
        colour = PRINT_PALETTE[number % len(PRINT_PALETTE)]
        attributes = {"class": f"lcsi-series lcsi-series-{number + 1}"}
        if self.themed:
            attributes["color"] = colour
        group = ET.SubElement(self.data, "g", attributes)
        group.set("data-colour", colour)
        return group

    def colour(self, group: ET.Element) -> str:
        return "currentColor" if self.themed else group.get("data-colour", "currentColor")

    def rule(self, x1: float, y1: float, x2: float, y2: float, *, faint: bool = False) -> None:
        attributes = {"x1": fmt(x1), "y1": fmt(y1), "x2": fmt(x2), "y2": fmt(y2), "stroke": "currentColor"}
        if faint:
            attributes["stroke-opacity"] = "0.35"
        ET.SubElement(self.root, "line", attributes)

    def key(self, names: list[str], top: float, marker: str = "square") -> float:
        """A key above the chart: each series' swatch and name, flowing across; returns its bottom."""
        x, y = EDGE, top + self.size.line * 0.8
        swatch = self.font * 0.75
        for number, name in enumerate(names):
            width = swatch + self.font * 0.4 + self.width_of(name)
            if x > EDGE and x + width > self.size.width - EDGE:
                x, y = EDGE, y + self.size.line
            group = self.series(number)
            shape = MARKERS[number % len(MARKERS)] if marker == "line" else "square"
            draw_marker(group, shape, x + swatch / 2, y - self.font * 0.3, size=swatch / 2, colour=self.colour(group))
            self.text(x + swatch + self.font * 0.4, y, name)
            x += width + self.font * 1.2
        return y + DESCENT * self.font + self.size.line * 0.4

    def svg(self, height: float, chart_id: str, title: str, summary: str) -> str:
        """The finished picture, named by its title and described by its summary, or Illegible."""
        width = self.size.width
        if height > self.size.tallest:
            raise Illegible(f"{fmt(height)} units tall at most {fmt(self.size.tallest)}")
        for number, box in enumerate(self.boxes):
            if box.left < -0.5 or box.right > width + 0.5 or box.top < -0.5 or box.bottom > height + 0.5:
                raise Illegible("a label would fall outside the picture")
            if any(box.overlaps(other) for other in self.boxes[number + 1 :]):
                raise Illegible("two labels would overlap")
        svg = ET.Element(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "viewBox": f"0 0 {fmt(width)} {fmt(height)}",
                "width": fmt(width),
                "height": fmt(height),
                "role": "img",
                "aria-labelledby": f"{chart_id}-title",
                "aria-describedby": f"{chart_id}-desc",
                "font-family": FONT_FAMILY,
                "font-size": fmt(self.font),
                "class": f"lcsi-chart-svg lcsi-chart-{self.size.name}",
            },
        )
        ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
        ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = summary
        if self.themed:
            ET.SubElement(svg, "style").text = dark_style()
        for group in self.data.iter("g"):
            group.attrib.pop("data-colour", None)
        svg.extend(list(self.root))
        return ET.tostring(svg, encoding="unicode")


def dark_style() -> str:
    """CSS giving the site's charts the dark palette in dark mode, as Furo sets it (by choice or system)."""
    rules = [f".lcsi-series-{number}{{color:{colour}}}" for number, colour in enumerate(DARK_PALETTE, 1)]
    chosen = " ".join(f"body[data-theme=dark] {rule}" for rule in rules)
    automatic = " ".join(f"body:not([data-theme=light]) {rule}" for rule in rules)
    return f"{chosen} @media (prefers-color-scheme: dark){{{automatic}}}"


#: How far past ``size`` a marker reaches from its centre: a triangle's or diamond's points lie
#: one unit further out, and half the stroke's width beyond the shape.
MARKER_STROKE = 2
MARKER_REACH = 1 + MARKER_STROKE / 2


def draw_marker(parent: ET.Element, shape: str, x: float, y: float, *, size: float, colour: str) -> None:
    """A filled or open circle, square, triangle or diamond centred on (x, y)."""
    fill = "none" if shape.endswith("-open") else colour
    attributes = {"fill": fill, "stroke": colour, "stroke-width": str(MARKER_STROKE)}
    base = shape.removesuffix("-open")
    if base == "circle":
        ET.SubElement(parent, "circle", {"cx": fmt(x), "cy": fmt(y), "r": fmt(size), **attributes})
    elif base == "square":
        box = {"x": fmt(x - size), "y": fmt(y - size), "width": fmt(2 * size), "height": fmt(2 * size)}
        ET.SubElement(parent, "rect", {**box, **attributes})
    else:
        points = (
            [(x, y - size - 1), (x + size + 1, y + size), (x - size - 1, y + size)]
            if base == "triangle"
            else [(x, y - size - 1), (x + size + 1, y), (x, y + size + 1), (x - size - 1, y)]
        )
        ET.SubElement(parent, "polygon", {"points": " ".join(f"{fmt(a)},{fmt(b)}" for a, b in points), **attributes})
