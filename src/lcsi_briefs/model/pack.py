"""The briefing pack data model.

This is the contract between the people who edit ``briefings/*.yaml`` and every output. It is
plain pydantic and never imports Sphinx, so the loader, the CLI and the page renderer can all
use it, and so the JSON Schema editors check against is generated from exactly these classes.

Nothing here is specific to one piece of research: "functions" and "pathways" are optional
sections a pack may leave empty, and their headings can be renamed per pack.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
)

from lcsi_briefs.model.audience import Audience
from lcsi_briefs.model.citations import CitationEntry, Excerpt, Quote
from lcsi_briefs.model.fields import Identifier, LanguageTag, Line, SourceDate, Strict, Text, TextFile, Url
from lcsi_briefs.model.figures import Chart, DataTable, KeyFigure
from lcsi_briefs.model.problems import Location
from lcsi_briefs.model.yaml_reader import Document

#: Email subjects: a briefing's short title and an audience's short name together stay within
#: what an inbox shows (see :mod:`lcsi_briefs.newsletter.subject`).
SHORT_TITLE_MAX = 60


class Series(Strict):
    """Where this briefing sits in the publisher's series."""

    name: Line = Field(description="The series name, e.g. 'Member briefings'.")
    number: int = Field(ge=1, le=9999, description="This briefing's number in the series.")


class Headings(Strict):
    """Section headings a pack may rename, so that research without 'functions' still fits.

    One left out is the interface's own heading in the pack's language ("Headline findings").
    """

    findings: Line | None = Field(default=None, description="Default: 'Headline findings', in the pack's language.")
    functions: Line | None = Field(default=None, description="Default: 'Functions', in the pack's language.")
    pathways: Line | None = Field(default=None, description="Default: 'Outcome pathways', in the pack's language.")
    audiences: Line | None = Field(
        default=None, description="Default: 'What it means for you', in the pack's language."
    )


class Intros(Strict):
    """A short paragraph under a section's heading: said once there, not in every entry."""

    functions: Text | None = Field(
        default=None, description="Under the functions' heading, e.g. whose words their descriptions are."
    )
    pathways: Text | None = Field(
        default=None, description="Under the pathways' heading, e.g. which parts are the research's and which ours."
    )


class Briefing(Strict):
    """What the briefing is, who publishes it and when: printed on covers and in metadata."""

    title: Line = Field(description="The briefing's title, as printed on the cover.")
    subtitle: Line | None = Field(default=None, description="An optional line under the title.")
    short_title: Line | None = Field(
        default=None,
        max_length=SHORT_TITLE_MAX,
        description=(
            f"The briefing's name in email subjects and the PDFs' running head, at most {SHORT_TITLE_MAX} "
            "characters, e.g. 'DCMS LCSI research'. Subjects are never cut: without it they hold the whole "
            "title, and `validate` warns when one would run past what an inbox shows. The running head is one "
            "line: without it a title too long for that is cut at a word, and `validate` warns."
        ),
    )
    series: Series | None = Field(
        default=None, description="Where it sits in a numbered series; leave it out for a briefing that stands alone."
    )
    edition_date: dt.date = Field(description="The date of this edition, written YYYY-MM-DD.")
    publisher: Line = Field(description="Who publishes the briefing.")
    contact: Line | None = Field(
        default=None,
        description=(
            "How a reader reaches the publisher about this briefing: an email or web address, or a "
            "phone number. Printed on the cover, on each one-sheet brief and on the web page."
        ),
    )
    language: LanguageTag = Field(description="The language the text is written in.")
    summary: Text = Field(description="Two or three sentences on what the research found.")
    about_implications: Text = Field(
        description=(
            "Who wrote the implications and on what basis: printed above them, so readers can "
            "tell the publisher's reading from the research's own findings."
        )
    )
    about_implications_brief: Text | None = Field(
        default=None,
        description=(
            "The note above the implications in your own shorter words, for the one-sheet briefs, which "
            "print it whole otherwise. `check` warns where it no longer says "
            "the implications are your reading, or drops a hedge the full note has."
        ),
    )
    keywords: list[Line] = Field(default_factory=list, max_length=50, description="Words for search and PDF metadata.")
    headings: Headings = Field(default_factory=Headings)
    intros: Intros = Field(default_factory=Intros)
    translation_of: Identifier | None = Field(
        default=None,
        description=(
            "The file name (without .yaml) of the pack this one translates, e.g. 'survey-2025'. The two "
            "link each other everywhere and share the series number; a build warns where they differ."
        ),
    )

    @property
    def short_field(self) -> str:
        """The field that names the briefing where room is short (running head, email subject)."""
        return "short_title" if self.short_title else "title"

    @property
    def short_name(self) -> str:
        """The words of :attr:`short_field`."""
        return self.short_title or self.title


