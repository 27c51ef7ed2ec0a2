"""The briefing pack data model.

This is the contract between the people who edit ``briefings/*.yaml`` and every output. It is
plain pydantic and never imports Sphinx, so the loader, the CLI and the page renderer can all
use it, and so the JSON Schema editors check against is generated from exactly these classes.

Nothing here is specific to one piece of research: "functions" and "pathways" are optional
sections a pack may leave empty, and their headings can be renamed per pack.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from lcsi_briefs.text import character_name, is_noncharacter, line_break, unusable_character

#: Identifiers become file names and URL fragments, so they are kept to a portable subset.
ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")

#: Longest prose value accepted. Generous for a briefing, small enough to stop a pasted book.
MAX_TEXT = 20_000


def _check_identifier(value: str) -> str:
    if _WINDOWS_RESERVED.match(value):
        raise ValueError(f"an identifier that is not a reserved Windows file name, found {value!r}")
    return value


def _check_text(value: str) -> str:
    """Reject text a reader could not see: control characters would vanish or break output."""
    char = unusable_character(value)
    if char is None:
        return value
    if unicodedata.category(char) == "Cc":
        raise ValueError(f"text without control characters, found U+{ord(char):04X} in the text")
    # A lone surrogate never gets here: pydantic refuses it as a string first (see validation.py).
    raise ValueError(f"text, found {character_name(char)}, which Unicode reserves never to be a character")


def _check_line(value: str) -> str:
    """Titles and names become headings, email subjects and PDF metadata: one line each."""
    _check_text(value)
    char = line_break(value)
    if char == "\n":
        raise ValueError("a single line of text, found a line break")
    if char is not None:
        raise ValueError(f"a single line of text, found the line break {character_name(char)}")
    return value


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"}:
        raise ValueError(f"a web address starting with https:// or http://, found {value!r}")
    if any(c.isspace() for c in value):
        raise ValueError(f"a web address without spaces (write a space as %20), found {value!r}")
    if not parts.hostname:
        raise ValueError(f"a web address with a site name after {parts.scheme}://, found {value!r}")
    if any(c in value for c in '<>"`'):
        raise ValueError(f'a web address without <, >, " or ` characters, found {value!r}')
    # Controls and invisible format characters (zero-width spaces, direction overrides) would make
    # the printed address differ from the one followed.
    hidden = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf") or is_noncharacter(c)), None)
    if hidden is not None:
        raise ValueError(f"a web address without invisible characters, found {character_name(hidden)}")
    return value


def _check_language(value: str) -> str:
    try:
        Locale.parse(value, sep="-")
    except (ValueError, UnknownLocaleError):
        raise ValueError(f"a language tag such as 'en-GB' or 'cy', found {value!r}") from None
    return value


Identifier = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    AfterValidator(_check_identifier),
    Field(
        description=(
            "Lower-case letters, digits and hyphens, 1 to 64 characters, starting and ending "
            "with a letter or digit. Used in web addresses and file names."
        ),
        examples=["local-government"],
    ),
]
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_check_line),
]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(_check_text),
]
Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=2_000),
    AfterValidator(_check_url),
    Field(examples=["https://www.gov.uk/government/publications/example"], json_schema_extra={"format": "uri"}),
]
LanguageTag = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=35),
    AfterValidator(_check_language),
    Field(examples=["en-GB"], json_schema_extra={"format": "language-tag"}),
]


_PARTIAL_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$"


def _check_source_date(value: object) -> dt.date | str:
    """A full date, or a month ("2025-07") or a year ("2025") for a report that gives no day."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if re.match(_PARTIAL_DATE, text):
        return text
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"a real date written YYYY-MM-DD, found {text!r}, which is not a day in the calendar"
            ) from None
    raise ValueError(f"a date written YYYY-MM-DD, or YYYY-MM or YYYY when the report gives no day, found {text!r}")


#: When a source was published: a date, a month or a year.
SourceDate = Annotated[
    dt.date | str,
    PlainValidator(_check_source_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": _PARTIAL_DATE, "format": "partial-date"},
            ]
        }
    ),
]


