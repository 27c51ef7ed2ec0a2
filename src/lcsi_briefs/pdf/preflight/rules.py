"""The page rules a publisher's preflight applies, each one function over a measured :class:`Layout`."""

from __future__ import annotations

import itertools
import re
from typing import Any

from lcsi_briefs.model.problems import quoted
from lcsi_briefs.model.running_head import RUNNING_HEAD_ID
from lcsi_briefs.pdf.preflight.kinds import Kind
from lcsi_briefs.pdf.preflight.layout import Layout, text_of
from lcsi_briefs.pdf.reader_checks import LARGE_PRINT_POINTS
from lcsi_briefs.text.counts import counted
from lcsi_briefs.text.units import pt_to_px, px_to_pt

#: Elements that head what follows them; a ``p`` holding only a ``strong`` is a run-in heading.
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "caption", "dt"}
#: Blocks whose first or last line must not stand alone on a page.
BLOCKS = {"p", "li", "dd", "blockquote", "section", "figure", "div", "ul", "ol", "dl"}
#: At least this many lines of what a heading heads on the heading's own page.
HEADING_LINES = 2
#: At least this many body rows of a table on each page it spans.
TABLE_ROWS = 3
#: An inner page less full than this wastes paper.
LEAST_FILL = 1 / 3
#: 16pt in CSS pixels, WeasyPrint's unit, less a rounding tolerance.
LARGE_PRINT_PX = pt_to_px(LARGE_PRINT_POINTS) - 0.01
#: How far (CSS pixels) text may reach past its box before it counts as outside it.
TOLERANCE = 1.0
_TAIL = re.compile(r"\w[\w.,%'\u2019]*$")
_HEAD = re.compile(r"^[\w.,%'\u2019]*\w")
_NUMBER = re.compile(r"^[\d.,%]+$")
_URL = re.compile(r"://|www\.|/|@")


def _is_heading(element: Any) -> bool:
    if element.tag in HEADINGS:
        return True
    # "Limitations:" over a list heads it; "Design: A 12-month programme..." is a paragraph that
    # opens with a bold label, and may break like any other.
    kids = list(element)
    if element.tag != "p" or len(kids) != 1 or kids[0].tag != "strong":
        return False
    return not (element.text or "").strip() and not (kids[0].tail or "").strip()


def _describe(element: Any) -> str:
    text = text_of(element)
    return quoted(text) if text else f"<{element.tag}>"


def stranded_headings(layout: Layout) -> None:
    """A heading or caption keeping fewer than two lines of what it heads on its own page."""
    reported: set[int] = set()
    for element in layout.style:
        container = layout.parent.get(element)
        if container is None or not _is_heading(element):
            continue
        for page, following in itertools.pairwise(layout.pages):
            own = page.lines.get(element)
            if not own or page.number in reported or not following.lines.get(container):
                continue
            below = [y for y in page.lines.get(container, ()) if y > max(own)]
            if len(below) >= HEADING_LINES:
                continue
            reported.add(page.number)
            what = "caption" if element.tag == "caption" else "heading"
            layout.add(
                Kind.STRANDED,
                page.number,
                f"the {what} {_describe(element)} ends the page with {counted(len(below), 'line')} "
                f"of what it heads; the rest is on page {following.number}",
                element,
            )


def widows_and_orphans(layout: Layout) -> None:
    """A block's first line alone at a page foot (orphan), or its last alone at a page top (widow)."""
    seen: set[tuple[Kind, int]] = {(Kind.ORPHAN, p.page) for p in layout.problems if p.kind is Kind.STRANDED}
    for element in layout.style:
        if element.tag not in BLOCKS:
            continue
        pages = layout.pages_of(element)
        if len(pages) < 2:
            continue
        for kind, page, where in ((Kind.ORPHAN, pages[0], "first line"), (Kind.WIDOW, pages[-1], "last line")):
            if len(page.lines[element]) == 1 and (kind, page.number) not in seen:
                seen.add((kind, page.number))
                foot = "foot" if kind is Kind.ORPHAN else "top"
                layout.add(
                    kind,
                    page.number,
                    f"the {where} of {_describe(element)} is alone at the {foot} of the page",
                    element,
                )


def table_fragments(layout: Layout) -> None:
    """A table split leaving fewer than three body rows on a page, or going on without its header."""
    for table in dict.fromkeys(table for page in layout.pages for table in page.rows):
        pages = [page for page in layout.pages if page.rows.get(table)]
        if len(pages) < 2:
            continue
        counts = [page.rows[table] for page in pages]
        if min(counts) < TABLE_ROWS:
            parts = ", ".join(f"{count} on page {page.number}" for count, page in zip(counts, pages, strict=True))
            layout.add(
                Kind.TABLE,
                pages[0].number,
                f"the table {_describe(table)} is split into fragments of {parts} body rows "
                f"(at least {TABLE_ROWS} each side, or the whole table on one page)",
                table,
            )
        if any(table in page.headed for page in pages[:1]):
            for page in pages[1:]:
                if table not in page.headed:
                    layout.add(
                        Kind.TABLE, page.number, f"the table {_describe(table)} goes on without its header row", table
                    )


def page_fill(layout: Layout) -> None:
    """An inner page (not the first or last) less than a third full, unless the design ends it."""
    forced = layout.forced_ends()
    for page in layout.pages[1:-1]:
        fill = (page.bottom - page.top) / page.height if page.height else 1.0
        if fill < LEAST_FILL and page.number not in forced:
            layout.add(Kind.UNDERFULL, page.number, f"the page is {fill:.0%} full (at least a third expected)")


