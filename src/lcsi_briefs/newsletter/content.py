"""What goes into a newsletter, as plain data: the same for the HTML and the plain-text body.

Plain Python with no Sphinx: the caller supplies a ``LinkMap`` that turns pages and PDFs into
absolute addresses, so the content can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lcsi_briefs.editions import Edition, contents, editions
from lcsi_briefs.model.pack import GlossaryEntry, LoadedPack
from lcsi_briefs.newsletter.subject import subject
from lcsi_briefs.pages.common import Labels
from lcsi_briefs.pages.figures import chart_id, methodology_label, table_id
from lcsi_briefs.text.catalogue import N_, Translator
from lcsi_briefs.text.first_use import FirstUse
from lcsi_briefs.text.numbers import plain_figures, plain_notes, words
from lcsi_briefs.text.paragraphs import long_date, paragraphs

#: A label of the pack (see :mod:`lcsi_briefs.layout`) → the address of what it marks.
PageLink = Callable[[str], str]
#: PDF file name → address.
PdfLink = Callable[[str], str]
#: Data (CSV) file name → address.
DataLink = Callable[[str], str]


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    #: The language of the linked text when it is not the email's (a twin's name, "Cymraeg").
    language: str = ""


@dataclass(frozen=True)
class FigureLink:
    """A chart or table as one line: its name linking to it on the page, then its data file."""

    text: str
    url: str
    #: The CSV's address; empty where the email is built without a site to hold the file.
    data_url: str = ""


@dataclass(frozen=True)
class Headline:
    number: int
    statement: str
    url: str
    #: The first paragraph of the finding's explanation: what it means, not only what it says.
    explanation: str = ""
    #: Evidence strength and key figures, as sentences.
    notes: list[str] = field(default_factory=list)
    #: Each chart and table as a link: in an email, a link rather than the picture or the table.
    figures: list[FigureLink] = field(default_factory=list)


#: Reader-facing words of the emails (in the catalogue; translated into the pack's language where used).
LEAD_HEADING = N_("What this means for {audience}")
ACTIONS_HEADING = N_("What you could do")
FINDINGS_BEHIND = N_("The findings behind these implications")
ABOUT_RESEARCH = N_("About the research")
READ_MORE = N_("Read more")
READ_ONLINE = N_("Read the full briefing online")
AUDIENCE_ONLINE = N_("What it means for {audience}, online")
SOURCES = N_("The sources")
PDF_LINK = N_("{edition}, PDF")
PUBLISHED_BY = N_("Published by {publisher}.")


@dataclass(frozen=True)
class ImplicationItem:
    """One implication for one audience, with the actions that follow from it."""

    title: str
    url: str
    actions: list[str]
    #: The reasoning, paragraph by paragraph: in an audience's email an implication without
    #: actions would otherwise be a bare title.
    text: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AudienceSection:
    name: str
    url: str
    implications: list[ImplicationItem]

    @property
    def points(self) -> list[str]:
        return [implication.title for implication in self.implications]


@dataclass(frozen=True)
class Newsletter:
    """One email: for the whole membership, or for one audience.

    An audience's email (``lead`` set) opens with what the research means for that audience,
    each implication followed by its actions, then the summary of the research and the findings
    the implications rest on; the membership's email opens with the summary and every headline.
    """

    subject: str
    preheader: str
    title: str
    masthead: str
    date: str
    intro: list[str]
    headlines: list[Headline]
    headlines_heading: str
    implications_heading: str
    about_implications: list[str]
    audiences: list[AudienceSection]
    links: list[Link]
    publisher: str
    language: str
    slug_name: str
    #: The heading the audience's own part opens with; empty in the membership's email.
    lead: str = ""
    actions_heading: str = ""
    about_research: str = ""
    read_more: str = ""
    published_by: str = ""
    #: Words in another language, marked where they appear: (text, language tag).
    other_languages: tuple[tuple[str, str], ...] = ()
    #: The same email's briefing in its twin's language, named in that language.
    twin: Link | None = None


def _pdf_links(chosen: list[Edition], pdf: PdfLink, _: Translator) -> list[Link]:
    return [Link(_(PDF_LINK, edition=edition.title), pdf(edition.filename)) for edition in chosen]


def _figure_links(labels: Labels, finding_id: str, page: PageLink, data: DataLink | None) -> list[FigureLink]:
    """Each chart and table of a finding, linked at its own place on the finding's page."""
    address = page(labels.finding(finding_id)).partition("#")[0]
    links = []
    for figure in plain_figures(labels.pack, finding_id):
        at = (chart_id if figure.kind == "chart" else table_id)(labels, finding_id, figure.number)
        file = labels.data_file(finding_id, figure.kind, figure.number)
        links.append(FigureLink(figure.text, f"{address}#{at}", data(file) if data else ""))
    return links