class Strict(BaseModel):
    """Every model rejects unknown keys: a misspelt field must never vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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
        max_length=40,
        description="A short name for email subjects, at most 40 characters; the title when left out.",
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
    keywords: list[Line] = Field(default_factory=list, description="Words for search and PDF metadata.")
    headings: Headings = Field(default_factory=Headings)
    intros: Intros = Field(default_factory=Intros)
    translation_of: Identifier | None = Field(
        default=None,
        description=(
            "The file name (without .yaml) of the pack this one translates, e.g. 'survey-2025'. The two "
            "link each other everywhere and share the series number; a build warns where they differ."
        ),
    )


class Source(Strict):
    """A published report a finding rests on."""

    id: Identifier
    title: Line = Field(description="The title exactly as published.")
    short_title: Line | None = Field(
        default=None, description="A short name used where the source is cited, e.g. 'Final report'."
    )
    authors: list[Line] = Field(default_factory=list, description="Who wrote it, as the report names them.")
    publisher: Line = Field(description="Who published it.")
    date: SourceDate = Field(
        description="When it was published: YYYY-MM-DD, or YYYY-MM or YYYY when that is all the report gives."
    )
    url: Url | None = Field(
        default=None, description="Where to read it; printed in full in the PDFs. Leave out for a printed report."
    )
    section: Line | None = Field(default=None, description="An optional part of the report.")
    description: Text | None = Field(default=None, description="What the report covers.")


class Citation(Strict):
    """A source a finding rests on, and where in it the reader will find the evidence."""

    source: Identifier = Field(description="The id of the source.")
    location: Line | None = Field(
        default=None, description="Where in the source: a page, table or section, e.g. 'p. 14' or 'section 4.2'."
    )


def citation_entries(value: object) -> list[tuple[tuple[int] | tuple[int, str], object]]:
    """Each source a finding cites, as written, with the path to its id inside ``sources``.

    A citation is written as the source's id alone or as ``{source: id, location: "p. 14"}``;
    validation reads the raw data through this so both spellings are checked alike.
    """
    if not isinstance(value, list):
        return []
    entries: list[tuple[tuple[int] | tuple[int, str], object]] = []
    for index, entry in enumerate(value):
        if isinstance(entry, dict):
            if "source" in entry:
                entries.append(((index, "source"), entry["source"]))
        else:
            entries.append(((index,), entry))
    return entries


def cited_sources(finding: dict[str, object]) -> set[str] | None:
    """The source ids a finding's raw data cites, or None when its ``sources`` is not a list."""
    value = finding.get("sources")
    if not isinstance(value, list):
        return None
    return {reference for _, reference in citation_entries(value) if isinstance(reference, str)}


def _citation(value: object) -> object:
    """A bare id is a citation without a location."""
    return {"source": value} if isinstance(value, str) else value


#: A finding's source: its id, or its id and where in it (see :class:`Citation`).
CitationEntry = Annotated[Citation, BeforeValidator(_citation, json_schema_input_type=Identifier | Citation)]


class Quote(Strict):
    """Words quoted exactly: always shown as a quotation with who said them or where they are from."""

    text: Text = Field(description="The exact words, without quotation marks.")
    source: Identifier | None = Field(default=None, description="The id of the source the words come from.")
    location: Line | None = Field(
        default=None, description="Where in the source the words are: a page or section, e.g. 'p. 14'."
    )
    person: Line | None = Field(default=None, description="Who said them, by name: 'Anna Nowak, librarian'.")
    role: Line | None = Field(default=None, description="Who said them, by role: 'a survey respondent'.")

    @model_validator(mode="after")
    def _attributed(self) -> Quote:
        if self.source is None and self.person is None and self.role is None:
            raise ValueError("a source, a person or a role the words come from, found none")
        return self


# --- Numbers: key figures, charts, tables and how the research was done ----------------------

#: A number as editors write it: digits, an optional minus and decimal point, no separators
#: (the outputs add the separators the pack's language uses).
NUMBER_PATTERN = r"^-?[0-9]+(?:\.[0-9]+)?$"
#: A ratio, "2:1" or "1:3.5".
RATIO_PATTERN = r"^[0-9]+(?:\.[0-9]+)?:[0-9]+(?:\.[0-9]+)?$"
_NUMBER_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER_PATTERN}]}


