"""Numbers as a reader of the pack's language writes them, and the words printed around them.

Plain Python with no Sphinx, shared by the site, the PDFs and the email so a figure reads the
same everywhere (the formatting itself is :mod:`lcsi_briefs.text.formatter`). Every
reader-facing word about figures, charts, tables and methods is kept in :class:`FigureText`, in one
place, so a translation pass can move it into the message catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from lcsi_briefs.text.catalogue import N_, translation_cache, translator_for
from lcsi_briefs.text.chart_words import chart_value
from lcsi_briefs.text.formatter import NUMBER_PATTERN, format_number, reader_minus

if TYPE_CHECKING:  # the model is a layer above: text knows its types by name only
    from lcsi_briefs.model.figures import Chart, DataTable, KeyFigure
    from lcsi_briefs.model.pack import Evidence, Pack


@dataclass(frozen=True)
class FigureText:
    """Reader-facing words about numbers, in one language (see :func:`words`)."""

    figures_heading: str = N_("Key figures")
    #: Over the figures that count a finding's evidence rather than measure it (``about: evidence``).
    evidence_figures_heading: str = N_("About the evidence")
    source: str = N_("Source")
    evidence: str = N_("Strength of evidence")
    #: Beside a finding wherever it is listed by its statement alone.
    evidence_short: str = N_("strength of evidence: {strength}")
    strong: str = N_("strong")
    moderate: str = N_("moderate")
    limited: str = N_("limited")
    methodology_heading: str = N_("How the research was done")
    methodology_link: str = N_(
        "See {link} in the full briefing for the method, the sample and the limits of the research."
    )
    design: str = N_("Design")
    sample: str = N_("Sample")
    dates: str = N_("When")
    response: str = N_("Response")
    limitations: str = N_("Limitations")
    method_sources: str = N_("Described in")
    show_data: str = N_("Show the data as a table")
    chart_table: str = N_("Data for the chart")
    chart_link: str = N_("Chart: {title}")
    table_link: str = N_("Table: {title}")
    #: After a chart's or table's name in an email, linking its data file.
    data_link: str = N_("data (CSV)")

    def strength_word(self, strength: str) -> str:
        return str(getattr(self, strength))


#: The English words, which are also the message ids of the catalogue.
TEXT = FigureText()


@translation_cache
def words(language: str) -> FigureText:
    """The words about numbers in a pack's language, from the message catalogue."""
    translate = translator_for(language)
    return FigureText(**{item.name: translate(getattr(TEXT, item.name)) for item in fields(FigureText)})


def figure_value(figure: KeyFigure, language: str) -> str:
    return format_number(
        figure.value, language, figure.format, figure.currency, compact=figure.compact, signed=figure.signed
    )


def figure_details(figure: KeyFigure) -> str:
    """What a figure counts, its base and period, as one line: "groups responded, of 3,900 invited (2024)"."""
    text = figure.label
    if figure.base:
        text += f", {figure.base}"
    if figure.period:
        text += f" ({figure.period})"
    return text


def source_text(pack: Pack, source_id: str, location: str | None) -> str:
    """The source as printed in plain text: its short title, then the page, table or section."""
    source = pack.source(source_id)
    name = source.short_title or source.title
    return f"{name}, {location}" if location else name


def evidence_text(evidence: Evidence, language: str) -> str:
    """The strength and its reason as one sentence pair, for plain text outputs."""
    text = words(language)
    return f"{text.evidence}: {text.strength_word(evidence.strength)}. {evidence.reason}"


def evidence_note(evidence: Evidence | None, language: str) -> str:
    """A bracketed note of the strength, after a finding listed by its statement; or nothing."""
    if evidence is None:
        return ""
    text = words(language)
    return f" ({text.evidence_short.format(strength=text.strength_word(evidence.strength))})"


def cell_text(cell: str, language: str) -> str:
    """A data cell that is a plain number gets the language's separators; other text keeps its words
    and gets the true minus sign ("-5%" gets U+2212)."""
    return format_number(cell, language) if re.match(NUMBER_PATTERN, cell) else reader_minus(cell)


def row_text(row: list[str], language: str, *, row_headers: bool) -> list[str]:
    """Row headers (a year, a name) stay as written; the data cells are formatted."""
    if row_headers:
        return [row[0], *(cell_text(cell, language) for cell in row[1:])]
    return [cell_text(cell, language) for cell in row]


def chart_rows(chart: Chart, language: str) -> tuple[list[str], list[list[str]]]:
    """A chart's data table twin: header row, then one row per category."""
    header = [chart.category_label, *(series.name for series in chart.series)]
    rows = [
        [category, *(chart_value(chart, series.values[index], language) for series in chart.series)]
        for index, category in enumerate(chart.categories)
    ]
    return header, rows


def table_rows(table: DataTable, language: str) -> tuple[list[str], list[list[str]]]:
    return list(table.columns), [row_text(row, language, row_headers=table.row_headers) for row in table.rows]


@dataclass(frozen=True)
class FigureRef:
    """A chart or table of a finding, named for a link to it: what the email shows of it."""

    kind: str  # "chart" or "table": the data file's and the page id's word
    number: int  # its place among the finding's charts, or among its tables, from 1
    text: str  # "Chart: Costs by region", in the pack's language


def plain_notes(pack: Pack, finding_id: str) -> list[str]:
    """A finding's evidence strength and key figures as sentences, for plain text and email."""
    finding = pack.finding(finding_id)
    language = pack.briefing.language
    notes = [evidence_text(finding.evidence, language)] if finding.evidence else []
    for figure in finding.figures:
        source = source_text(pack, figure.source, figure.location)
        about = f"{words(language).evidence_figures_heading}: " if figure.about == "evidence" else ""
        value = figure_value(figure, language)
        notes.append(f"{about}{value} {figure_details(figure)}. {words(language).source}: {source}.")
    return notes


def plain_figures(pack: Pack, finding_id: str) -> list[FigureRef]:
    """Every chart, then every table, of one finding, in the order the page shows them.

    An email names each as one line linking to the page and the data: a table in a message is
    read badly on a phone and a picture not at all.
    """
    finding = pack.finding(finding_id)
    text = words(pack.briefing.language)
    charts = [
        FigureRef("chart", number, text.chart_link.format(title=chart.title))
        for number, chart in enumerate(finding.charts, start=1)
    ]
    tables = [
        FigureRef("table", number, text.table_link.format(title=table.title))
        for number, table in enumerate(finding.tables, start=1)
    ]
    return [*charts, *tables]
