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


def _kids(element: Any) -> list[Any]:
    kids = element.get("K", [])
    return list(kids) if isinstance(kids, list) else [kids]


def _table_of(cell: Any, resolve: Resolve) -> Any:
    parent = resolve(cell.get("P"))
    while hasattr(parent, "get") and parent.get("S") not in (None, "/Table"):
        parent = resolve(parent.get("P"))
    return parent if hasattr(parent, "get") and parent.get("S") == "/Table" else None


def table_fragments(cells: Iterable[tuple[Any, Any]], resolve: Resolve) -> list[list[Any]]:
    """The Table elements of each HTML table, in page order, from (table element, cell element) pairs.

    WeasyPrint tags each page's part of a table as a Table of its own; its cells' boxes still
    name their HTML table, which is how the parts of one table are told from two tables.
    """
    tables: dict[Any, list[Any]] = {}
    for html_table, cell in cells:
        tagged = _table_of(cell, resolve)
        if tagged is not None:
            parts = tables.setdefault(html_table, [])
            if not any(part is tagged for part in parts):
                parts.append(tagged)
    return [parts for parts in tables.values() if len(parts) > 1]


def join_fragments(parts: list[Any], resolve: Resolve, repeated: Callable[[Any], None]) -> None:
    """Make the first Table element of ``parts`` hold the whole table; empty the others.

    A continued part's header row repeats the first part's on paper only: ``repeated`` is given
    each such THead to mark its content as an Artifact. The continued rows' /Headers then point
    at the first part's header cells, which head the same columns.
    """
    first = parts[0]
    header_ids = {
        str(cell["ID"].string).split("-", 1)[1]: cell["ID"]
        for cell in _cells(first, resolve)
        if cell.get("S") == "/TH" and "ID" in cell
    }
    for part in parts[1:]:
        renamed: dict[str, Any] = {}
        for kid in _kids(part):
            child = resolve(kid)
            if hasattr(child, "get") and child.get("S") == "/THead":
                for cell in _cells(child, resolve):
                    if "ID" in cell and (same := header_ids.get(str(cell["ID"].string).split("-", 1)[1])) is not None:
                        renamed[str(cell["ID"].string)] = same
                repeated(child)
                continue
            if hasattr(child, "get"):
                child["P"] = first.reference
            first["K"].append(kid)
        for cell in _cells(first, resolve):
            headers = resolve(cell.get("A", {})).get("Headers") if hasattr(resolve(cell.get("A")), "get") else None
            if isinstance(headers, list):
                headers[:] = [renamed.get(str(getattr(h, "string", h)), h) for h in headers]
        part["K"] = type(first["K"])([])


def _cells(element: Any, resolve: Resolve) -> list[Any]:
    found: list[Any] = []
    for kid in _kids(element):
        child = resolve(kid)
        if hasattr(child, "get") and child.get("Type") == "/StructElem":
            if child.get("S") in ("/TH", "/TD"):
                found.append(child)
            else:
                found.extend(_cells(child, resolve))
    return found