def _number_text(value: object) -> object:
    """YAML reads ``1214`` as a number and ``"1214"`` as text: keep both, as text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return value.strip() if isinstance(value, str) else value


def _check_number(value: str) -> str:
    if not re.match(NUMBER_PATTERN, value):
        raise ValueError(
            f"a number written with digits and an optional decimal point, such as 1214 or 3.2, found {value!r}"
        )
    return value


def _check_figure_value(value: str) -> str:
    if not (re.match(NUMBER_PATTERN, value) or re.match(RATIO_PATTERN, value)):
        raise ValueError(
            "a number written with digits and an optional decimal point, such as 1214 or 31.5 "
            f"(no separators or symbols), or a ratio such as 2:1, found {value!r}"
        )
    return value


Number = Annotated[
    str,
    BeforeValidator(_number_text),
    AfterValidator(_check_number),
    WithJsonSchema(_NUMBER_SCHEMA),
]
FigureValue = Annotated[
    str,
    BeforeValidator(_number_text),
    AfterValidator(_check_figure_value),
    WithJsonSchema({"anyOf": [*_NUMBER_SCHEMA["anyOf"], {"type": "string", "pattern": RATIO_PATTERN}]}),
]
#: A heading or category: numbers (a year, say) are kept exactly as written.
Label = Annotated[
    str,
    BeforeValidator(_number_text),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_check_line),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "minLength": 1, "maxLength": 300}]}),
]
#: A table cell: a plain number gets the language's separators in print; other text stays as written.
Cell = Annotated[
    str,
    BeforeValidator(_number_text),
    StringConstraints(strip_whitespace=True, max_length=300),
    AfterValidator(_check_line),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "maxLength": 300}]}),
]
CurrencyCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{3}$"),
    Field(description="A three-letter ISO 4217 currency code, e.g. GBP or EUR.", examples=["GBP"]),
]
#: How a value reads: a count ("1,214"), a per cent ("31%"), money ("£3.2M") or a ratio ("2:1").
NumberFormat = Literal["count", "percent", "money", "ratio"]


class _Formatted(Strict):
    """The format fields shared by figures and charts."""

    format: NumberFormat = Field(default="count", description="count, percent, money or ratio.")
    currency: CurrencyCode | None = Field(default=None, description="For money: the currency, e.g. GBP.")
    compact: bool = Field(default=False, description="Write large numbers short, e.g. £3.2M for 3200000.")

    @model_validator(mode="after")
    def _currency_with_money(self) -> _Formatted:
        if self.format == "money" and self.currency is None:
            raise ValueError("a currency (e.g. currency: GBP) for money, found none")
        if self.format != "money" and self.currency is not None:
            raise ValueError(f"a currency only with format: money, found format: {self.format}")
        return self


class KeyFigure(_Formatted):
    """A number a reader can find at a glance, with what it counts and where it comes from."""

    value: FigureValue = Field(description="The number, without separators or symbols: 1214, 31.5, 3200000, 2:1.")
    label: Line = Field(description="What it counts, e.g. 'organisations in the survey sample'.")
    base: Line | None = Field(default=None, description="What it is out of, e.g. 'of 1,214 groups'.")
    period: Line | None = Field(default=None, description="The year or period it covers, e.g. '2024'.")
    source: Identifier = Field(description="The id of the source it comes from.")
    location: Line | None = Field(default=None, description="Where in the source: a page, table or section.")

    @model_validator(mode="after")
    def _ratio_matches(self) -> KeyFigure:
        is_ratio = ":" in self.value
        if is_ratio != (self.format == "ratio"):
            expected = "format: ratio for a value written 2:1" if is_ratio else "a plain number for this format"
            raise ValueError(f"{expected}, found value {self.value!r} with format: {self.format}")
        return self


class ChartSeries(Strict):
    """One set of values, one per category: one bar colour or one line."""

    name: Line = Field(description="What the values are, printed beside them, e.g. '2024'.")
    values: list[Number] = Field(min_length=1, description="One number per category, in the same order.")


class Chart(_Formatted):
    """A small bar or line chart drawn from values in the pack, always with its data table."""

    title: Line = Field(description="What the chart shows.")
    kind: Literal["bar", "stacked-bar", "line"] = Field(
        default="bar",
        description="bar (horizontal bars, grouped when there are several series), stacked-bar or line.",
    )
    category_label: Line = Field(description="What the categories are, e.g. 'Region' or 'Year'.")
    categories: list[Label] = Field(min_length=1, max_length=40, description="The bars, or the points along a line.")
    series: list[ChartSeries] = Field(min_length=1, max_length=6)
    summary: Text | None = Field(
        default=None, description="What the chart shows, in words; written from the data when left out."
    )
    source: Identifier = Field(description="The id of the source the values come from.")
    location: Line | None = Field(default=None, description="Where in the source: a page, table or section.")

    @model_validator(mode="after")
    def _one_value_per_category(self) -> Chart:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"one value per category in each series ({len(self.categories)}), "
                    f"found {len(series.values)} in series {series.name!r}"
                )
        if self.kind == "line" and len(self.categories) < 2:
            raise ValueError("at least two categories for a line chart, found one")
        return self


class DataTable(Strict):
    """A small table: a header row, optional row headers, and the source of its values."""

    title: Line = Field(description="What the table shows: its caption.")
    columns: list[Label] = Field(min_length=1, max_length=12, description="The header row.")
    rows: list[list[Cell]] = Field(min_length=1, description="Each row: one cell per column.")
    row_headers: bool = Field(default=False, description="Whether each row's first cell names the row.")
    unit: Line | None = Field(default=None, description="What the numbers are, e.g. 'per cent of groups'.")
    source: Identifier = Field(description="The id of the source the values come from.")
    location: Line | None = Field(default=None, description="Where in the source: a page, table or section.")

    @model_validator(mode="after")
    def _one_cell_per_column(self) -> DataTable:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"one cell per column ({len(self.columns)}) in each row, found {len(row)} in row {number}"
                )
        return self


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
    limitations: list[Line] = Field(default_factory=list, description="What the research cannot tell us.")
    sources: list[Identifier] = Field(default_factory=list, description="Ids of the sources that describe the method.")


class Finding(Strict):
    """One numbered headline finding. Its number is its position in the list."""

    id: Identifier
    statement: Line = Field(description="The finding in one line.")
    explanation: Text = Field(description="What it means, in plain language.")
    sources: list[CitationEntry] = Field(
        min_length=1,
        description=(
            "The sources this finding rests on: each a source's id, or a source's id and where in it "
            "({source: final-report, location: 'p. 14'})."
        ),
    )
    quote: Quote | None = Field(default=None, description="Optional wording quoted from a source.")
    quotes: list[Quote] = Field(default_factory=list, description="More quotations, each with its attribution.")

    @property
    def source_ids(self) -> list[str]:
        """The ids of the sources cited, each once, in the order first cited."""
        return list(dict.fromkeys(citation.source for citation in self.sources))

    @property
    def all_quotes(self) -> list[Quote]:
        """``quote`` then ``quotes``, in the order they are printed."""
        return ([self.quote] if self.quote else []) + self.quotes

    evidence: Evidence | None = Field(default=None, description="How strong the evidence for this finding is.")
    figures: list[KeyFigure] = Field(default_factory=list, description="Key figures, each with its source.")
    charts: list[Chart] = Field(default_factory=list, description="Small charts drawn from values in the pack.")
    tables: list[DataTable] = Field(default_factory=list, description="Small tables of values.")


class Function(Strict):
    """One of the things the subject of the research does, shown as a card (optional section)."""

    id: Identifier
    name: Line = Field(description="Its name, as a card title.")
    description: Text = Field(description="What it is, in plain language.")
    examples: list[Line] = Field(default_factory=list, description="Example activities.")


class Pathway(Strict):
    """An outcome pathway: which functions feed it and which audiences benefit."""

    id: Identifier
    name: Line = Field(description="The pathway's name.")
    description: Text = Field(description="What the pathway leads to.")
    functions: list[Identifier] = Field(min_length=1, description="Ids of the functions feeding it.")
    beneficiaries: list[Identifier] = Field(min_length=1, description="Ids of the audiences who benefit.")


class Implication(Strict):
    """What one or more findings mean for one audience, and what they could do about it."""

    title: Line = Field(description="The implication in one line.")
    text: Text = Field(description="The reasoning, in plain language.")
    findings: list[Identifier] = Field(min_length=1, description="Ids of the findings this implication rests on.")
    actions: list[Line] = Field(default_factory=list, description="Practical things to do.")
    questions: list[Line] = Field(default_factory=list, description="Questions to ask or discuss.")


class Audience(Strict):
    """A group of readers. Each gets a page, a PDF edition and its own implications."""

    id: Identifier
    name: Line = Field(description="Who they are, as a page title: 'Local government'.")
    description: Text = Field(description="Which organisations or people this audience covers.")
    implications: list[Implication] = Field(min_length=1, description="What the findings mean for them.")
    reading_age: int | None = Field(
        default=None,
        ge=7,
        le=21,
        description=(
            "The highest UK reading age their implications should need (US school grade + 5), checked by "
            "`lcsi-briefs check`; e.g. 12 for residents. Without it, editorial.reading_age applies."
        ),
    )


class GlossaryEntry(Strict):
    """A term the briefing uses; the site links the term wherever it appears in the text."""

    term: Annotated[Line, StringConstraints(max_length=80)] = Field(
        description="The term exactly as it is written in the text (capitals do not matter)."
    )
    definition: Text = Field(description="What it means, in plain language.")
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


class Pack(Strict):
    """One briefing pack: everything needed to build its pages and PDFs."""

    briefing: Briefing
    sources: list[Source] = Field(min_length=1)
    findings: list[Finding] = Field(min_length=1)
    functions: list[Function] = Field(default_factory=list)
    pathways: list[Pathway] = Field(default_factory=list)
    audiences: list[Audience] = Field(min_length=1)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    methodology: Methodology | None = Field(default=None, description="How the research was done.")
    editorial: Editorial = Field(default_factory=Editorial)
    other_languages: list[LanguagePart] = Field(
        default_factory=list,
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
    """A validated pack and the file it came from: the file name gives its slug."""

    slug: str
    path: Path
    pack: Pack
