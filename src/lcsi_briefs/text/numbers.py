"""Numbers as a reader of the pack's language writes them, and the words printed around them.

Plain Python with no Sphinx, shared by the site, the PDFs and the email so a figure reads the
same everywhere: "1,214" in English, "1.214" in German, "£3.2M" for money written short. Every
reader-facing word about figures, charts, tables and methods is kept in :class:`FigureText`, in one
place, so a translation pass can move it into the message catalogue.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, fields
from decimal import Decimal

from babel.core import Locale, UnknownLocaleError
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
)

from lcsi_briefs.model.figures import NUMBER_PATTERN, Chart, DataTable, KeyFigure, NumberFormat
from lcsi_briefs.model.pack import Evidence, Pack
from lcsi_briefs.text.catalogue import N_, translator_for


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
    #: Summaries written from a chart's data.
    highest: str = N_("Highest: {category} ({value}).")
    lowest: str = N_("Lowest: {category} ({value}).")
    series_highest: str = N_("{series}: highest {category} ({value}), lowest {low_category} ({low_value}).")
    change: str = N_("{series} went from {start} in {first} to {end} in {last}.")
    total_highest: str = N_("Largest in total: {category} ({value}).")

    def strength_word(self, strength: str) -> str:
        return str(getattr(self, strength))


#: The English words, which are also the message ids of the catalogue.
TEXT = FigureText()


@functools.cache
def words(language: str) -> FigureText:
    """The words about numbers in a pack's language, from the message catalogue."""
    translate = translator_for(language)
    return FigureText(**{item.name: translate(getattr(TEXT, item.name)) for item in fields(FigureText)})


def locale_of(language: str) -> Locale:
    """The Babel locale of a pack's language tag ("en-GB" → en_GB)."""
    try:
        return Locale.parse(language, sep="-")
    except (ValueError, UnknownLocaleError):  # pragma: no cover - the model validates languages
        return Locale("en", "GB")


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def format_number(
    raw: str,
    language: str,
    number_format: NumberFormat = "count",
    currency: str | None = None,
    *,
    compact: bool = False,
) -> str:
    """One value as written in the pack ("1214", "31.5", "2:1"), formatted for the language.

    Decimals are kept as the editor wrote them: "3.20" stays "3.20", "31" stays "31%".
    """
    locale = locale_of(language)
    if number_format == "ratio" and ":" in raw:
        left, right = raw.split(":", 1)
        return f"{format_number(left, language)}:{format_number(right, language)}"
    value = Decimal(raw)
    places = _decimals(value)
    if number_format == "percent":
        pattern = "#,##0" + ("." + "0" * places if places else "") + "%"
        return format_percent(value / 100, format=_localised_percent(locale, pattern), locale=locale)
    if number_format == "money" and currency:
        if compact and abs(value) >= 1000:
            return format_compact_currency(value, currency, locale=locale, fraction_digits=_compact_digits(value))
        return format_currency(
            value, currency, locale=locale, currency_digits=False, format=_money_pattern(locale, places)
        )
    if compact and abs(value) >= 1000:
        return format_compact_decimal(value, locale=locale, fraction_digits=_compact_digits(value))
    return format_decimal(value, format="#,##0" + ("." + "0" * places if places else ""), locale=locale)


def _compact_digits(value: Decimal) -> int:
    """One decimal for "3.2M", none for "139M": as many as three significant figures need."""
    digits = len(str(int(abs(value))))
    return 1 if digits % 3 == 1 else 0


def _localised_percent(locale: Locale, pattern: str) -> str:
    """Keep the locale's own percent layout ("31 %" in German) with our number of decimals."""
    own: str = locale.percent_formats[None].pattern
    number = own.replace("%", "").strip().replace("\u00a0", "")
    return own.replace(number, pattern.replace("%", ""), 1)


def _money_pattern(locale: Locale, places: int) -> str:
    own: str = locale.currency_formats["standard"].pattern.split(";")[0]
    decimals = "." + "0" * places if places else ""
    # Where the locale's number starts: at its first '#', or its first '0' in a pattern with no
    # '#' (en-US-POSIX writes "¤ 0.00"); a pattern with neither gets the common layout.
    digits = [index for index in (own.find("#"), own.find("0")) if index >= 0]
    if not digits:
        return "¤#,##0" + decimals
    start = min(digits)
    end = max(own.rfind("0"), own.rfind("#")) + 1
    return own[:start] + "#,##0" + decimals + own[end:]


def figure_value(figure: KeyFigure, language: str) -> str:
    return format_number(figure.value, language, figure.format, figure.currency, compact=figure.compact)


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


def chart_value(chart: Chart, raw: str, language: str) -> str:
    return format_number(raw, language, chart.format, chart.currency, compact=chart.compact)


def cell_text(cell: str, language: str) -> str:
    """A data cell that is a plain number gets the language's separators; other text stays as written."""
    return format_number(cell, language) if re.match(NUMBER_PATTERN, cell) else cell


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


def text_table(header: list[str], rows: list[list[str]], width: int = 72) -> list[str]:
    """A table for plain text (the email): columns lined up, numbers to the right."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    if sum(widths) + 2 * (len(widths) - 1) > width:
        # Too wide to line up: one block per row, "heading: value" per cell.
        lines: list[str] = []
        for row in rows:
            lines += [f"{header[0]}: {row[0]}", *(f"  {h}: {c}" for h, c in zip(header[1:], row[1:], strict=True))]
        return lines

    def line(cells: list[str]) -> str:
        parts = [cells[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join(parts).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(row) for row in rows)]


@dataclass(frozen=True)
class PlainTable:
    """A chart's data or a table, as text cells: what the email shows instead of a picture."""

    title: str
    header: list[str]
    rows: list[list[str]]
    row_headers: bool
    source: str


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


def plain_tables(pack: Pack, finding_id: str) -> list[PlainTable]:
    """Every chart's data table, then every table, of one finding."""
    finding = pack.finding(finding_id)
    language = pack.briefing.language
    tables: list[PlainTable] = []
    for chart in finding.charts:
        header, rows = chart_rows(chart, language)
        source = source_text(pack, chart.source, chart.location)
        tables.append(PlainTable(f"{words(language).chart_table}: {chart.title}", header, rows, True, source))
    for table in finding.tables:
        header, rows = table_rows(table, language)
        title = f"{table.title} ({table.unit})" if table.unit else table.title
        tables.append(
            PlainTable(title, header, rows, table.row_headers, source_text(pack, table.source, table.location))
        )
    return tables
