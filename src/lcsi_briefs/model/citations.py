"""What a finding cites: its sources and where in them, the words it quotes, and the words it rests on.

Split from :mod:`lcsi_briefs.model.pack`, which imports these; validation reads raw data through
:func:`citation_entries` so both spellings of a citation are checked alike.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator

from lcsi_briefs.model.fields import Identifier, Line, Strict, Text


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


class Excerpt(Strict):
    """The source's own words that a finding rests on: what ``lcsi-briefs check`` reads it against.

    Never printed: the statement and explanation say it in the publisher's words, a ``quote``
    quotes it; the excerpt is how an editor, and the check, can see they are faithful.
    """

    source: Identifier = Field(description="The id of the source the words are from; the finding must cite it.")
    location: Line = Field(description="Where in the source: a page, section or table, e.g. 'p. 14' or 'Headlines, 6'.")
    text: Text = Field(description="The source's exact words, copied without change and without quotation marks.")