def _in(element: Any, layout: Layout, tags: set[str]) -> bool:
    while element is not None:
        if element.tag in tags:
            return True
        element = layout.parent.get(element)
    return False


def broken_words(layout: Layout, *, large_print: bool) -> None:
    """A word, number, name or column header cut across two lines.

    WeasyPrint strips the space a line ends on, so the lines alone cannot tell "word | word"
    from "wo | rd"; the element the text came from can: the two pieces joined without a space
    are in its text, and joined with one are not. A hyphenation break ends its line with the
    hyphenation character. Only a word hyphenated where its language allows, in regular print
    and outside a table header, may break.
    """
    reported: set[int] = set()
    for before, after in itertools.pairwise(layout.lines):
        if before.block is not after.block or id(before.block) in reported:
            continue
        first, second = before.last, after.first
        text = first.text.rstrip()
        hyphen = first.style["hyphenate_character"]
        hyphenated = bool(hyphen) and text.endswith(hyphen) and first.style["hyphens"] != "none"
        text = text.removesuffix(hyphen) if hyphenated else text
        tail, head = _TAIL.search(text), _HEAD.search(second.text.lstrip())
        if tail is None or head is None or first.element is None:
            continue
        token = tail.group() + head.group()
        source = " ".join("".join(first.element.itertext()).replace("\u00ad", "").split())
        if not hyphenated and (token not in source or f"{tail.group()} {head.group()}" in source):
            continue
        if _URL.search(token) or (_in(first.element, layout, {"a"}) and _URL.search(source)):
            continue  # a web address may break where it must
        number = bool(_NUMBER.match(token)) and any(c.isdigit() for c in token)
        header = _in(first.element, layout, {"th"})
        if hyphenated and not (number or header or large_print):
            continue
        what = "number" if number else "table header" if header else "word"
        reported.add(id(before.block))  # once per paragraph or cell: the first break says what to fix
        layout.add(Kind.BROKEN, after.page, f"the {what} {token!r} is broken across two lines", before.block)


def large_print(layout: Layout) -> list[list[float]]:
    """UKAAF large print: no text under 16pt, none in italics (running header and footer included).

    Returns each page's text sizes in CSS pixels, read in the same walk: the reader check takes
    the body text's median from them (:func:`lcsi_briefs.pdf.reader_checks.reader_facts`).
    """
    sizes: list[list[float]] = [[] for _ in layout.pages]
    reported: set[tuple[int, str]] = set()
    for number, box, _block in layout.texts:
        size, style = box.style["font_size"], box.style["font_style"]
        sizes[number - 1].append(float(size))
        problem = ""
        if size < LARGE_PRINT_PX:
            problem = f"{px_to_pt(size):.1f}pt text (16pt at least)"
        elif style != "normal":
            problem = f"{style} text"
        if problem and (number, problem) not in reported:
            reported.add((number, problem))
            layout.add(Kind.LARGE_PRINT, number, f"{problem}: {quoted(box.text.strip(), 40)}", box.element)
    return sizes


def outside(layout: Layout) -> None:
    """Text beyond the page's edge, or wider than the box it is set in (a cell, a column)."""
    pages = {page.number: page for page in layout.pages}
    reported: set[int] = set()
    for number, box, block in layout.texts:
        page = pages[number]
        right, bottom = box.position_x + box.width, box.position_y + box.height
        # Up and down, a page margin's text is held to its margin (:func:`margin_text`).
        below = block is not None and bottom > page.full_height
        off_page = box.position_x < -TOLERANCE or right > page.width + TOLERANCE or below
        # A line may reach past its block only by a space WeasyPrint has not yet trimmed.
        overflows = block is not None and right > block.content_box_x() + block.width + TOLERANCE
        if not (off_page or overflows):
            continue
        if number in reported:
            layout.found.append((Kind.OUTSIDE, box.element))  # not said twice, but mended (keep.tables)
            continue
        reported.add(number)
        where = "beyond the page's edge" if off_page else "wider than the box it is set in"
        layout.add(Kind.OUTSIDE, number, f"text {quoted(box.text.strip(), 40)} runs {where}", box.element)


def margin_text(layout: Layout) -> None:
    """Running header or footer text beyond its margin: past the page's top or bottom edge, or
    into the page's text (a title wrapped to more lines than the margin holds).

    Located at the title that sets the running head (the header's left-hand box), else at the page.
    """
    title = next((element for element in layout.style if element.get("id") == RUNNING_HEAD_ID), None)
    reported: set[int] = set()
    for number, box, margin in layout.margins:
        top, bottom = box.position_y, box.position_y + box.height
        above, below = margin.position_y, margin.position_y + margin.margin_height()
        if number in reported or (top >= above - TOLERANCE and bottom <= below + TOLERANCE):
            continue
        reported.add(number)
        header = margin.at_keyword.startswith("@top")
        edge = top < above - TOLERANCE if header else bottom > below + TOLERANCE
        where = (
            ("above the page's top edge" if header else "below the page's bottom edge")
            if edge
            else ("down into the page's text" if header else "up into the page's text")
        )
        what = "running header" if header else "footer"
        layout.add(
            Kind.OUTSIDE,
            number,
            f"the {what} text {quoted(box.text.strip(), 40)} runs {where}",
            title if margin.at_keyword == "@top-left" else None,
        )