class Source(Strict):
    """A published report a finding rests on."""

    id: Identifier
    title: Line = Field(description="The title exactly as published.")
    short_title: Line | None = Field(
        default=None, description="A short name used where the source is cited, e.g. 'Final report'."
    )
    authors: list[Line] = Field(
        default_factory=list, max_length=100, description="Who wrote it, as the report names them."
    )
    publisher: Line = Field(description="Who published it.")
    date: SourceDate = Field(
        description="When it was published: YYYY-MM-DD, or YYYY-MM or YYYY when that is all the report gives."
    )
    url: Url | None = Field(
        default=None, description="Where to read it; printed in full in the PDFs. Leave out for a printed report."
    )
    section: Line | None = Field(default=None, description="An optional part of the report.")
    description: Text | None = Field(default=None, description="What the report covers.")
    text_file: TextFile | None = Field(
        default=None,
        description=(
            "A plain-text copy of the report (for example made with pdftotext), as a path relative to this pack "
            "file, e.g. 'sources/final-report.txt'. `lcsi-briefs check` reads the findings against it; it is "
            "never fetched, printed or published."
        ),
    )


class Evidence(Strict):
    """How far a reader can rely on a finding, in the research's own terms."""

    strength: Literal["strong", "moderate", "limited"] = Field(description="strong, moderate or limited.")
    reason: Line = Field(description="One sentence on why, e.g. 'Seen in all five case studies'.")


class Methodology(Strict):
    """How the research was done: printed as a box in the full briefing."""

    design: Text = Field(description="What kind of research it was and how it was carried out.")
    sample: Text | None = Field(default=None, description="Who or what was studied, and how many.")
    dates: Line | None = Field(default=None, description="When the research was done, e.g. 'January to June 2024'.")
    response: Text | None = Field(default=None, description="How many took part, and the response rate.")
    limitations: list[Line] = Field(
        default_factory=list, max_length=30, description="What the research cannot tell us."
    )
    sources: list[Identifier] = Field(default_factory=list, description="Ids of the sources that describe the method.")


class Finding(Strict):
    """One numbered headline finding. Its number is its position in the list."""

    id: Identifier
    statement: Line = Field(description="The finding in one line.")
    explanation: Text = Field(description="What it means, in plain language.")
    sources: list[CitationEntry] = Field(
        min_length=1,
        max_length=50,
        description=(
            "The sources this finding rests on: each a source's id, or a source's id and where in it "
            "({source: final-report, location: 'p. 14'})."
        ),
    )
    quote: Quote | None = Field(default=None, description="Optional wording quoted from a source.")
    quotes: list[Quote] = Field(
        default_factory=list, max_length=20, description="More quotations, each with its attribution."
    )
    excerpts: list[Excerpt] = Field(
        default_factory=list,
        max_length=50,
        description=(
            "The sources' own words this finding rests on, copied exactly (never printed). The first is the one "
            "the statement restates: `lcsi-briefs check` reads the finding's numbers, hedges and quotations "
            "against them."
        ),
    )

    @property
    def source_ids(self) -> list[str]:
        """The ids of the sources cited, each once, in the order first cited."""
        return list(dict.fromkeys(citation.source for citation in self.sources))

    @property
    def all_quotes(self) -> list[Quote]:
        """``quote`` then ``quotes``, in the order they are printed."""
        return ([self.quote] if self.quote else []) + self.quotes

    evidence: Evidence | None = Field(default=None, description="How strong the evidence for this finding is.")
    figures: list[KeyFigure] = Field(
        default_factory=list, max_length=20, description="Key figures, each with its source."
    )
    charts: list[Chart] = Field(
        default_factory=list, max_length=10, description="Small charts drawn from values in the pack."
    )
    tables: list[DataTable] = Field(default_factory=list, max_length=10, description="Small tables of values.")


class Function(Strict):
    """One of the things the subject of the research does, shown as a card (optional section)."""

    id: Identifier
    name: Line = Field(description="Its name, as a card title.")
    description: Text = Field(description="What it is, in plain language.")
    examples: list[Line] = Field(default_factory=list, max_length=30, description="Example activities.")


class Pathway(Strict):
    """An outcome pathway: which functions feed it and which audiences benefit."""

    id: Identifier
    name: Line = Field(description="The pathway's name.")
    description: Text = Field(description="What the pathway leads to.")
    functions: list[Identifier] = Field(min_length=1, description="Ids of the functions feeding it.")
    beneficiaries: list[Identifier] = Field(min_length=1, description="Ids of the audiences who benefit.")


