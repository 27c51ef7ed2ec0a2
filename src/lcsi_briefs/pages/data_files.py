"""The data behind a chart or table as a CSV file: what a reader takes away to work with.

UTF-8, one header row, one row per category (or table row), and numbers exactly as the pack
holds them: no separators, symbols or typographic minus, so a spreadsheet reads them as numbers
(ONS and NICE ask for the data beside every chart). Rows end in CRLF, as RFC 4180 writes them.
"""

from __future__ import annotations

import csv
import io

from lcsi_briefs.model.figures import Chart, DataTable


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def chart_csv(chart: Chart) -> str:
    """The chart's category label and series names, then each category with its raw values."""
    header = [chart.category_label, *(series.name for series in chart.series)]
    rows = [
        [category, *(series.values[index] for series in chart.series)]
        for index, category in enumerate(chart.categories)
    ]
    return _csv([header, *rows])


def table_csv(table: DataTable) -> str:
    """The table's header row and its cells as the pack writes them."""
    return _csv([list(table.columns), *(list(row) for row in table.rows)])
