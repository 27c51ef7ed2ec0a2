"""A table no print size can fit is refused by ``validate``; one just within the limit prints.

The limit is one word wider than large print's text column at 16pt (``model/table_fit.py``):
stacked, a table has no columns to run out of, so twelve columns (the most a table may have)
with the widest word that fits must print whole, in regular and in large print, with nothing
for preflight to report; one letter more is refused, at the cell that holds it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.print_page import (
    LARGE_PRINT_SHEET,
    PRINT_SHEET,
    block_margins,
    font_size,
    line_height,
    page_rule,
    points,
    text_column,
    text_size,
)
from lcsi_briefs.model.problems import PackError
from lcsi_briefs.model.running_head import head_measure
from lcsi_briefs.model.table_fit import large_print_measure
from lcsi_briefs.pages.chart_parts import SIZES
from lcsi_briefs.pdf.print_setup import HERE, LARGE_PRINT_STYLESHEET, STYLESHEET, print_stylesheets
from lcsi_briefs.pdf.render import RenderJob, render_pdf
from lcsi_briefs.sphinx_ext.directives import _table_html
from lcsi_briefs.text.measure import printed_width

from .conftest import small_pack, write_pack
from .pdftext import pdf_text

MM = 72 / 25.4
#: Twelve real column names: the most columns a table may have.
COLUMNS = [
    *("Area", "Invited", "Replied", "Rate", "Grants", "Staff"),
    *("Volunteers", "Trustees", "Rooms", "Vans", "Sites", "Years"),
]


def widest_fitting_word() -> str:
    """The longest run of one letter that fits large print's text column, in a cell (not bold)."""
    measure = large_print_measure()
    word = "a"
    while printed_width(word + "a", measure.cell) <= measure.width:
        word += "a"
    return word


def _pack(word: str) -> dict[str, Any]:
    pack = small_pack()
    row = ["North", word, *(str(n) for n in range(len(COLUMNS) - 2))]
    table = {"title": "Groups by area", "columns": COLUMNS, "rows": [row, ["South", *row[1:]]], "source": "main-report"}
    pack["findings"][0]["tables"] = [table]
    return pack


@pytest.mark.pure
def test_the_limit_is_read_from_the_stylesheets_the_print_uses() -> None:
    assert (PRINT_SHEET, LARGE_PRINT_SHEET) == (STYLESHEET, LARGE_PRINT_STYLESHEET)
    measure = large_print_measure()
    assert measure.width / MM == pytest.approx(210 - 16 - 16), "A4 less large print's 16mm side margins"
    assert (measure.cell, measure.header, measure.caption) == (16, 16, 16)


@pytest.mark.pure
def test_the_table_check_and_the_running_head_read_one_text_column() -> None:
    """One reading of the page (model/print_page.py): the two checks had each parsed the CSS."""
    for large_print in (False, True):
        assert head_measure(large_print=large_print).width == text_column(large_print=large_print)
    assert large_print_measure().width == text_column(large_print=True)
    # A margin box before the page's own declarations, and units other than mm, are read.
    sheet = "@page { @top-left { font-size: 9pt; } margin: 1cm 0.5in; size: letter }"
    assert page_rule(sheet) == {"margin": "1cm 0.5in", "size": "letter"}
    assert points(page_rule(sheet)["margin"]) == pytest.approx([10 * MM, 36])
    # A bare 0 is a length and keeps its place among the sides; pixels are read too.
    assert points("0 16mm") == pytest.approx([0, 16 * MM]) and points("8px 0.5pt") == pytest.approx([6, 0.5])
    # One reader for every rule: a margin box's size, a selector's margins (a bare 0 among them).
    assert font_size(sheet, "@top-left") == 9
    rules = "figure.x { margin: 5mm 0 2mm; } p, figure.x { margin: 3pt 0 } figure.y { margin: 1in }"
    assert block_margins(rules, "figure.x") == (3, 3), "the later rule wins"
    assert block_margins(rules[: rules.index("p,")], "figure.x") == pytest.approx((5 * MM, 2 * MM))
    assert block_margins(rules, "figure.y") == (72, 72) and block_margins(rules, "figure.z") == (0, 0)
    assert line_height("html { line-height: 1.35 } html { line-height: 1.5 }", "html") == 1.5
    assert line_height("html { line-height: normal }", "html", 1.2) == 1.2
    # The body text the print sets, and a printed chart's labels with it (never under 16 pt).
    assert (text_size(large_print=False), text_size(large_print=True)) == (11, 16)
    labels = {size.name: size.font for size in SIZES}
    assert labels["print"] * 3 / 4 >= 11 and labels["large-print"] * 3 / 4 >= 16
    assert labels["large-print"] * 3 / 4 < 16.01


@pytest.mark.pure
def test_a_word_one_letter_wider_than_fits_is_refused_at_its_cell(tmp_path: Path) -> None:
    word = widest_fitting_word()
    assert 50 < len(word) < 70, "a 60-letter word is about the limit"
    load_pack(write_pack(tmp_path / "fits.yaml", _pack(word)))
    path = write_pack(tmp_path / "over.yaml", _pack(word + "a"))
    with pytest.raises(PackError) as raised:
        load_pack(path)
    [first, second] = raised.value.problems
    assert (first.field, second.field) == ("findings[0].tables[0].rows[0][1]", "findings[0].tables[0].rows[1][1]")
    shown = f"'{word[:37]}...' ({len(word) + 1} characters)"
    assert first.message.startswith(f"the table 'Groups by area' cannot fit the page at any print size: {shown}")
    assert "shorten it, or put a space in it" in first.message
    assert path.read_text(encoding="utf-8").splitlines()[first.line - 1][first.column - 1 :].startswith("aaaa")


@pytest.mark.parametrize("large_print", [False, True], ids=["regular", "large-print"])
def test_a_table_just_within_the_limit_prints_whole_and_passes_preflight(tmp_path: Path, large_print: bool) -> None:
    """Twelve columns and the widest word that fits: the print narrows and stacks the table until
    preflight finds nothing, and the word is printed whole."""
    word = widest_fitting_word()
    rows = [["North", word, *(str(n) for n in range(len(COLUMNS) - 2))]]
    table = _table_html("t", "Groups by area", COLUMNS, rows, row_headers=True)
    html = '<html lang="en"><head><title>t</title></head><body><section id="s"><h1>Groups</h1>'
    html += f'<div class="lcsi-table-wrap">{table}</div></section></body></html>'
    target = tmp_path / "table.pdf"
    stylesheets = print_stylesheets(large_print=large_print)
    job = RenderJob(html, target, tmp_path.as_uri() + "/", stylesheets, (tmp_path, HERE), large_print=large_print)
    assert render_pdf(job).problems == []
    assert word in pdf_text(target)
