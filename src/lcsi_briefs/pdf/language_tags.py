"""Words in another language keep their language in the PDF's tag tree, as ``/Lang`` (PDF/UA-1 7.2).

The pages mark a Polish name in an English briefing as ``<span lang="pl">``; WeasyPrint tags the
span as a ``/Span`` element but does not carry the ``lang`` over, so a screen reader would read
the name with English rules. WeasyPrint's tagger keeps no link from an element of the tree back
to the box it came from; it does make the ``/Span`` elements in one fixed order: a pre-order walk
of each page's boxes, an element per ``span`` box and one per text box outside a link. Walking
the laid-out boxes the same way pairs each ``/Span`` with its box, and the box's element has the
``lang``. When the two counts differ (a WeasyPrint whose tagger walks otherwise) nothing is
marked and the caller is told, rather than marking the wrong words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder


def _span_makers(box: Any, in_link: bool = False) -> Iterator[Any]:
    """Each box that makes a ``/Span`` element, in the order WeasyPrint makes them; a text box
    (whose element is its parent's) as None."""
    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    tag = None if box.element is None else box.element_tag
    if tag in ("html", "body") or isinstance(box, boxes.PageBox | boxes.MarginBox):
        if isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.LineBox):
            for child in box.children:
                yield from _span_makers(child, in_link)
        return
    if tag == "span":
        yield box
    link = tag is not None and tag.split(":")[0] == "a"
    for child in getattr(box, "children", ()):
        for kid in child.children if isinstance(child, boxes.LineBox) else [child]:
            if isinstance(kid, boxes.TextBox):
                if not link:
                    yield None
            else:
                yield from _span_makers(kid, link)


def mark_languages(document: Any, pdf: pydyf.PDF) -> int | None:
    """Give each ``/Span`` of an element with a ``lang`` that language; how many were marked,
    or None when there were some to mark but the tree could not be paired with the boxes
    (then none is)."""
    makers = [maker for page in document.pages for maker in _span_makers(page._page_box)]
    if not any(maker is not None and maker.element.get("lang") for maker in makers):
        return 0
    spans = [
        item
        for item in pdf.objects
        if isinstance(item, pydyf.Dictionary) and item.get("Type") == "/StructElem" and item.get("S") == "/Span"
    ]
    if len(makers) != len(spans):
        return None
    marked = 0
    for maker, span in zip(makers, spans, strict=True):
        language = None if maker is None else maker.element.get("lang")
        if language:
            span["Lang"] = pydyf.String(language)
            marked += 1
    return marked
