"""One walk over a laid-out WeasyPrint document: where every element's lines fall, page by page.

Preflight reads the boxes WeasyPrint has already laid out (``Document.pages``), before the
PDF is written. A box split over two pages appears once on each with the same HTML element,
which is what tells a heading stranded at a page foot, a widowed line or a table cut into
fragments; every text box keeps its style, so sizes and italics are exact, not read back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from weasyprint.formatting_structure import boxes

from lcsi_briefs.pdf.preflight.kinds import Kind, Measured

#: CSS values of break-before/-after that force a new page.
FORCED = {"page", "left", "right", "recto", "verso"}


@dataclass
class Page:
    """What one page holds: each element's line positions, and each table's rows."""

    number: int
    top: float
    height: float
    width: float
    full_height: float
    #: The lowest edge of any line or picture in the body (not the running header or footer).
    bottom: float = 0.0
    lines: dict[Any, set[float]] = field(default_factory=lambda: defaultdict(set))
    rows: dict[Any, int] = field(default_factory=lambda: defaultdict(int))
    headed: set[Any] = field(default_factory=set)


@dataclass(frozen=True)
class Line:
    """A line of text: its page, the element of its block, and its first and last text boxes."""

    page: int
    block: Any
    first: Any
    last: Any


@dataclass
class Layout:
    """The measured document, and the problems found in it so far."""

    pages: list[Page]
    #: Each HTML element's parent (ElementTree keeps no parent links).
    parent: dict[Any, Any]
    #: Each laid-out element's computed style, in document order.
    style: dict[Any, Any]
    #: Every line of body text, in order.
    lines: list[Line]
    #: Every text box with its page and the block its line is set in (None in a page margin).
    texts: list[tuple[int, Any, Any]]
    problems: list[Measured] = field(default_factory=list)
    #: Every text box of a page margin (running header, footer) with its page and its margin box.
    margins: list[tuple[int, Any, Any]] = field(default_factory=list)
    #: Each problem's kind and element (None for a page), for :mod:`lcsi_briefs.pdf.preflight.keep`.
    found: list[tuple[Kind, Any]] = field(default_factory=list)

    def anchors(self, element: Any) -> tuple[str, ...]:
        """The ids of ``element`` and its ancestors, innermost first: where it is in the pack."""
        found: list[str] = []
        while element is not None:
            if element.get("id"):
                found.append(str(element.get("id")))
            element = self.parent.get(element)
        return tuple(found)

    def add(self, kind: Kind, page: int, message: str, element: Any = None) -> None:
        anchors = self.anchors(element) if element is not None else ()
        self.problems.append(Measured(kind, page, message, anchors))
        self.found.append((kind, element))

    def pages_of(self, element: Any) -> list[Page]:
        return [page for page in self.pages if page.lines.get(element)]

    def tables(self) -> set[Any]:
        """The HTML tables laid out, however many pages each spans (a stacked one has no table rows)."""
        rows = {table for page in self.pages for table in (*page.rows, *page.headed)}
        return rows | {element for element in self.style if element.tag == "table"}

    def forced_ends(self) -> set[int]:
        """Pages that end where the design forces a new page (after a cover or contents)."""
        ends: set[int] = set()
        for element, style in self.style.items():
            pages = self.pages_of(element)
            if not pages:
                continue
            if style["break_after"] in FORCED:
                ends.add(pages[-1].number)
            if style["break_before"] in FORCED:
                ends.add(pages[0].number - 1)
        return ends


def text_of(element: Any) -> str:
    """An element's text as printed, whitespace folded (without the site's hidden ¶ links)."""
    return " ".join("".join(element.itertext()).replace("\u00b6", "").split())


def _visible(box: Any) -> bool:
    if isinstance(box, boxes.ReplacedBox):
        return True
    return any(isinstance(d, boxes.TextBox) and d.text.strip() for d in box.descendants())


def _texts(line: Any) -> list[Any]:
    """A line's text boxes from the document (not generated content), in order."""
    return [
        box
        for box in line.descendants()
        if isinstance(box, boxes.TextBox) and box.text.strip() and "::" not in (box.element_tag or "")
    ]


class _Walker:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def page(self, number: int, page_box: Any) -> None:
        page = Page(
            number,
            top=page_box.content_box_y(),
            height=page_box.height,
            width=page_box.margin_width(),
            full_height=page_box.margin_height(),
        )
        page.bottom = page.top
        self.layout.pages.append(page)
        self._visit(page_box, (), page, None, margin=None)

    def _visit(self, box: Any, ancestors: tuple[Any, ...], page: Page, block: Any, *, margin: Any) -> None:
        if isinstance(box, boxes.MarginBox):
            margin = box
        if isinstance(box, boxes.TextBox) and box.text.strip():
            self.layout.texts.append((page.number, box, None if margin is not None else block))
            if margin is not None:
                self.layout.margins.append((page.number, box, margin))
        if margin is None:
            self._body(box, ancestors, page)
        if isinstance(box, boxes.LineBox) and ancestors:
            block = ancestors[-1]
        inner = (*ancestors, box)
        for child in getattr(box, "children", ()):
            self._visit(child, inner, page, block, margin=margin)

    def _body(self, box: Any, ancestors: tuple[Any, ...], page: Page) -> None:
        if box.element is not None and "::" not in (box.element_tag or ""):
            self.layout.style.setdefault(box.element, box.style)
        if isinstance(box, boxes.LineBox | boxes.ReplacedBox) and _visible(box):
            y = round(box.position_y, 1)
            page.bottom = max(page.bottom, box.position_y + box.margin_height())
            for element in {a.element for a in ancestors if a.element is not None}:
                page.lines[element].add(y)
                if isinstance(box, boxes.ReplacedBox):
                    page.lines[element].add(y + 0.5)  # a picture keeps a heading company as two lines do
            if isinstance(box, boxes.LineBox) and (texts := _texts(box)) and ancestors:
                self.layout.lines.append(Line(page.number, ancestors[-1].element, texts[0], texts[-1]))
        if isinstance(box, boxes.TableRowBox) and ancestors:
            group = ancestors[-1]
            table = next((a.element for a in reversed(ancestors) if isinstance(a, boxes.TableBox)), None)
            if table is not None and group.is_header:
                page.headed.add(table)
            elif table is not None and not group.is_footer:
                page.rows[table] += 1


def measure_layout(document: Any) -> Layout:
    """Walk every page's boxes once."""
    root = document.pages[0]._page_box.children[0].element if document.pages else None
    parent = {child: node for node in root.iter() for child in node} if root is not None else {}
    layout = Layout([], parent, {}, [], [])
    walker = _Walker(layout)
    for number, page in enumerate(document.pages, start=1):
        walker.page(number, page._page_box)
    return layout
