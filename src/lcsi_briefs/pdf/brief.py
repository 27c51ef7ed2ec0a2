"""The one-sheet brief: what one audience needs on the two sides of one A4 sheet.

First the briefing, who it is for, the summary and the findings this audience's implications
rest on, one line each, numbered as in the full briefing. Then what it means for them: the note
on whose reading the implications are and each implication whole (title, reasoning, actions,
questions), or the editor's own short form of each (``brief``, ``about_implications_brief``);
never a sentence cut. Last, the way back to the evidence: who did the research, each source
with its address as a link, where to read more (a QR code for the audience's page when the
site's address is known), the twin in the other language and the publisher's contact.

Built straight from the pack (no Sphinx): the brief prints no cross-references, so it needs
none of the site's doctrees. The renderer holds it to two pages where it can (see ``PageLimit``).
"""

from __future__ import annotations

import base64
import io
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import segno
from markupsafe import Markup

from lcsi_briefs.editions import Cobrand, contents, implication_findings
from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model.audience import Implication
from lcsi_briefs.model.fields import written_tag
from lcsi_briefs.model.pack import Briefing, LoadedPack
from lcsi_briefs.model.running_head import RUNNING_HEAD_ID, running_head
from lcsi_briefs.model.twins import language_name
from lcsi_briefs.pages.audience import ACTIONS_LABEL, QUESTIONS_LABEL
from lcsi_briefs.pages.sources import published_on
from lcsi_briefs.pdf.page_labels import page_labels_css, stacked_label_css
from lcsi_briefs.templates import package_templates
from lcsi_briefs.text.catalogue import N_, Translator, translator_for
from lcsi_briefs.text.first_use import FirstUse, exempt_texts
from lcsi_briefs.text.lists import join_list
from lcsi_briefs.text.numbers import figure_details, figure_value, source_text, words
from lcsi_briefs.text.paragraphs import fold, long_date, paragraphs

TEMPLATES = Path(__file__).parent / "templates"


@cache
def print_templates() -> jinja2.Environment:
    """The print templates: every value escaped, a language tag written safe (``| tag``), and
    the running head fitted to one line (``| running_head(large_print, body)``).

    One environment per process, so each template is compiled once: compiling the brief's
    again for every brief took longer than filling it in (15 ms of 27).
    """
    environment = package_templates(TEMPLATES)
    environment.filters["tag"] = written_tag
    environment.filters["running_head"] = _running_head
    environment.globals["running_head_id"] = RUNNING_HEAD_ID
    return environment


def _running_head(briefing: Briefing, large_print: bool, body: str = "") -> str:
    return running_head(briefing, large_print=large_print, body=str(body))


#: The brief's own headings and phrases, translated from the catalogue (see :mod:`lcsi_briefs.text.catalogue`).
DOCUMENT_TITLE = N_("{title}: one-sheet brief for {audience}")
FINDINGS_HEADING = N_("The findings behind this brief")
FINDINGS_NOTE = N_("Numbered as in the full briefing.")
READ_MORE_ONLINE = N_("The full briefing, the evidence behind each point and its sources are online at")
READ_MORE_OFFLINE = N_("The full briefing, with the evidence behind each point and its sources: {title}, {publisher}.")
RESEARCH_BY = N_("Research by {names}.")
RESEARCH_PUBLISHED_BY = N_("Research published by {names}.")
QR_ALT = N_("QR code for {url}")


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    """An SVG QR code for ``url`` as a data: URI (no file to fetch, nothing outside the job).

    Made once per address: every member's copy of a brief, in both print sizes, carries the same.
    """
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@dataclass(frozen=True)
class BriefFinding:
    number: int
    statement: str


#: A source's address printed in full up to this length; a longer one prints as its site's name
#: (its name is the link either way): three lines of a 170-character address help no one.
SHORT_ADDRESS = 60


@dataclass(frozen=True)
class BriefSource:
    """A source the brief's findings rest on: its name, when it was published, where."""

    name: str
    date: str
    url: str

    @property
    def address(self) -> str:
        """The address as printed: whole when short, else the site it is on."""
        return self.url if len(self.url) <= SHORT_ADDRESS else urlsplit(self.url).hostname or self.url


@dataclass(frozen=True)
class BriefImplication:
    title: str
    paragraphs: list[str]
    #: "Rests on findings 4 and 5": the numbers on the front, so our reading can be checked.
    rests_on: str
    actions: list[str]
    questions: list[str]


def cited_sources(loaded: LoadedPack, findings: AbstractSet[str]) -> list[str]:
    """The ids of the sources of ``findings``, each once, in the order the findings cite them."""
    pack = loaded.pack
    return list(dict.fromkeys(s for finding in pack.findings if finding.id in findings for s in finding.source_ids))


