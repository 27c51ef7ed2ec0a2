"""The printed page as the PDFs' stylesheets set it, read from the CSS itself: one reading for
every check that measures against the page before anything is rendered.

The running head (:mod:`lcsi_briefs.model.running_head`) must fit one line of the text column,
and no word of a table (:mod:`lcsi_briefs.model.table_fit`) may be wider than it. Both take the
column from :func:`text_column`, so they cannot disagree about the page: each read it with a
parser of its own, which had drifted apart (units, which sheet may set the paper). A printed
chart is kept under two thirds of :func:`body_height` (:mod:`lcsi_briefs.pages.chart_parts`).
What is read is what the print stylesheets hold: the first plain ``@page`` rule of each sheet,
its ``size`` (a paper keyword or a length) and ``margin`` shorthand, lengths in mm, cm, pt or
in; as in CSS, a later sheet's value wins.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lcsi_briefs.text.units import PT_PER_INCH, mm_to_pt, px_to_pt

STATIC = Path(__file__).parent.parent / "pdf" / "static"
#: Where the page is set (its size and margins), and what large print sets over it.
PRINT_SHEET, LARGE_PRINT_SHEET = STATIC / "print.css", STATIC / "large-print.css"
#: How charts, tables and key figures print: a printed chart's margins are read from it.
FIGURES_SHEET = STATIC / "figures.css"
#: Page sizes by the CSS keyword ``@page { size }`` takes, width in millimetres.
PAGE_WIDTHS_MM = {"a5": 148.0, "a4": 210.0, "a3": 297.0, "letter": 215.9, "legal": 215.9}
#: The same sizes' heights in millimetres.
PAGE_HEIGHTS_MM = {"a5": 210.0, "a4": 297.0, "a3": 420.0, "letter": 279.4, "legal": 355.6}
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
#: A rule without rules inside it: its selectors (or a margin box's name) and its declarations.
_RULE = re.compile(r"(?P<selectors>[^{};]+)\{(?P<body>[^{}]*)\}")
#: A length with its unit, or a bare 0 (a length too, and it counts towards which side is which).
_LENGTH = re.compile(r"(?<![\w.])(?:(?P<number>\d+(?:\.\d+)?)(?P<unit>mm|cm|pt|in|px)|0(?![\w.%]))")
_UNITS = {"mm": mm_to_pt(1), "cm": mm_to_pt(10), "pt": 1.0, "in": float(PT_PER_INCH), "px": px_to_pt(1)}
#: Which of a ``margin`` shorthand's values are the right and left margins, by how many it has.
_SIDES = {1: (0, 0), 2: (1, 1), 3: (1, 1), 4: (1, 3)}
#: Which are the top and bottom margins.
_ENDS = {1: (0, 0), 2: (0, 0), 3: (0, 2), 4: (0, 2)}


def print_sheets(*, large_print: bool) -> tuple[Path, ...]:
    """The stylesheets that set the page of regular or large print, in the order they apply."""
    return (PRINT_SHEET, LARGE_PRINT_SHEET) if large_print else (PRINT_SHEET,)


@cache
def sheet_text(path: Path) -> str:
    """A stylesheet with its comments left out (a commented-out rule sets nothing)."""
    return _COMMENT.sub("", path.read_text(encoding="utf-8"))


def points(value: str) -> list[float]:
    """Each length in a CSS value, in points: ``"17mm 16mm"`` gives two, ``"0 16mm"`` two."""
    return [
        float(match["number"]) * _UNITS[match["unit"]] if match["unit"] else 0.0 for match in _LENGTH.finditer(value)
    ]


def declarations(body: str) -> dict[str, str]:
    """A rule's ``property: value`` pairs, the last of each property winning."""
    pairs = (part.split(":", 1) for part in body.split(";") if ":" in part)
    # A margin box's name (``@top-left``), its rules left out, may stand before a property's.
    return {name.split()[-1]: value.strip() for name, value in pairs if name.split()}


def rule(sheet: str, selector: str) -> dict[str, str]:
    """The declarations of every rule of ``sheet`` listing ``selector``, a later one's winning.

    A rule is read where it stands, nested or not, so a margin box (``@top-left``) inside the
    ``@page`` rule is found by its name as an element's rule is by its selector.
    """
    found: dict[str, str] = {}
    for match in _RULE.finditer(sheet):
        if selector in (part.strip() for part in match["selectors"].split(",")):
            found |= declarations(match["body"])
    return found


def font_size(sheet: str, selector: str, size: float = 0.0) -> float:
    """The font size (points) the rules of ``sheet`` listing ``selector`` set; else ``size``."""
    found = points(rule(sheet, selector).get("font-size", ""))
    return found[0] if found else size


def line_height(sheet: str, selector: str, height: float = 0.0) -> float:
    """The unitless ``line-height`` the rules of ``sheet`` listing ``selector`` set; else ``height``."""
    value = rule(sheet, selector).get("line-height", "")
    try:
        return float(value)
    except ValueError:
        return height


def text_size(*, large_print: bool) -> float:
    """The body text's size (points) in regular or large print, a later sheet's value winning."""
    size = 0.0
    for path in print_sheets(large_print=large_print):
        size = font_size(sheet_text(path), "html", size)
    return size


def block_margins(sheet: str, selector: str) -> tuple[float, float]:
    """The top and bottom margins (points) the ``margin`` shorthand of ``selector``'s rules sets."""
    values = points(rule(sheet, selector).get("margin", ""))
    if not values:
        return 0.0, 0.0
    top, bottom = _ENDS[len(values)]
    return values[top], values[bottom]


def page_rule(sheet: str) -> dict[str, str]:
    """The declarations of the sheet's first plain ``@page`` rule, its margin boxes left out."""
    start = re.search(r"@page\s*\{", sheet)
    if start is None:
        return {}
    depth, own = 1, []
    for char in sheet[start.end() :]:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            break
        own.append(char if depth == 1 and char != "}" else "")
    return declarations("".join(own))


@cache
def _page(*, large_print: bool) -> tuple[float, float, list[float]]:
    """The paper's width and height and the ``margin`` shorthand's lengths (points), as the
    print sheets set them in regular or large print, a later sheet's value winning."""
    width, height, margins = mm_to_pt(PAGE_WIDTHS_MM["a4"]), mm_to_pt(PAGE_HEIGHTS_MM["a4"]), [0.0]
    for path in print_sheets(large_print=large_print):
        page = page_rule(sheet_text(path))
        if size := page.get("size", "").split():
            given = points(" ".join(size[:2]))
            if given:
                width, height = given[0], given[1] if len(given) > 1 else given[0]
            else:
                width, height = mm_to_pt(PAGE_WIDTHS_MM[size[0].lower()]), mm_to_pt(PAGE_HEIGHTS_MM[size[0].lower()])
        if "margin" in page:
            margins = points(page["margin"])
    return width, height, margins


def text_column(*, large_print: bool) -> float:
    """The width (points) between the page's left and right margins in regular or large print."""
    width, _, margins = _page(large_print=large_print)
    right, left = _SIDES[len(margins)]
    return width - margins[right] - margins[left]


def body_height(*, large_print: bool) -> float:
    """The height (points) between the page's top and bottom margins in regular or large print.

    A printed chart is kept under two thirds of it (:mod:`lcsi_briefs.pages.chart_parts`).
    """
    _, height, margins = _page(large_print=large_print)
    top, bottom = _ENDS[len(margins)]
    return height - margins[top] - margins[bottom]
