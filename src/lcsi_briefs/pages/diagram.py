"""The pathways diagram: functions → outcome pathways → who benefits, drawn as plain SVG.

Plain SVG with no script, so it shows in any browser, prints, and embeds in the PDF. It is
built with ElementTree, so text from the pack is always escaped as XML text. It draws its own
opaque panel: every colour in it sits on a background the diagram chooses, so its contrast
holds on the site's light and dark pages alike (``colour_pairs`` lists them for the tests).
"""

from __future__ import annotations

import base64
import functools
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from lcsi_briefs.model.fields import written_tag
from lcsi_briefs.model.pack import Pack

WIDTH = 720
BOX_WIDTH = 190
FONT_SIZE = 15
LINE_HEIGHT = 19
PADDING = 10
GAP = 14
TOP = 56
COLUMN_X = (4, 265, 526)
COLOURS = (("#e8f0fb", "#1f4e8c"), ("#fdf1e1", "#8a4b08"), ("#e6f4ea", "#1e6b34"))
TEXT_COLOUR = "#1a1a1a"
EDGE_COLOUR = "#5f6368"
PANEL_COLOUR = "#ffffff"
#: The PDFs' typeface first (the site and the PDFs bundle it), then common fallbacks.
FONT_FAMILY = "Atkinson Hyperlegible, DejaVu Sans, Verdana, Arial, sans-serif"
#: The faces the diagram embeds (the same files as the PDFs, so a PDF never holds two files under
#: one name): a picture on a web page cannot use the page's fonts.
FONT_FILES = {
    "400": "atkinson-hyperlegible-400-normal.woff",
    "700": "atkinson-hyperlegible-700-normal.woff",
}
FONT_DIR = Path(__file__).parent.parent / "pdf" / "fonts"
#: Roughly how many characters of the diagram font fit across a box.
CHARS_PER_LINE = int((BOX_WIDTH - 2 * PADDING) / (FONT_SIZE * 0.56))


@functools.cache
def embedded_fonts() -> str:
    """``@font-face`` rules with the bundled face inline, so the diagram is set in it everywhere."""
    rules = []
    for weight, name in FONT_FILES.items():
        data = base64.b64encode((FONT_DIR / name).read_bytes()).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "Atkinson Hyperlegible"; font-weight: {weight}; '
            f'src: url("data:font/woff;base64,{data}") format("woff"); unicode-range: U+0020-007E, U+00A0-00FF; }}'
        )
    return "\n".join(rules)


def colour_pairs() -> list[tuple[str, str, str]]:
    """Every (foreground, background, kind) the diagram draws; kind is "text" or "graphic".

    Text needs 4.5:1 (WCAG 1.4.3), box outlines and connecting lines 3:1 (WCAG 1.4.11).
    """
    pairs = [(TEXT_COLOUR, PANEL_COLOUR, "text"), (EDGE_COLOUR, PANEL_COLOUR, "graphic")]
    for fill, stroke in COLOURS:
        pairs += [(TEXT_COLOUR, fill, "text"), (stroke, PANEL_COLOUR, "graphic")]
    return pairs


@dataclass
class Box:
    key: str
    lines: list[str]
    x: int
    y: int = 0

    @property
    def height(self) -> int:
        return len(self.lines) * LINE_HEIGHT + 2 * PADDING

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def _column(names: list[tuple[str, str]], x: int) -> list[Box]:
    boxes = []
    for key, name in names:
        lines = textwrap.wrap(name, CHARS_PER_LINE, break_long_words=True) or [""]
        boxes.append(Box(key, lines, x))
    return boxes


def _stack(boxes: list[Box], height: float, top: int) -> None:
    """Centre a column vertically so the shorter columns sit in the middle of the tallest."""
    total = sum(box.height for box in boxes) + GAP * (len(boxes) - 1)
    y = top + (height - total) / 2
    for box in boxes:
        box.y = round(y)
        y += box.height + GAP