class GlossaryEntry(Strict):
    """A term the briefing uses; the site links the term wherever it appears in the text."""

    term: Annotated[Line, StringConstraints(max_length=80)] = Field(
        description="The term exactly as it is written in the text (capitals do not matter)."
    )
    definition: Text = Field(description="What it means, in plain language.")
    forms: list[Annotated[Line, StringConstraints(max_length=80)]] = Field(
        default_factory=list,
        description=(
            "Other forms the term takes in the text, each linked to this entry like the term itself: "
            "plurals ('councils for voluntary service'), and in Welsh mutations ('ganopi', 'chanopi')."
        ),
    )
    expansion: Annotated[Line, StringConstraints(max_length=120)] | None = Field(
        default=None,
        description=(
            "For an abbreviation, what it stands for, written as mid-sentence ('integrated care board'), "
            "with its article where a name takes one ('the Department for Culture, Media and Sport'): "
            "print, email and each web page spell out its first use as 'integrated care board (ICB)'."
        ),
    )


class PreferredTerm(Strict):
    """One name for one thing: the name the pack uses, and the other names it should not."""

    term: Line = Field(description="The name to use, e.g. 'VCSE'.")
    variants: list[Line] = Field(min_length=1, description="Other names for the same thing, e.g. 'VCS'.")


class Editorial(Strict):
    """The editor's house rules for this pack, checked by ``lcsi-briefs check``."""

    reading_age: int = Field(
        default=16,
        ge=7,
        le=21,
        description="The highest UK reading age (US school grade + 5) for audiences without their own target.",
    )
    preferred_terms: list[PreferredTerm] = Field(
        default_factory=list, description="One name per thing: each preferred term and the variants to avoid."
    )
    known_abbreviations: list[Line] = Field(
        default_factory=list,
        description="Abbreviations readers know without a glossary entry, e.g. 'NHS' or 'UK'.",
    )
    own_reading_markers: list[Line] = Field(
        default_factory=list,
        description=(
            "Phrases that mark an implication as the publisher's own reading ('our reading', 'in our view'); "
            "`lcsi-briefs check` flags an implication with none. Left empty, the pack's language's list applies."
        ),
    )
    allowed_words: list[Line] = Field(
        default_factory=list,
        description=(
            "Words on GOV.UK's words-to-avoid list that this pack uses in their plain sense "
            "(e.g. a research term); the check leaves them alone."
        ),
    )


class LanguagePart(Strict):
    """Words in another language than the pack's, such as a name or a quoted title."""

    text: Line = Field(description="The words exactly as they appear in the text, e.g. 'Wojciech Kowalski'.")
    language: LanguageTag = Field(description="Their language, e.g. 'pl' for Polish.")


#: Lists are capped (findings at 100, audiences at 30, glossary terms at 500, …) so that the
#: largest pack validate accepts still builds in a few minutes: a 4 MiB file holding an 18,000-term
#: glossary passed validate (after 68 s), and every page would then link each of those terms.


class Pack(Strict):
    """One briefing pack: everything needed to build its pages and PDFs."""

    briefing: Briefing
    sources: list[Source] = Field(min_length=1, max_length=200)
    findings: list[Finding] = Field(min_length=1, max_length=100)
    functions: list[Function] = Field(default_factory=list, max_length=50)
    pathways: list[Pathway] = Field(default_factory=list, max_length=50)
    audiences: list[Audience] = Field(min_length=1, max_length=30)
    glossary: list[GlossaryEntry] = Field(default_factory=list, max_length=500)
    methodology: Methodology | None = Field(default=None, description="How the research was done.")
    editorial: Editorial = Field(default_factory=Editorial)
    other_languages: list[LanguagePart] = Field(
        default_factory=list,
        max_length=200,
        description=(
            "Words in another language inside the text (names, titles, quoted phrases). Wherever they "
            "appear in prose, they are marked with their language so screen readers pronounce them right."
        ),
    )

    def finding_number(self, finding_id: str) -> int:
        """Findings are numbered by their order, so references never go out of step."""
        for index, finding in enumerate(self.findings, start=1):
            if finding.id == finding_id:
                return index
        raise KeyError(finding_id)

    def finding(self, finding_id: str) -> Finding:
        return self.findings[self.finding_number(finding_id) - 1]

    def source(self, source_id: str) -> Source:
        return next(source for source in self.sources if source.id == source_id)

    def function(self, function_id: str) -> Function:
        return next(function for function in self.functions if function.id == function_id)

    def audience(self, audience_id: str) -> Audience:
        return next(audience for audience in self.audiences if audience.id == audience_id)


@dataclass(frozen=True)
class LoadedPack:
    """A validated pack, the file it came from (its name gives the slug) and where each field is.

    The document keeps the parser's position of every key and value, so a warning about an
    audience points at that audience's line even when a source shares its id: nothing searches
    the file's text for a position.
    """

    slug: str
    path: Path
    pack: Pack
    document: Document = field(compare=False, repr=False)

    def position(self, location: Location, *, key: bool = False) -> tuple[int, int]:
        """(line, column) of the field at ``location`` (its key's, with ``key``), or its nearest parent's."""
        return self.document.position(location, key=key)

    def location(self, location: Location) -> str:
        """``path:line`` of a field's key, the form Sphinx's warnings take for a file outside the sources."""
        return f"{self.path}:{self.position(location, key=True)[0]}"
