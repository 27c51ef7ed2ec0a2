"""The ``briefing-chart`` and ``briefing-table`` directives: charts and tables from pack data.

The generated pages pass each chart's or table's data as JSON in the directive body (see
:mod:`lcsi_briefs.pages.figures`). The HTML is written here with every value escaped, because
docutils' tables carry no ``scope`` on their header cells and an inline SVG cannot be a
docutils image.

A chart is drawn once for each size it is shown at (:func:`lcsi_briefs.pages.charts.chart_drawings`).
On the site it is inline SVG (``role="img"``, named by its ``<title>``) at the wide and the narrow
size, the stylesheet showing the one that suits the screen; its colours follow light or dark
mode; its table is one click away in a ``<details>``, and its data is a CSV download. In the PDF
editions the chart is an ``<img>`` of the SVG drawn for standard or for large print (the
edition's stylesheet shows its own), with the title and summary as its ``alt``, which WeasyPrint
tags as a Figure with Alt; its table follows it, tagged as a Table. A size the chart cannot be
drawn legibly at shows a line saying so, and the table does the work there; the build notes it.

The node holds the words of the chart or table as text too, so the site's search finds them.
"""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from lcsi_briefs.files import write_if_changed
from lcsi_briefs.layout import DATA_URL_DIR
from lcsi_briefs.model.figures import Chart
from lcsi_briefs.pages.charts import Drawn, chart_drawings, summary
from lcsi_briefs.pages.figures import CHART_DIRECTIVE, TABLE_DIRECTIVE
from lcsi_briefs.sphinx_ext.warnings import note
from lcsi_briefs.text.catalogue import N_, translator_for
from lcsi_briefs.text.formatter import format_number
from lcsi_briefs.text.numbers import words
from lcsi_briefs.text.shorten import shorten

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

#: Builders whose output is printed: charts become images with alternative text there.
PRINT_BUILDERS = frozenset({"briefing-pdf"})
INSTEAD = N_("This chart has too much in it to draw legibly at this size: its data is in the table.")
#: Over a table on each page it continues on, in the running header (``pdf/static/figures.css``).
CONTINUED = N_("{table} (continued)")
#: The same in large print, whose running header has room for the word only beside the title.
CONTINUED_SHORT = N_("(continued)")
#: The most characters of a table's caption (its ellipsis included) the running header repeats,
#: cut at a word (:func:`lcsi_briefs.text.shorten.shorten`): one line of it beside the briefing's title.
CONTINUED_CAPTION = 40
DOWNLOAD = N_("Download the data (CSV, {size} KB)")