def pathways_svg(pack: Pack, title: str, description: str, headings: tuple[str, str, str]) -> str:
    """The diagram for one pack, or an empty string when the pack has no pathways.

    ``headings`` name the three columns (functions, pathways, who benefits) in the pack's language.
    """
    if not pack.pathways:
        return ""
    used_functions = {f for pathway in pack.pathways for f in pathway.functions}
    used_audiences = {a for pathway in pack.pathways for a in pathway.beneficiaries}
    columns = [
        _column([(f.id, f.name) for f in pack.functions if f.id in used_functions], COLUMN_X[0]),
        _column([(p.id, p.name) for p in pack.pathways], COLUMN_X[1]),
        _column([(a.id, a.name) for a in pack.audiences if a.id in used_audiences], COLUMN_X[2]),
    ]
    # A heading wider than its column wraps (cut short, "The five functions…" lost its subject);
    # the boxes move down by the extra lines of the longest.
    heading_lines = [textwrap.wrap(heading, CHARS_PER_LINE) or [""] for heading in headings]
    top = TOP + (max(len(lines) for lines in heading_lines) - 1) * LINE_HEIGHT
    tallest = max(sum(b.height for b in column) + GAP * (len(column) - 1) for column in columns)
    for column in columns:
        _stack(column, tallest, top)
    height = round(top + tallest + 20)

    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": str(WIDTH),
            "height": str(height),
            "role": "img",
            "lang": written_tag(pack.briefing.language),
            "aria-labelledby": "diagram-title diagram-desc",
            "font-family": FONT_FAMILY,
            "font-size": str(FONT_SIZE),
        },
    )
    ET.SubElement(svg, "title", {"id": "diagram-title"}).text = title
    ET.SubElement(svg, "desc", {"id": "diagram-desc"}).text = description
    ET.SubElement(svg, "style").text = embedded_fonts()
    ET.SubElement(svg, "rect", {"x": "0", "y": "0", "width": "100%", "height": "100%", "fill": PANEL_COLOUR})
    for x, lines in zip(COLUMN_X, heading_lines, strict=True):
        text = ET.SubElement(svg, "text", {"x": str(x), "y": "24", "font-weight": "bold", "fill": TEXT_COLOUR})
        for number, line in enumerate(lines):
            ET.SubElement(text, "tspan", {"x": str(x), "dy": "0" if number == 0 else str(LINE_HEIGHT)}).text = line

    by_key = [{box.key: box for box in column} for column in columns]
    edges = ET.SubElement(svg, "g", {"fill": "none", "stroke": EDGE_COLOUR, "stroke-width": "1.5"})
    for pathway in pack.pathways:
        middle = by_key[1][pathway.id]
        for function_id in pathway.functions:
            _edge(edges, by_key[0][function_id], middle)
        for audience_id in pathway.beneficiaries:
            _edge(edges, middle, by_key[2][audience_id])

    for column, (fill, stroke) in zip(columns, COLOURS, strict=True):
        for box in column:
            ET.SubElement(
                svg,
                "rect",
                {
                    "x": str(box.x),
                    "y": str(box.y),
                    "width": str(BOX_WIDTH),
                    "height": str(box.height),
                    "rx": "6",
                    "fill": fill,
                    "stroke": stroke,
                    "stroke-width": "2",
                },
            )
            for number, line in enumerate(box.lines):
                text = ET.SubElement(
                    svg,
                    "text",
                    {
                        "x": str(box.x + PADDING),
                        "y": str(box.y + PADDING + (number + 1) * LINE_HEIGHT - 5),
                        "fill": TEXT_COLOUR,
                    },
                )
                text.text = line
    return ET.tostring(svg, encoding="unicode") + "\n"


def _edge(group: ET.Element, start: Box, end: Box) -> None:
    x1, y1 = start.x + BOX_WIDTH, start.middle
    x2, y2 = end.x, end.middle
    bend = (x2 - x1) / 2
    ET.SubElement(group, "path", {"d": f"M{x1},{y1:.1f} C{x1 + bend},{y1:.1f} {x2 - bend},{y2:.1f} {x2},{y2:.1f}"})