def build_newsletter(
    loaded: LoadedPack,
    audience_id: str | None,
    page: PageLink,
    pdf: PdfLink,
    twin: Link | None = None,
    *,
    data: DataLink | None = None,
) -> Newsletter:
    """One email; ``twin`` links the same briefing in its other language, when it has a twin;
    ``data`` gives a data file's address (none: the email names no data files)."""
    pack = loaded.pack
    briefing = pack.briefing
    labels = Labels(loaded)
    _ = labels._
    chosen = [a for a in pack.audiences if audience_id is None or a.id == audience_id]
    sections = [
        AudienceSection(
            name=audience.name,
            url=page(labels.audience(audience.id)),
            implications=[
                ImplicationItem(
                    implication.title,
                    page(labels.implication(audience.id, number)),
                    list(implication.actions) if audience_id else [],
                    paragraphs(implication.text) if audience_id else [],
                )
                for number, implication in enumerate(audience.implications, start=1)
            ],
        )
        for audience in chosen
    ]
    # An audience's email lists the findings its implications rest on, under their own numbers.
    headlines = [
        Headline(
            number,
            finding.statement,
            page(labels.finding(finding.id)),
            paragraphs(finding.explanation)[0],
            plain_notes(pack, finding.id),
            _figure_links(labels, finding.id, page, data),
        )
        for number, finding in contents(pack, audience_id).findings
    ]
    pdfs = [e for e in editions(loaded) if e.audience in (None, audience_id)]
    links = [Link(_(READ_ONLINE), page(labels.overview()))]
    if audience_id:
        links.append(Link(_(AUDIENCE_ONLINE, audience=chosen[0].in_text), sections[0].url))
    links += [*_pdf_links(pdfs, pdf, _), Link(_(SOURCES), page(labels.sources()))]
    if pack.methodology:
        links.append(Link(words(briefing.language).methodology_heading, page(methodology_label(labels))))
    email = Newsletter(
        subject=subject(loaded, audience_id, _),
        preheader=paragraphs(briefing.summary)[0][:150],
        title=briefing.title,
        masthead=(
            _("{series}, number {number}", series=briefing.series.name, number=briefing.series.number)
            if briefing.series
            else briefing.publisher
        ),
        date=long_date(briefing.edition_date, briefing.language),
        intro=paragraphs(briefing.summary),
        headlines=headlines,
        headlines_heading=_(FINDINGS_BEHIND) if audience_id else labels.headings.findings or "",
        implications_heading=labels.headings.audiences or "",
        about_implications=paragraphs(briefing.about_implications),
        audiences=sections,
        links=links,
        publisher=briefing.publisher,
        language=briefing.language,
        slug_name=labels.edition_stem(audience_id),
        lead=_(LEAD_HEADING, audience=chosen[0].in_text) if audience_id else "",
        actions_heading=_(ACTIONS_HEADING),
        about_research=_(ABOUT_RESEARCH),
        read_more=_(READ_MORE),
        published_by=_(PUBLISHED_BY, publisher=briefing.publisher),
        other_languages=tuple(labels.other_languages),
        twin=twin,
    )
    return spell_out_first_uses(email, pack.glossary)


def spell_out_first_uses(email: Newsletter, glossary: list[GlossaryEntry]) -> Newsletter:
    """The email as it is read, top to bottom, with each abbreviation's first use spelled out.

    An audience's email reads its implications, the caveat and the summary before the findings;
    the membership's email reads the summary and findings first.
    """
    expand = FirstUse(glossary, email.language)

    def sections() -> list[AudienceSection]:
        return [
            replace(
                section,
                implications=[
                    replace(
                        i,
                        title=expand(i.title),
                        text=[expand(p) for p in i.text],
                        actions=[expand(a) for a in i.actions],
                    )
                    for i in section.implications
                ],
            )
            for section in email.audiences
        ]

    if email.lead:
        audiences = sections()
        about = [expand(paragraph) for paragraph in email.about_implications]
        intro = [expand(paragraph) for paragraph in email.intro]
        headlines = [
            replace(h, statement=expand(h.statement), explanation=expand(h.explanation)) for h in email.headlines
        ]
    else:
        intro = [expand(paragraph) for paragraph in email.intro]
        headlines = [
            replace(h, statement=expand(h.statement), explanation=expand(h.explanation)) for h in email.headlines
        ]
        about = [expand(paragraph) for paragraph in email.about_implications]
        audiences = sections()
    return replace(email, intro=intro, headlines=headlines, about_implications=about, audiences=audiences)
