"""What goes into a newsletter, as plain data: the same for the HTML and the plain-text body.

Plain Python with no Sphinx: the caller supplies a ``LinkMap`` that turns pages and PDFs into
absolute addresses, so the content can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lcsi_briefs.editions import Edition, editions
from lcsi_briefs.figures import PlainTable, plain_notes, plain_tables, words
from lcsi_briefs.first_use import FirstUse
from lcsi_briefs.i18n import Translator
from lcsi_briefs.model import GlossaryEntry, LoadedPack
from lcsi_briefs.pages.common import Labels
from lcsi_briefs.pages.figures import methodology_label
from lcsi_briefs.text import fold, long_date, paragraphs

#: (page, anchor) → address; page is "overview", "sources" or "audiences/<id>".
PageLink = Callable[[str, str], str]
#: PDF file name → address.
PdfLink = Callable[[str], str]


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Headline:
    number: int
    statement: str
    url: str
    #: Evidence strength and key figures, as sentences.
    notes: list[str] = field(default_factory=list)
    #: Charts' data and tables: in an email, the table rather than the picture.
    tables: list[PlainTable] = field(default_factory=list)


@dataclass(frozen=True)
class AudienceSection:
    name: str
    url: str
    points: list[str]
    actions: list[str]


@dataclass(frozen=True)
class Newsletter:
    """One email: for the whole membership, or for one audience."""

    subject: str
    preheader: str
    title: str
    masthead: str
    date: str
    intro: list[str]
    headlines: list[Headline]
    headlines_heading: str
    implications_heading: str
    about_implications: str
    audiences: list[AudienceSection]
    links: list[Link]
    publisher: str
    language: str
    slug_name: str
    #: The email's own words ("Read more", "Published by …"), in the pack's language.
    words: dict[str, str]


def _pdf_links(chosen: list[Edition], pdf: PdfLink, _: Translator) -> list[Link]:
    return [Link(_("{edition} (PDF)", edition=edition.title), pdf(edition.filename)) for edition in chosen]


def build_newsletter(loaded: LoadedPack, audience_id: str | None, page: PageLink, pdf: PdfLink) -> Newsletter:
    pack = loaded.pack
    briefing = pack.briefing
    labels = Labels(loaded)
    _ = labels._
    headlines = [
        Headline(
            number,
            finding.statement,
            page("overview", labels.finding(finding.id)),
            plain_notes(pack, finding.id),
            plain_tables(pack, finding.id),
        )
        for number, finding in enumerate(pack.findings, start=1)
    ]
    chosen = [a for a in pack.audiences if audience_id is None or a.id == audience_id]
    sections = [
        AudienceSection(
            name=audience.name,
            url=page(f"audiences/{audience.id}", labels.audience(audience.id)),
            points=[implication.title for implication in audience.implications],
            actions=[action for implication in audience.implications for action in implication.actions]
            if audience_id
            else [],
        )
        for audience in chosen
    ]
    pdfs = [e for e in editions(loaded) if e.audience in (None, audience_id)]
    links = [Link(_("Read the full briefing online"), page("overview", labels.overview()))]
    if audience_id:
        links.append(Link(_("What it means for {audience}, online", audience=chosen[0].name), sections[0].url))
    links += [*_pdf_links(pdfs, pdf, _), Link(_("The sources"), page("sources", labels.sources()))]
    if pack.methodology:
        links.append(Link(words(briefing.language).methodology_heading, page("overview", methodology_label(labels))))
    subject = (
        briefing.title
        if audience_id is None
        else _("{title}: for {audience}", title=briefing.title, audience=chosen[0].name)
    )
    email = Newsletter(
        subject=subject,
        preheader=paragraphs(briefing.summary)[0][:150],
        title=briefing.title,
        masthead=_("{series}, number {number}", series=briefing.series.name, number=briefing.series.number),
        date=long_date(briefing.edition_date, briefing.language),
        intro=paragraphs(briefing.summary),
        headlines=headlines,
        headlines_heading=labels.headings.findings or "",
        implications_heading=labels.headings.audiences or "",
        about_implications=fold(briefing.about_implications),
        audiences=sections,
        links=links,
        publisher=briefing.publisher,
        language=briefing.language,
        slug_name=loaded.slug if audience_id is None else f"{loaded.slug}--{audience_id}",
        words={
            "actions": _("What you could do"),
            "read_more": _("Read more"),
            "published_by": _("Published by {publisher}.", publisher=briefing.publisher),
        },
    )
    return spell_out_first_uses(email, pack.glossary)


def spell_out_first_uses(email: Newsletter, glossary: list[GlossaryEntry]) -> Newsletter:
    """The email as it is read, top to bottom, with each abbreviation's first use spelled out."""
    expand = FirstUse(glossary)
    intro = [expand(paragraph) for paragraph in email.intro]
    headlines = [replace(headline, statement=expand(headline.statement)) for headline in email.headlines]
    about = expand(email.about_implications)
    audiences = [
        replace(section, points=[expand(p) for p in section.points], actions=[expand(a) for a in section.actions])
        for section in email.audiences
    ]
    return replace(email, intro=intro, headlines=headlines, about_implications=about, audiences=audiences)
