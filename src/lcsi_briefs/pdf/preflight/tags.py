"""The structure tree as a screen reader meets it: checked just before the PDF is written.

Run from WeasyPrint's ``finisher`` after :mod:`lcsi_briefs.pdf.tagging` has repaired the tree,
so what is checked is what is written: one Table element per table however many pages it
spans, a /Scope on every header cell, /Alt on every Figure, and no element left empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from lcsi_briefs.pdf.preflight.kinds import Kind, Measured


def _kids(element: Any) -> list[Any]:
    kids = element.get("K", [])
    return list(kids) if isinstance(kids, list) else [kids]


def tag_problems(
    elements: Iterable[Any], resolve: Callable[[Any], Any], page_numbers: dict[Any, int], tables: int
) -> list[Measured]:
    """Problems of the structure ``elements``; ``tables`` is how many HTML tables were laid out."""
    problems: list[Measured] = []
    listed = list(elements)
    tagged = [element for element in listed if element.get("S") == "/Table"]
    if len(tagged) > tables:
        first = page_numbers.get(tagged[0].get("Pg"), 1)
        message = f"{tables} tables are tagged as {len(tagged)} Table elements: a table split over pages is one table"
        problems.append(Measured(Kind.TAGS, first, message))
    for element in listed:
        role, page = str(element.get("S")), page_numbers.get(element.get("Pg"), 1)
        attributes = resolve(element.get("A"))
        if role == "/TH" and not (hasattr(attributes, "get") and attributes.get("Scope")):
            problems.append(Measured(Kind.TAGS, page, "a header cell (TH) has no /Scope"))
        elif role == "/Figure" and not str(getattr(element.get("Alt"), "string", "")).strip():
            problems.append(Measured(Kind.TAGS, page, "a Figure has no /Alt text"))
        if not _kids(element):
            problems.append(Measured(Kind.TAGS, page, f"an empty {role[1:]} element"))
    return problems