def brief_sources(loaded: LoadedPack, ids: list[str]) -> list[BriefSource]:
    """Each source as the brief lists it, with its address."""
    pack = loaded.pack
    language = pack.briefing.language
    # Who wrote or published them is said once, above the list (see research_by).
    return [
        BriefSource(source.short_title or source.title, published_on(source.date, language), source.url or "")
        for source in (pack.source(source_id) for source_id in ids)
    ]


def research_by(loaded: LoadedPack, sources: list[str], _: Translator) -> str:
    """Who did the research: the sources' authors where they name them, else their publishers."""
    pack = loaded.pack
    chosen = [pack.source(source_id) for source_id in sources]
    authors = list(dict.fromkeys(author for source in chosen for author in source.authors))
    if authors:
        return _(RESEARCH_BY, names=join_list(authors, pack.briefing.language))
    publishers = list(dict.fromkeys(source.publisher for source in chosen))
    return _(RESEARCH_PUBLISHED_BY, names=join_list(publishers, pack.briefing.language))


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


def fill_brief(context: dict[str, Any], *, large_print: bool, cobrand: Cobrand | None = None) -> str:
    """The brief's print HTML at one size, shared by ``cobrand`` (the publisher's own: None)."""
    return print_templates().get_template("brief.html").render(**context, large_print=large_print, cobrand=cobrand)


def brief_context(
    loaded: LoadedPack,
    audience_id: str,
    *,
    url: str,
    created: str,
    twin: LoadedPack | None = None,
    twin_url: str = "",
) -> dict[str, Any]:
    """What an audience's brief says at every size and in every member's copy alike: worked out
    once and filled in for each by :func:`fill_brief` (with 200 members, once for 800 copies).
    Every value from the pack is escaped where the template fills it in.

    ``twin`` is the same briefing in its other language: the brief names it, in that language,
    under the masthead, and gives ``twin_url`` (its page for this audience) beside its own address.
    """
    pack = loaded.pack
    briefing = pack.briefing
    audience = pack.audience(audience_id)
    held = contents(pack, audience_id)
    cited = held.finding_ids
    # Abbreviations are spelled out at their first use in the brief's own reading order.
    first, exempt = FirstUse(pack.glossary, briefing.language), exempt_texts(pack)

    def spelled(text: str) -> str:
        return text if text in exempt else first.block([text])[0]

    summary = [spelled(paragraph) for paragraph in paragraphs(briefing.summary)]
    findings = [BriefFinding(number, spelled(fold(finding.statement))) for number, finding in held.findings]
    language = briefing.language
    key_figures = [
        f"{figure_value(figure, language)} {spelled(figure_details(figure))} "
        f"({words(language).source}: {source_text(pack, figure.source, figure.location)})"
        for _number, finding in held.findings
        for figure in finding.figures
        # The one sheet has room for what the findings measure, not for how much evidence there was.
        if figure.about == "finding"
    ]
    _ = translator_for(briefing.language)
    source_ids = cited_sources(loaded, cited)
    # The back is the publisher's reading, not the research's: its first line says so, in the
    # pack's own words, and each implication names the findings it rests on.
    about = [spelled(p) for p in paragraphs(briefing.about_implications_brief or briefing.about_implications)]

    def rests_on(implication: Implication) -> str:
        numbers = [number for number, _finding in implication_findings(pack, implication)]
        listed = join_list([str(number) for number in numbers], language)
        return _.plural("Rests on finding {numbers}", "Rests on findings {numbers}", len(numbers), numbers=listed)

    implications = [
        BriefImplication(
            spelled(fold(i.title)),
            [spelled(paragraph) for paragraph in paragraphs(i.brief or i.text)],
            rests_on(i),
            [spelled(fold(a)) for a in i.actions],
            [spelled(fold(q)) for q in i.questions],
        )
        for i in audience.implications
    ]
    return {
        "briefing": briefing,
        "audience": audience,
        "summary": summary,
        "edition_date": long_date(briefing.edition_date, briefing.language),
        "findings": findings,
        "key_figures": key_figures,
        "figures_heading": words(language).figures_heading,
        "implications": implications,
        "about": about,
        "sources": brief_sources(loaded, source_ids),
        "research_by": research_by(loaded, source_ids, _),
        "url": url,
        "created": created,
        "qr": qr_data_uri(url) if url else "",
        "twin": twin.pack.briefing if twin else None,
        "twin_language": language_name(twin.pack.briefing.language) if twin else "",
        "twin_url": twin_url,
        # Only letters, digits, spaces and CSS escapes (see page_labels.css_string).
        "page_labels": Markup(f"{page_labels_css(_)}\n{stacked_label_css(_)}"),
        "text": {
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
    }
