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

from lcsi_briefs.editions import contents
from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model.fields import written_tag
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.twins import language_name
from lcsi_briefs.pages.audience import ACTIONS_LABEL, QUESTIONS_LABEL
from lcsi_briefs.pdf.page_labels import page_labels_css
from lcsi_briefs.text.catalogue import N_, translator_for
from lcsi_briefs.text.first_use import FirstUse, exempt_texts
from lcsi_briefs.text.lists import join_list
from lcsi_briefs.text.numbers import figure_details, figure_value, source_text, words
from lcsi_briefs.text.paragraphs import fold, long_date, paragraphs

TEMPLATES = Path(__file__).parent / "templates"


def print_templates() -> jinja2.Environment:
    """The print templates: every value escaped, and a language tag written safe (``| tag``)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    environment.filters["tag"] = written_tag
    return environment


#: The brief's own headings and phrases, translated from the catalogue (see :mod:`lcsi_briefs.text.catalogue`).
DOCUMENT_TITLE = N_("{title}: one-sheet brief for {audience}")
FINDINGS_HEADING = N_("The findings behind this brief")
FINDINGS_NOTE = N_("Numbered as in the full briefing.")
READ_MORE_ONLINE = N_("The full briefing, the evidence behind each point and its sources are online at")
READ_MORE_OFFLINE = N_("The full briefing, with the evidence behind each point and its sources: {title}, {publisher}.")
QR_ALT = N_("QR code for {url}")

#: A full stop, question or exclamation mark, any closing quotes or brackets, then a space.
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d\u00bb)]*\s+")
#: What may open the next sentence besides a capital letter (in any script). Not a digit: "p. 4"
#: and "No. 3" are far commoner in a briefing than a sentence that opens with one.
_OPENERS = "\"'(\u2018\u201c\u201e\u00ab\u00bf\u00a1"


def first_sentence(text: str) -> str:
    """The opening sentence of the first paragraph: the implication's point in brief.

    A sentence ends where the next one starts with a capital in any script ("Łódź", "Ŵyr") or an
    opening quote, so "e.g. this" and "p. 4" do not end one.
    """
    paragraph = next(iter(paragraphs(text)), "")
    for end in _SENTENCE_END.finditer(paragraph):
        following = paragraph[end.end() : end.end() + 1]
        if following.isupper() or (following and following in _OPENERS):
            return paragraph[: end.end()].rstrip()
    return paragraph


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
    #: "Rests on findings 4 and 5": the numbers on the front, so our reading can be checked.
    rests_on: str
    actions: list[str]
    questions: list[str]


def audience_url(site_url: str, loaded: LoadedPack, audience_id: str, pages_dir: str, suffix: str) -> str:
    """The published address of the audience's page, or "" when the site's address is unknown.

    A pack without that audience (a twin that has not translated it yet) gives its overview.
    """
    if not site_url:
        return ""
    layout = PackLayout(loaded.slug, pages_dir)
    has_audience = any(audience.id == audience_id for audience in loaded.pack.audiences)
    doc = layout.audience_doc(audience_id) if has_audience else layout.overview_doc()
    return f"{site_url.rstrip('/')}/{doc}{suffix}"


def brief_html(
    loaded: LoadedPack,
    audience_id: str,
    *,
    url: str,
    large_print: bool,
    created: str,
    twin: LoadedPack | None = None,
    twin_url: str = "",
) -> str:
    """The print HTML of one audience's brief; every value from the pack is escaped.

    ``twin`` is the same briefing in its other language: the brief names it, in that language,
    under the masthead, and gives ``twin_url`` (its page for this audience) beside its own address.
    """
    pack = loaded.pack
    briefing = pack.briefing
    audience = pack.audience(audience_id)
    cited = contents(pack, audience_id).finding_ids
    # Abbreviations are spelled out at their first use in the brief's own reading order.
    first, exempt = FirstUse(pack.glossary, briefing.language), exempt_texts(pack)

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
        # The one sheet has room for what the findings measure, not for how much evidence there was.
        if figure.about == "finding"
    ]
    _ = translator_for(briefing.language)
    # The back is the publisher's reading, not the research's: its first line says so, in the
    # pack's own words, and each implication names the findings it rests on.
    about = spelled(first_sentence(briefing.about_implications))

    def rests_on(finding_ids: list[str]) -> str:
        numbers = sorted(pack.finding_number(finding_id) for finding_id in finding_ids)
        listed = join_list([str(number) for number in numbers], language)
        return _.plural("Rests on finding {numbers}", "Rests on findings {numbers}", len(numbers), numbers=listed)

    implications = [
        BriefImplication(
            spelled(fold(i.title)),
            spelled(first_sentence(i.text)),
            rests_on(i.findings),
            [spelled(fold(a)) for a in i.actions],
            [spelled(fold(q)) for q in i.questions],
        )
        for i in audience.implications
    ]
    return (
        print_templates()
        .get_template("brief.html")
        .render(
            briefing=briefing,
            audience=audience,
            large_print=large_print,
            summary=summary,
            edition_date=long_date(briefing.edition_date, briefing.language),
            findings=findings,
            key_figures=key_figures,
            figures_heading=words(language).figures_heading,
            implications=implications,
            about=about,
            url=url,
            created=created,
            qr=qr_data_uri(url) if url else "",
            twin=twin.pack.briefing if twin else None,
            twin_language=language_name(twin.pack.briefing.language) if twin else "",
            twin_url=twin_url,
            # Only letters, digits, spaces and CSS escapes (see page_labels.css_string).
            page_labels=Markup(page_labels_css(_)),
            text={
                "title": _(DOCUMENT_TITLE, title=briefing.title, audience=audience.in_text),
                "series": (
                    _("{series} · Number {number}", series=briefing.series.name, number=briefing.series.number)
                    if briefing.series
                    else ""
                ),
                "brief_for": _("For {audience}", audience=audience.in_text),
                "findings": _(FINDINGS_HEADING),
                "findings_note": _(FINDINGS_NOTE),
                "means": _("What it means for {audience}", audience=audience.in_text),
                "read_more": _("Read more"),
                "online": _(READ_MORE_ONLINE),
                "offline": _(READ_MORE_OFFLINE, title=briefing.title, publisher=briefing.publisher),
                "qr_alt": _(QR_ALT, url=url),
                "summary": _("Summary"),
                "contact": _("Contact"),
                "actions": _(ACTIONS_LABEL),
                "questions": _(QUESTIONS_LABEL),
            },
        )
    )
