"""Keep together what the first layout parted: a second layout for what CSS cannot know.

The print stylesheets keep a heading with its first paragraph, a list's first and last two
items, a quotation with its attribution. What no stylesheet can say is "this block is one line
long": a heading over a one-line paragraph and a box that moves whole, or a section ending in a
one-line "Sources:" after a quotation, still part at a page break. Preflight has measured
exactly where, so the fix is made there: the block that would be left alone is told to keep with
its neighbour (``break-after`` or ``break-before: avoid`` on the element itself), and the pages
are laid out again. A data table with text outside its cells is narrowed the same way: set
smaller, then stacked (:func:`tables`). The render keeps a new layout only when it is better
(see ``_kept`` in :mod:`lcsi_briefs.pdf.render`).
"""

from __future__ import annotations

from typing import Any

from lcsi_briefs.pdf.preflight.kinds import Kind
from lcsi_briefs.pdf.preflight.layout import Layout

#: The problems a keep can mend.
MENDED = {Kind.STRANDED, Kind.WIDOW, Kind.ORPHAN}
#: The classes of a data table set smaller, and stacked (``pdf/static/figures.css``).
SMALL, STACKED = "lcsi-table-small", "lcsi-table-stacked"


def _blocks(layout: Layout, element: Any) -> list[Any]:
    """The laid-out block children of ``element`` (a keep on an inline element holds nothing)."""
    return [
        child
        for child in element
        if child in layout.style and layout.style[child]["display"][0] != "inline" and layout.pages_of(child)
    ]


def _spans(layout: Layout, element: Any) -> bool:
    return len(layout.pages_of(element)) > 1


def _inward(layout: Layout, element: Any, *, last: bool) -> Any:
    """The innermost first (or last) block of ``element`` that the page break does not cut."""
    while _spans(layout, element) and (children := _blocks(layout, element)):
        element = children[-1 if last else 0]
    return element


def _sibling_after(layout: Layout, element: Any, parent: Any) -> Any:
    children = _blocks(layout, parent)
    index = children.index(element) if element in children else len(children)
    return children[index + 1] if index + 1 < len(children) else None


def keeps(layout: Layout) -> dict[Any, str]:
    """Each element to hold to its neighbour, and the CSS property that holds it."""
    found: dict[Any, str] = {}
    for kind, element in layout.found:
        if kind not in MENDED or element is None:
            continue
        if kind is Kind.STRANDED:
            parent = layout.parent.get(element)
            heads = _sibling_after(layout, element, parent) if parent is not None else None
            if heads is None:
                continue
            if min(page.number for page in layout.pages_of(heads)) > max(p.number for p in layout.pages_of(element)):
                found[heads] = "break-before"  # nothing of it under the heading: it joins the heading
            else:
                found[_inward(layout, heads, last=False)] = "break-after"
        elif kind is Kind.WIDOW:
            children = _blocks(layout, element)
            if children:
                found[_inward(layout, children[-1], last=True)] = "break-before"
        else:
            children = _blocks(layout, element)
            if children:
                found[_inward(layout, children[0], last=False)] = "break-after"
    return found


def _table(layout: Layout, element: Any) -> Any:
    while element is not None and element.tag != "table":
        element = layout.parent.get(element)
    return element if element is not None and "lcsi-table" in (element.get("class") or "").split() else None


def tables(layout: Layout, *, large_print: bool) -> dict[Any, str]:
    """Each data table with text outside its box, and the class of its next, narrower layout.

    Set smaller first (not in large print, which never goes under 16pt), then stacked.
    """
    found: dict[Any, str] = {}
    for kind, element in layout.found:
        table = _table(layout, element) if kind is Kind.OUTSIDE else None
        if table is None:
            continue
        classes = (table.get("class") or "").split()
        if STACKED not in classes:
            found[table] = STACKED if large_print or SMALL in classes else SMALL
    return found


def apply(found: dict[Any, str]) -> None:
    """Write each keep into the element's own style, where the next layout reads it."""
    for element, prop in found.items():
        style = (element.get("style") or "").strip().rstrip(";")
        element.set("style", f"{style}; {prop}: avoid" if style else f"{prop}: avoid")


def narrow(found: dict[Any, str]) -> None:
    """Give each table its narrower class; a stacked table's cells carry their column's header."""
    for table, name in found.items():
        table.set("class", f"{table.get('class') or ''} {name}".strip())
        if name != STACKED:
            continue
        header = [" ".join("".join(cell.itertext()).split()) for cell in table.iterfind("thead/tr/th")]
        for row in table.iterfind("tbody/tr"):
            for label, cell in zip(header, row, strict=False):
                if cell.tag == "td" and label:
                    cell.set("data-label", label)