class data_block(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """A chart or table, already drawn; its HTML is written by :func:`visit_data_block`."""


def continued(caption: str, language: str) -> str:
    """The first row's attributes that give the running header its words where the table goes on.

    The print's running header is a page margin box, tagged as an Artifact: a reader's software
    reads the table once, and it stays one Table, whichever pages it runs over.
    """
    _ = translator_for(language)
    short = shorten(caption, lambda shortened: len(shortened) <= CONTINUED_CAPTION)
    return (
        f' data-continued="{html.escape(_(CONTINUED, table=short))}"'
        f' data-continued-short="{html.escape(_(CONTINUED_SHORT))}"'
    )


def _table_html(
    table_id: str,
    caption: str,
    header: list[str],
    rows: list[list[str]],
    *,
    row_headers: bool,
    extra: str = "",
    language: str | None = None,
) -> str:
    """The table's HTML; given the ``language`` (in print), the words to say where it goes on."""
    esc = html.escape
    parts = [f'<table class="lcsi-table" id="{esc(table_id)}">', f"<caption>{esc(caption)}{extra}</caption>"]
    parts.append("<thead><tr>" + "".join(f'<th scope="col">{esc(cell)}</th>' for cell in header) + "</tr></thead>")
    parts.append("<tbody>")
    for number, row in enumerate(rows):
        cells = []
        for index, cell in enumerate(row):
            if index == 0 and row_headers:
                cells.append(f'<th scope="row">{esc(cell)}</th>')
            else:
                cells.append(f"<td>{esc(cell)}</td>")
        first = continued(caption, language) if number == 0 and language else ""
        parts.append(f"<tr{first}>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _caption(chart: Chart) -> str:
    esc = html.escape
    subtitle = f'<span class="lcsi-chart-subtitle">{esc(chart.subtitle)}</span>' if chart.subtitle else ""
    return f'<figcaption><span class="lcsi-chart-title">{esc(chart.title)}</span>{subtitle}</figcaption>'


def _picture(drawn: Drawn, chart: Chart, text: str, language: str, *, printed: bool) -> str:
    esc = html.escape
    size = f"lcsi-chart-{drawn.size.name}"
    if drawn.svg is None:
        return f'<p class="lcsi-chart-instead {size}">{esc(translator_for(language)(INSTEAD))}</p>'
    if not printed:
        return drawn.svg
    source = "data:image/svg+xml;base64," + base64.b64encode(drawn.svg.encode("utf-8")).decode("ascii")
    alt = f"{chart.title}. {text}"
    return f'<img src="{source}" alt="{esc(alt)}" class="lcsi-chart-image {size}">'


def _chart_html(data: dict[str, Any], *, printed: bool) -> tuple[str, list[Drawn]]:
    """The chart's figure and table, and its drawings (to report the sizes it could not be drawn at)."""
    esc = html.escape
    chart = Chart.model_validate(data["chart"])
    identifier, language = data["id"], data["language"]
    text = summary(chart, language)
    drawings = chart_drawings(chart, language, identifier, printed=printed)
    pictures = "".join(_picture(drawn, chart, text, language, printed=printed) for drawn in drawings)
    described = f'<p class="lcsi-chart-summary">{esc(text)}</p>'
    # In print the summary follows the figure (its picture's alt text holds it too): a figure is
    # never split, and its caption and picture alone are kept under two thirds of the page
    # (pages/chart_parts.MOST_OF_PAGE), so a long summary cannot leave the page before a third full.
    inside, after = ("", described) if printed else (described, "")
    figure = f'<figure class="lcsi-chart" id="{esc(identifier)}">{_caption(chart)}{pictures}{inside}</figure>{after}\n'
    table = _table_html(
        f"{identifier}-data",
        f"{words(language).chart_table}: {chart.title}",
        data["header"],
        data["rows"],
        row_headers=True,
        language=language if printed else None,
    )
    if printed:
        return f"{figure}{table}\n", drawings
    show = esc(words(language).show_data)
    opened = " open" if any(drawn.svg is None for drawn in drawings) else ""
    return (
        f'{figure}<details class="lcsi-chart-data"{opened}><summary>{show}</summary>'
        f'<div class="lcsi-table-wrap" tabindex="0">{table}</div></details>\n',
        drawings,
    )


def _download(translator: HTML5Translator, data: dict[str, Any]) -> str:
    """Writes the CSV into the site's data folder; returns the link to it, relative to the page."""
    builder = translator.builder
    name = f"{DATA_URL_DIR}/{data['data_file']}"
    content = data["csv"].encode("utf-8")
    write_if_changed(Path(builder.outdir) / name, content)
    href = relative_uri(builder.get_target_uri(builder.current_docname), name)
    kilobytes = format_number(str(max(1, round(len(content) / 1024))), data["language"])
    text = translator_for(data["language"])(DOWNLOAD, size=kilobytes)
    return (
        f'<p class="lcsi-data-download"><a class="reference download" href="{html.escape(href)}" '
        f'type="text/csv" download>{html.escape(text)}</a></p>\n'
    )


def _note_illegible(builder: Any, data: dict[str, Any], drawings: list[Drawn]) -> None:
    """Once per chart and size in a build, however many editions print the chart."""
    noted: set[tuple[str, str]] = builder.__dict__.setdefault("lcsi_briefs_illegible_noted", set())
    for drawn in drawings:
        if drawn.svg is None and (data["where"], drawn.size.name) not in noted:
            noted.add((data["where"], drawn.size.name))
            note(
                logger,
                "%s: the chart %r cannot be drawn legibly at the %s size (%s); its table is shown there instead",
                data["where"],
                data["chart"]["title"],
                drawn.size.name,
                drawn.reason,
            )


def visit_data_block(translator: HTML5Translator, node: data_block) -> None:
    data: dict[str, Any] = node["data"]
    printed = translator.builder.name in PRINT_BUILDERS
    if node["kind"] == "chart":
        markup, drawings = _chart_html(data, printed=printed)
        _note_illegible(translator.builder, data, drawings)
        translator.body.append(markup)
    else:
        unit = f' <span class="lcsi-table-unit">({html.escape(data["unit"])})</span>' if data["unit"] else ""
        table = _table_html(
            data["id"],
            data["caption"],
            data["header"],
            data["rows"],
            row_headers=data["row_headers"],
            extra=unit,
            language=data["language"] if printed else None,
        )
        # The wrapper scrolls a wide table on a narrow screen; it takes keyboard focus so it can be scrolled.
        translator.body.append(f'<div class="lcsi-table-wrap" tabindex="0">{table}</div>\n')
    if not printed and "data_file" in data:
        translator.body.append(_download(translator, data))
    raise nodes.SkipNode


def visit_data_block_text(translator: Any, node: data_block) -> None:
    """Text-like builders get the data, never a picture."""
    data: dict[str, Any] = node["data"]
    lines = [" | ".join(data["header"]), *(" | ".join(row) for row in data["rows"])]
    translator.add_text("\n".join(lines) + "\n")
    raise nodes.SkipNode


def _searchable(kind: str, data: dict[str, Any]) -> str:
    """The words a reader may search for: title, subtitle and summary, headings and cells."""
    parts: list[str] = []
    if kind == "chart":
        chart = Chart.model_validate(data["chart"])  # fail at read time, with the page's location
        parts += [chart.title, chart.subtitle or "", summary(chart, data["language"])]
    else:
        parts.append(data["caption"])
    parts += data["header"] + [cell for row in data["rows"] for cell in row]
    return " ".join(part for part in parts if part)


class _DataDirective(SphinxDirective):
    has_content = True
    kind: ClassVar[str] = ""

    def run(self) -> list[nodes.Node]:
        try:
            data = json.loads("\n".join(self.content))
        except json.JSONDecodeError as error:
            raise self.error(f"{self.name}: the data is not JSON ({error})") from None
        node = data_block(kind=self.kind, data=data)
        node += nodes.Text(_searchable(self.kind, data))
        return [node]


class ChartDirective(_DataDirective):
    kind = "chart"


class TableDirective(_DataDirective):
    kind = "table"


def setup_data_directives(app: Sphinx) -> None:
    app.add_node(data_block, html=(visit_data_block, None), text=(visit_data_block_text, None))
    app.add_directive(CHART_DIRECTIVE, ChartDirective)
    app.add_directive(TABLE_DIRECTIVE, TableDirective)
    app.add_css_file("lcsi-figures.css")
