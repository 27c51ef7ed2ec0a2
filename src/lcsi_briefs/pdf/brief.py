"""The one-sheet brief: what one audience needs on the two sides of one A4 sheet.

Front: the briefing, who it is for, the summary and the findings this audience's
implications rest on, one line each, numbered as in the full briefing. Back: what it means
for them (each implication's title, its first sentence, actions and questions) and where to
read more, with a QR code for the audience's page when the site's address is known.

Built straight from the pack (no Sphinx): the brief prints no cross-references, so it needs
none of the site's doctrees. The renderer holds it to two pages (see ``PageLimit``).
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import segno
from markupsafe import Markup

from lcsi_briefs.figures import figure_details, figure_value, source_text, words
from lcsi_briefs.first_use import FirstUse, exempt_texts
from lcsi_briefs.i18n import N_, translator_for
from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model import LoadedPack
from lcsi_briefs.pages.audience import ACTIONS_LABEL, QUESTIONS_LABEL
from lcsi_briefs.pdf.page_labels import page_labels_css
from lcsi_briefs.text import fold, long_date, paragraphs

TEMPLATES = Path(__file__).parent / "templates"

#: The brief's own headings and phrases, translated from the catalogue (see :mod:`lcsi_briefs.i18n`).
DOCUMENT_TITLE = N_("{title}: one-sheet brief for {audience}")
FINDINGS_HEADING = N_("The findings behind this brief")
FINDINGS_NOTE = N_("Numbered as in the full briefing.")
READ_MORE_ONLINE = N_("The full briefing, the evidence behind each point and its sources are online at")
READ_MORE_OFFLINE = N_("The full briefing, with the evidence behind each point and its sources: {title}, {publisher}.")
QR_ALT = N_("QR code for {url}")

_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s+(?=[A-Z0-9\"'(\u2018\u201c])|$)", re.DOTALL)


def first_sentence(text: str) -> str:
    """The opening sentence of the first paragraph: the implication's point in brief."""
    paragraph = next(iter(paragraphs(text)), "")
    match = _SENTENCE.match(paragraph)
    return match.group(1) if match else paragraph


def qr_data_uri(url: str) -> str:
    """An SVG QR code for ``url`` as a data: URI (no file to fetch, nothing outside the job)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@dataclass(frozen=True)
class BriefFinding:
    number: int
    statement: str


@dataclass(frozen=True)
class BriefImplication:
    title: str
    sentence: str
    actions: list[str]
    questions: list[str]


def audience_url(site_url: str, loaded: LoadedPack, audience_id: str, pages_dir: str, suffix: str) -> str:
    """The published address of the audience's page, or "" when the site's address is unknown."""
    if not site_url:
        return ""
    return f"{site_url.rstrip('/')}/{PackLayout(loaded.slug, pages_dir).audience_doc(audience_id)}{suffix}"


def brief_html(loaded: LoadedPack, audience_id: str, *, url: str, large_print: bool, created: str) -> str:
    """The print HTML of one audience's brief; every value from the pack is escaped."""
    pack = loaded.pack
    briefing = pack.briefing
    audience = pack.audience(audience_id)
    cited = {finding for implication in audience.implications for finding in implication.findings}
    # Abbreviations are spelled out at their first use in the brief's own reading order.
    first, exempt = FirstUse(pack.glossary), exempt_texts(pack)

    def spelled(text: str) -> str:
        return text if text in exempt else first.block([text])[0]

    summary = [spelled(paragraph) for paragraph in paragraphs(briefing.summary)]
    findings = [
        BriefFinding(number, spelled(fold(finding.statement)))
        for number, finding in enumerate(pack.findings, start=1)
        if finding.id in cited
    ]
    language = briefing.language
    key_figures = [
        f"{figure_value(figure, language)} {spelled(figure_details(figure))} "
        f"({words(language).source}: {source_text(pack, figure.source, figure.location)})"
        for finding in pack.findings
        if finding.id in cited
        for figure in finding.figures
    ]
    implications = [
        BriefImplication(
            spelled(fold(i.title)),
            spelled(first_sentence(i.text)),
            [spelled(fold(a)) for a in i.actions],
            [spelled(fold(q)) for q in i.questions],
        )
        for i in audience.implications
    ]
    _ = translator_for(briefing.language)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return environment.get_template("brief.html").render(
        briefing=briefing,
        audience=audience,
        large_print=large_print,
        summary=summary,
        edition_date=long_date(briefing.edition_date, briefing.language),
        findings=findings,
        key_figures=key_figures,
        figures_heading=words(language).figures_heading,
        implications=implications,
        url=url,
        created=created,
        qr=qr_data_uri(url) if url else "",
        # Only letters, digits, spaces and CSS escapes (see page_labels.css_string).
        page_labels=Markup(page_labels_css(_)),
        text={
            "title": _(DOCUMENT_TITLE, title=briefing.title, audience=audience.name),
            "series": (
                _("{series} · Number {number}", series=briefing.series.name, number=briefing.series.number)
                if briefing.series
                else ""
            ),
            "brief_for": _("For {audience}", audience=audience.name),
            "findings": _(FINDINGS_HEADING),
            "findings_note": _(FINDINGS_NOTE),
            "means": _("What it means for {audience}", audience=audience.name),
            "read_more": _("Read more"),
            "online": _(READ_MORE_ONLINE),
            "offline": _(READ_MORE_OFFLINE, title=briefing.title, publisher=briefing.publisher),
            "qr_alt": _(QR_ALT, url=url),
            "summary": _("Summary"),
            "actions": _(ACTIONS_LABEL),
            "questions": _(QUESTIONS_LABEL),
        },
    )
