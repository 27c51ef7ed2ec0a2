"""MyST for a finding's numbers, its evidence strength, and the pack's methodology box.

Key figures are sphinx-design cards, written here as escaped MyST like every other page part.
Charts and tables go through two directives of our own (:mod:`lcsi_briefs.sphinx_ext.directives`):
their data travels in the directive body as one line of ASCII-only JSON, which can never close
the fence or open any markup, and which changes whenever the data does, so Sphinx re-reads the
page exactly when a chart or table changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from lcsi_briefs.model.pack import Evidence, Finding, LoadedPack
from lcsi_briefs.pages.common import Labels, heading, target
from lcsi_briefs.pages.data_files import chart_csv, table_csv
from lcsi_briefs.pages.markup import escape, escape_format, fence, grid, grid_card, link
from lcsi_briefs.text.numbers import chart_rows, figure_details, figure_value, table_rows, words

FIGURES_CLASS = "lcsi-figures"
EVIDENCE_CLASS = "lcsi-evidence"
METHODOLOGY_CLASS = "lcsi-methodology"
#: Marks the pointer to the methodology "in the full briefing", which the full briefing leaves out.
METHOD_POINTER_CLASS = "lcsi-method-pointer"
CHART_DIRECTIVE = "briefing-chart"
TABLE_DIRECTIVE = "briefing-table"


def methodology_label(labels: Labels) -> str:
    return f"{labels.slug}-methodology"


def chart_id(labels: Labels, finding_id: str, number: int) -> str:
    """The HTML id of a finding's n-th chart; its SVG title and description ids derive from it."""
    return f"{labels.finding(finding_id)}-chart-{number}"


def table_id(labels: Labels, finding_id: str, number: int) -> str:
    return f"{labels.finding(finding_id)}-table-{number}"


def _payload(data: Mapping[str, object]) -> str:
    """One line of JSON, ASCII only: no line break or line separator can end the fence."""
    return json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))


def evidence_line(evidence: Evidence, language: str) -> list[str]:
    words_ = words(language)
    strength = words_.strength_word(evidence.strength)
    text = f"**{escape(words_.evidence)}:** {escape(strength)}. {escape(evidence.reason)}"
    return [*fence("container", f"{EVIDENCE_CLASS} {EVIDENCE_CLASS}-{evidence.strength}", body=[text]), ""]


def _source_line(labels: Labels, source_id: str, location: str | None) -> str:
    source = words(labels.pack.briefing.language).source
    return f"{escape(source)}: {labels.source_link(source_id, location)}"


def _figures(labels: Labels, finding: Finding, language: str) -> list[str]:
    """The figures that measure the finding under "Key figures"; those that count its evidence
    (``about: evidence``: items reviewed, organisations surveyed) under "About the evidence"."""
    text = words(language)
    lines: list[str] = []
    for about, heading_text in (("finding", text.figures_heading), ("evidence", text.evidence_figures_heading)):
        cards: list[str] = []
        for figure in (f for f in finding.figures if f.about == about):
            header = [f"**{escape(figure_value(figure, language))}**"]
            footer = [_source_line(labels, figure.source, figure.location)]
            cards += grid_card(header, [escape(figure_details(figure))], footer, {"class-card": "lcsi-figure"})
        if cards:
            body = [f"**{escape(heading_text)}**", "", *grid("1 2 3 3", cards, "lcsi-figure-grid")]
            lines += [*fence("container", FIGURES_CLASS, body=body, colons=6), ""]
    return lines


def _charts(labels: Labels, finding: Finding, language: str) -> list[str]:
    lines: list[str] = []
    for number, chart in enumerate(finding.charts, start=1):
        header, rows = chart_rows(chart, language)
        payload = {
            "id": chart_id(labels, finding.id, number),
            "language": language,
            "chart": chart.model_dump(mode="json"),
            "header": header,
            "rows": rows,
            "data_file": labels.data_file(finding.id, "chart", number),
            "csv": chart_csv(chart),
            # Where a build note about this chart points: its title's line in the pack.
            "where": labels.loaded.location(("findings", labels.pack.findings.index(finding), "charts", number - 1)),
        }
        lines += [*fence(CHART_DIRECTIVE, body=[_payload(payload)]), ""]
        lines += [_source_line(labels, chart.source, chart.location), ""]
    return lines


def _tables(labels: Labels, finding: Finding, language: str) -> list[str]:
    lines: list[str] = []
    for number, table in enumerate(finding.tables, start=1):
        header, rows = table_rows(table, language)
        payload = {
            "id": table_id(labels, finding.id, number),
            "caption": table.title,
            "unit": table.unit or "",
            "header": header,
            "rows": rows,
            "row_headers": table.row_headers,
            "language": language,
            "data_file": labels.data_file(finding.id, "table", number),
            "csv": table_csv(table),
        }
        lines += [*fence(TABLE_DIRECTIVE, body=[_payload(payload)]), ""]
        lines += [_source_line(labels, table.source, table.location), ""]
    return lines


def finding_numbers(loaded: LoadedPack, finding: Finding) -> list[str]:
    """Key figures, then charts, then tables: what a finding carries besides its words."""
    language = loaded.pack.briefing.language
    labels = Labels(loaded)
    lines: list[str] = []
    if finding.figures:
        lines += _figures(labels, finding, language)
    lines += _charts(labels, finding, language)
    lines += _tables(labels, finding, language)
    return lines


def methodology_section(loaded: LoadedPack) -> list[str]:
    """The "How the research was done" box of the full briefing, or nothing."""
    method = loaded.pack.methodology
    if method is None:
        return []
    labels = Labels(loaded)
    text = words(loaded.pack.briefing.language)
    body: list[str] = [f"**{escape(text.design)}:** {escape(method.design)}", ""]
    for name, value in ((text.sample, method.sample), (text.dates, method.dates), (text.response, method.response)):
        if value:
            body += [f"**{escape(name)}:** {escape(value)}", ""]
    if method.limitations:
        body += [f"**{escape(text.limitations)}:**", "", *[f"- {escape(item)}" for item in method.limitations], ""]
    if method.sources:
        body += [f"**{escape(text.method_sources)}:** " + ", ".join(labels.source_link(s) for s in method.sources), ""]
    return [
        target(methodology_label(labels)),
        heading(2, text.methodology_heading),
        "",
        *fence("container", METHODOLOGY_CLASS, body=body, colons=4),
        "",
    ]


def methodology_link(loaded: LoadedPack) -> list[str]:
    """The editions' pointer to the methodology box (plain text in a printed edition without it)."""
    if loaded.pack.methodology is None:
        return []
    labels = Labels(loaded)
    text = words(loaded.pack.briefing.language)
    pointer = escape_format(text.methodology_link, link=link(text.methodology_heading, methodology_label(labels)))
    return [*fence("container", METHOD_POINTER_CLASS, body=[pointer]), ""]
