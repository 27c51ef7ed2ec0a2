"""The ``briefing-chart`` and ``briefing-table`` directives: charts and tables from pack data.

The generated pages pass each chart's or table's data as JSON in the directive body (see
:mod:`lcsi_briefs.pages.figures`). The HTML is written here with every value escaped, because
docutils' tables carry no ``scope`` on their header cells and an inline SVG cannot be a
docutils image.

On the site a chart is inline SVG (``role="img"``, named by its ``<title>``), so it follows the
page's light or dark colours; its data table is one click away in a ``<details>``. In the PDF
editions the chart is an ``<img>`` of the same SVG with the title and summary as its ``alt``,
which WeasyPrint tags as a Figure with Alt, and the table follows it, tagged as a Table.
"""

from __future__ import annotations

import base64
import html
import json
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from lcsi_briefs.model.figures import Chart
from lcsi_briefs.pages.charts import chart_svg, summary
from lcsi_briefs.pages.figures import CHART_DIRECTIVE, TABLE_DIRECTIVE
from lcsi_briefs.text.numbers import words

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: Builders whose output is printed: charts become images with alternative text there.
PRINT_BUILDERS = frozenset({"briefing-pdf"})


class data_block(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """A chart or table, already drawn; its HTML is written by :func:`visit_data_block`."""


def _table_html(
    table_id: str, caption: str, header: list[str], rows: list[list[str]], *, row_headers: bool, extra: str = ""
) -> str:
    esc = html.escape
    parts = [f'<table class="lcsi-table" id="{esc(table_id)}">', f"<caption>{esc(caption)}{extra}</caption>"]
    parts.append("<thead><tr>" + "".join(f'<th scope="col">{esc(cell)}</th>' for cell in header) + "</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            if index == 0 and row_headers:
                cells.append(f'<th scope="row">{esc(cell)}</th>')
            else:
                cells.append(f"<td>{esc(cell)}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _chart_html(data: dict[str, Any], *, printed: bool) -> str:
    esc = html.escape
    chart = Chart.model_validate(data["chart"])
    identifier = data["id"]
    svg = chart_svg(chart, data["language"], identifier)
    text = summary(chart, data["language"])
    caption = (
        f'<figcaption><span class="lcsi-chart-title">{esc(chart.title)}</span> '
        f'<span class="lcsi-chart-summary">{esc(text)}</span></figcaption>'
    )
    table = _table_html(
        f"{identifier}-data",
        f"{words(data['language']).chart_table}: {chart.title}",
        data["header"],
        data["rows"],
        row_headers=True,
    )
    if printed:
        source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
        image = f'<img src="{source}" alt="{esc(chart.title)}. {esc(text)}" class="lcsi-chart-image">'
        return f'<figure class="lcsi-chart" id="{esc(identifier)}">{image}{caption}</figure>\n{table}\n'
    show = esc(words(data["language"]).show_data)
    return (
        f'<figure class="lcsi-chart" id="{esc(identifier)}">{svg}{caption}</figure>\n'
        f'<details class="lcsi-chart-data"><summary>{show}</summary>{table}</details>\n'
    )


def visit_data_block(translator: HTML5Translator, node: data_block) -> None:
    data: dict[str, Any] = node["data"]
    printed = translator.builder.name in PRINT_BUILDERS
    if node["kind"] == "chart":
        translator.body.append(_chart_html(data, printed=printed))
    else:
        unit = f' <span class="lcsi-table-unit">({html.escape(data["unit"])})</span>' if data["unit"] else ""
        table = _table_html(
            data["id"], data["caption"], data["header"], data["rows"], row_headers=data["row_headers"], extra=unit
        )
        translator.body.append(f'<div class="lcsi-table-wrap">{table}</div>\n')
    raise nodes.SkipNode


def visit_data_block_text(translator: Any, node: data_block) -> None:
    """Text-like builders get the data, never a picture."""
    data: dict[str, Any] = node["data"]
    lines = [" | ".join(data["header"]), *(" | ".join(row) for row in data["rows"])]
    translator.add_text("\n".join(lines) + "\n")
    raise nodes.SkipNode


class _DataDirective(SphinxDirective):
    has_content = True
    kind: ClassVar[str] = ""

    def run(self) -> list[nodes.Node]:
        try:
            data = json.loads("\n".join(self.content))
        except json.JSONDecodeError as error:
            raise self.error(f"{self.name}: the data is not JSON ({error})") from None
        if self.kind == "chart":
            Chart.model_validate(data["chart"])  # fail at read time, with the page's location
        return [data_block(kind=self.kind, data=data)]


class ChartDirective(_DataDirective):
    kind = "chart"


class TableDirective(_DataDirective):
    kind = "table"


def setup_data_directives(app: Sphinx) -> None:
    app.add_node(data_block, html=(visit_data_block, None), text=(visit_data_block_text, None))
    app.add_directive(CHART_DIRECTIVE, ChartDirective)
    app.add_directive(TABLE_DIRECTIVE, TableDirective)
    app.add_css_file("lcsi-figures.css")
