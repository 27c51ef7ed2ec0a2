"""Heading levels and bookmarks: one outline, the same in the tags, the print sizes and the bookmarks.

A screen reader navigates by the heading levels (WeasyPrint tags ``<hN>`` as /HN) and a reader
of the PDF by its bookmarks (made from the headings' ``bookmark-level``). A heading inside a
section must sit below that section's own heading, in level and in print size; levels never
skip going down; and each bookmark nests where its heading's level puts it.
"""

from __future__ import annotations

import itertools
from typing import Any

from lcsi_briefs.model.problems import quoted
from lcsi_briefs.pdf.preflight.kinds import Kind
from lcsi_briefs.pdf.preflight.layout import Layout, text_of

_LEVELS = {f"h{n}": n for n in range(1, 7)}


def _headings(layout: Layout) -> list[tuple[Any, int]]:
    """Every laid-out heading with its level, in document order."""
    return [(element, _LEVELS[element.tag]) for element in layout.style if element.tag in _LEVELS]


def _page(layout: Layout, element: Any) -> int:
    pages = layout.pages_of(element)
    return pages[0].number if pages else 1


def _own_heading(section: Any) -> Any:
    """A section's own heading: its first child, or the first heading of a header it opens with."""
    first = next(iter(section), None)
    if first is not None and first.tag == "header":
        first = next((child for child in first.iter() if child.tag in _LEVELS), None)
    return first if first is not None and first.tag in _LEVELS else None


def _section_heading(layout: Layout, element: Any) -> Any:
    """The heading of the nearest section around ``element`` that is not its own."""
    section = layout.parent.get(element)
    while section is not None:
        own = _own_heading(section) if section.tag == "section" else None
        if own is not None and own is not element:
            return own
        section = layout.parent.get(section)
    return None


def heading_order(layout: Layout) -> None:
    """Levels that skip going down, or a heading not below its own section's heading."""
    headings = _headings(layout)
    for (_, before), (element, level) in itertools.pairwise(headings):
        if level > before + 1:
            layout.add(
                Kind.HEADINGS,
                _page(layout, element),
                f"the heading {quoted(text_of(element))} is H{level} after an H{before}: levels skip",
                element,
            )
    for element, level in headings:
        above = _section_heading(layout, element)
        if above is None:
            continue
        above_level = _LEVELS[above.tag]
        size, above_size = layout.style[element]["font_size"], layout.style.get(above, {"font_size": 0})["font_size"]
        if level < above_level:
            problem = f"is H{level} inside the section of the H{above_level} {quoted(text_of(above), 40)}"
        elif size > above_size + 0.01:
            problem = f"is printed larger than the heading of its section, {quoted(text_of(above), 40)}"
        else:
            continue
        layout.add(Kind.HEADINGS, _page(layout, element), f"the heading {quoted(text_of(element))} {problem}", element)


def bookmarks(layout: Layout, document: Any) -> None:
    """Each heading's bookmark at its heading's level (or deliberately none)."""
    marked = [(level, label) for page in document.pages for level, label, _target, _state in page.bookmarks]
    headings = {text_of(element): level for element, level in _headings(layout)}
    for level, label in marked:
        expected = headings.get(" ".join(label.split()))
        if expected is not None and expected != level:
            layout.add(
                Kind.BOOKMARKS,
                1,
                f"the bookmark {quoted(label)} is at level {level}, its heading at level {expected}",
            )
