"""An audience of a briefing and the implications written for it: what the findings mean for them.

Split from :mod:`lcsi_briefs.model.pack` so each module stays short.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from lcsi_briefs.model.fields import Identifier, Line, Strict, Text

#: An audience's short name in email subjects (see :mod:`lcsi_briefs.newsletter.subject`).
SHORT_NAME_MAX = 30


class Implication(Strict):
    """What one or more findings mean for one audience, and what they could do about it."""

    title: Line = Field(description="The implication in one line.")
    text: Text = Field(description="The reasoning, in plain language.")
    findings: list[Identifier] = Field(min_length=1, description="Ids of the findings this implication rests on.")
    actions: list[Line] = Field(default_factory=list, max_length=30, description="Practical things to do.")
    questions: list[Line] = Field(default_factory=list, max_length=30, description="Questions to ask or discuss.")
    brief: Text | None = Field(
        default=None,
        description=(
            "The reasoning in your own shorter words, for the one-sheet brief, which prints `text` whole "
            "otherwise. `check` warns where it no longer "
            "says it is your reading, or drops a kind of hedge ('may', 'suggests') that `text` has."
        ),
    )


class Audience(Strict):
    """A group of readers. Each gets a page, a PDF edition and its own implications."""

    id: Identifier
    name: Line = Field(description="Who they are, as a page title: 'Local government'.")
    name_in_text: Line | None = Field(
        default=None,
        description=(
            "Their name as it reads mid-sentence, e.g. 'local government' or 'funders and grant makers': "
            "used in 'What it means for …' and 'One-sheet brief for …'. The name when left out."
        ),
    )
    short_name: Annotated[Line, StringConstraints(max_length=SHORT_NAME_MAX)] | None = Field(
        default=None,
        description=(
            f"A short name for email subjects, at most {SHORT_NAME_MAX} characters, as it reads mid-sentence, "
            "e.g. 'councils'. name_in_text (or the name) when left out."
        ),
    )
    description: Text = Field(description="Which organisations or people this audience covers.")
    implications: list[Implication] = Field(min_length=1, max_length=30, description="What the findings mean for them.")
    reading_age: int | None = Field(
        default=None,
        ge=7,
        le=21,
        description=(
            "The highest UK reading age their implications should need (US school grade + 5), checked by "
            "`lcsi-briefs check`; e.g. 12 for residents. Without it, editorial.reading_age applies."
        ),
    )

    @property
    def in_text(self) -> str:
        """The name as it reads mid-sentence ("What it means for local government")."""
        return self.name_in_text or self.name

    @property
    def in_subject(self) -> str:
        """The name in an email subject: the short name, else the name as it reads mid-sentence."""
        return self.short_name or self.in_text
