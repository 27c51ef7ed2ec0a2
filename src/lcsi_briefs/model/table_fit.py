"""A data table no print size can fit is refused by ``validate``, at the word that cannot fit.

A table too wide for its page is set smaller, then stacked (``pdf/preflight/keep.py``): one block
per row, each value after its column's header. Stacked, a table has no columns to run out of, so
the number of columns never stops it printing. What nothing mends is one word, number or name
wider than the text column itself: no word in a table is ever broken (``pdf/static/figures.css``),
so it would run past the page at every size. The tightest measure is large print, whose cells
stay at the 16pt of ``large-print.css`` on the page it sets: a word that fits there fits every
edition (regular print stacks at 0.8em of 11pt on a column as wide or wider). Both the measure
(:func:`lcsi_briefs.model.print_page.text_column`, the running head's too) and the size are read
from those stylesheets, and each word is measured with the bundled fonts' own widths
(:func:`lcsi_briefs.text.measure.printed_width`), so this check and the print agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lcsi_briefs.model.figures import Chart, DataTable
from lcsi_briefs.model.pack import Pack
from lcsi_briefs.model.print_page import (
    LARGE_PRINT_SHEET,
    font_size,
    sheet_text,
    text_column,
)
from lcsi_briefs.model.problems import Location, Problem, quoted
from lcsi_briefs.model.yaml_reader import Document
from lcsi_briefs.text.measure import printed_width
from lcsi_briefs.text.numbers import chart_rows, table_rows, words
from lcsi_briefs.text.units import pt_to_mm


@dataclass(frozen=True)
class Measure:
    """The narrowest text column a table prints in, and the size of its cells and caption there."""

    width: float  # points
    cell: float
    header: float
    caption: float


@cache
def large_print_measure() -> Measure:
    """Large print's text column and table sizes, from the stylesheets that print it."""
    large = sheet_text(LARGE_PRINT_SHEET)
    return Measure(
        text_column(large_print=True),
        font_size(large, "td"),
        font_size(large, "th"),
        font_size(large, "caption"),
    )


@dataclass(frozen=True)
class _Text:
    """One printed piece of a table, where the editor wrote it, and how it prints."""

    location: Location
    text: str
    bold: bool
    size: float
    #: Printed after the text, stacked: a column's name is followed by a colon.
    suffix: str = ""


def _table_texts(table: DataTable, where: Location, language: str, measure: Measure) -> Iterator[_Text]:
    header, rows = table_rows(table, language)
    yield _Text((*where, "title"), table.title, True, measure.caption)
    if table.unit:
        yield _Text((*where, "unit"), f"({table.unit})", False, measure.caption)
    for column, name in enumerate(header):
        # Stacked, each value follows its column's name and a colon, in bold.
        yield _Text((*where, "columns", column), name, True, measure.header, ":")
    for number, row in enumerate(rows):
        for column, cell in enumerate(row):
            heads = column == 0 and table.row_headers
            yield _Text((*where, "rows", number, column), cell, heads, measure.header if heads else measure.cell)


def _chart_texts(chart: Chart, where: Location, language: str, measure: Measure) -> Iterator[_Text]:
    """A chart's data table: its caption, a header of the category label and the series' names."""
    header, rows = chart_rows(chart, language)
    yield _Text((*where, "title"), f"{words(language).chart_table}: {chart.title}", True, measure.caption)
    names: list[Location] = [(*where, "category_label"), *((*where, "series", n, "name") for n in range(len(header)))]
    for place, name in zip(names, header, strict=False):
        yield _Text(place, name, True, measure.header, ":")
    for number, row in enumerate(rows):
        yield _Text((*where, "categories", number), row[0], True, measure.header)
        for series, value in enumerate(row[1:]):
            yield _Text((*where, "series", series, "values", number), value, False, measure.cell)


def _too_wide(piece: _Text, measure: Measure) -> tuple[str, float] | None:
    """The widest word of ``piece`` when it is wider than the column, with its width in points."""
    words = (piece.text + piece.suffix).split() or [""]
    width, widest = max((printed_width(word, piece.size, bold=piece.bold), word) for word in words)
    return (widest.removesuffix(piece.suffix), width) if width > measure.width else None


def table_fit_problems(pack: Pack, document: Document) -> list[Problem]:
    """Each word of a table or chart's data table wider than the page at every print size, located."""
    measure = large_print_measure()
    language = pack.briefing.language
    problems = []
    for index, finding in enumerate(pack.findings):
        pieces = [
            *(
                (f"the table {table.title!r}", text)
                for number, table in enumerate(finding.tables)
                for text in _table_texts(table, ("findings", index, "tables", number), language, measure)
            ),
            *(
                (f"the data table of the chart {chart.title!r}", text)
                for number, chart in enumerate(finding.charts)
                for text in _chart_texts(chart, ("findings", index, "charts", number), language, measure)
            ),
        ]
        for name, piece in pieces:
            found = _too_wide(piece, measure)
            if found is None:
                continue
            word, width = found
            problems.append(
                document.problem(
                    piece.location,
                    f"{name} cannot fit the page at any print size: {quoted(word, 40)} ({len(word)} characters) "
                    f"is {pt_to_mm(width):.0f} mm wide at {piece.size:g}pt in large print, and no cell is wider than "
                    f"the page's {pt_to_mm(measure.width):.0f} mm of text, even with the table stacked one row a "
                    "block; a word in a table is never broken: shorten it, or put a space in it",
                )
            )
    return problems
