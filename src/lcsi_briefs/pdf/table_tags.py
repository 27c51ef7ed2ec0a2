"""Say which way each table header cell points: /Scope on the TH elements of a tagged PDF.

WeasyPrint tags table cells as TH and TD and gives each TD the /Headers of its header cells,
but writes no /Scope on TH. Assistive technology that reads Scope (and PDF/UA checkers that
look for it) then cannot tell a column header from a row header. The HTML says it with
``scope``; in the structure tree a header cell inside THead heads a column, and one in a body
row heads its row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

#: Turns a reference stored in the structure tree into the object it points at.
Resolve = Callable[[Any], Any]


def header_scope(ancestors: Iterable[str]) -> str:
    """ "/Column" for a header cell in THead, "/Row" for one in a body row."""
    return "/Column" if "/THead" in ancestors else "/Row"


def scope_table_headers(elements: Iterable[Any], resolve: Resolve, new_attributes: Callable[[], Any] = dict) -> int:
    """Add /Scope to every TH's table attributes (made with ``new_attributes`` where a TH has
    none); returns how many were set."""
    count = 0
    for element in elements:
        if element.get("S") != "/TH":
            continue
        ancestors: list[str] = []
        parent = resolve(element.get("P"))
        while hasattr(parent, "get") and parent.get("S") not in (None, "/Table"):
            ancestors.append(str(parent.get("S")))
            parent = resolve(parent.get("P"))
        attributes = resolve(element.get("A"))
        if attributes is None or not hasattr(attributes, "get"):
            attributes = new_attributes()
            element["A"] = attributes
        attributes["Scope"] = header_scope(ancestors)
        count += 1
    return count
