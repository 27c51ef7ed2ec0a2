"""/Scope on table header cells: column headers in THead, row headers in body rows."""

from __future__ import annotations

from typing import Any

from lcsi_briefs.pdf.table_tags import header_scope, scope_table_headers


def _element(role: str, parent: dict[str, Any] | None) -> dict[str, Any]:
    element: dict[str, Any] = {"S": role, "P": parent}
    if role in ("/TH", "/TD"):
        element["A"] = {"O": "/Table"}
    return element


def test_header_cells_say_whether_they_head_a_column_or_a_row() -> None:
    table = _element("/Table", None)
    head_row = _element("/TR", _element("/THead", table))
    body_row = _element("/TR", _element("/TBody", table))
    column = _element("/TH", head_row)
    row = _element("/TH", body_row)
    cell = _element("/TD", body_row)
    assert scope_table_headers([table, column, row, cell], lambda reference: reference) == 2
    assert column["A"]["Scope"] == "/Column"
    assert row["A"]["Scope"] == "/Row"
    assert "Scope" not in cell["A"]


def test_a_table_without_thead_has_row_headers_only() -> None:
    assert header_scope(["/TR", "/TBody"]) == "/Row"
    assert header_scope(["/TR", "/THead"]) == "/Column"
