"""A member organisation's file, ``members/<id>.yaml``: who they are and how their editions look.

Plain pydantic, like the pack model, so the JSON Schema editors check against is generated
from exactly these classes. A member changes only what a member may change: their name and
logo beside the publisher's, their colours, a short foreword marked as theirs, and how
readers reach them. The research itself (findings, implications, sources) is never theirs to
edit, so nothing here can reach it.

The publisher's own file (``publisher.yaml`` beside ``conf.py``) uses the same parts: its
identity is printed on the publisher's own editions as a member's is on theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from lcsi_briefs.model.colour import parse_colour
from lcsi_briefs.model.fields import Identifier, Line, Strict, Text, Url

#: A foreword is a member's few words of welcome, not a second briefing.
MAX_FOREWORD_WORDS = 120


def _check_words(value: str) -> str:
    count = len(value.split())
    if count > MAX_FOREWORD_WORDS:
        raise ValueError(f"a foreword of at most {MAX_FOREWORD_WORDS} words, found {count} words")
    return value


def _check_email(value: str) -> str:
    _, address = parseaddr(value)
    local, _, domain = address.partition("@")
    if address != value or not local or "." not in domain or any(c.isspace() for c in value):
        raise ValueError(f"an email address such as info@example.org, found {value!r}")
    return value


def _check_phone(value: str) -> str:
    if not any(c.isdigit() for c in value) or any(c not in "0123456789 +-().ext" for c in value):
        raise ValueError(f"a phone number of digits, spaces, + - ( ), such as 0113 496 0000, found {value!r}")
    return value


def _check_logo_path(value: str) -> str:
    path = Path(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value:
        raise ValueError(f"a path inside this file's folder, such as logos/our-logo.svg, found {value!r}")
    if path.suffix.lower() not in (".svg", ".png"):
        raise ValueError(f"an SVG or PNG file (ending .svg or .png), found {value!r}")
    return value


Colour = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    AfterValidator(parse_colour),
    Field(examples=["#1f4e8c"], json_schema_extra={"pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"}),
]
Email = Annotated[str, StringConstraints(strip_whitespace=True, max_length=254), AfterValidator(_check_email)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40), AfterValidator(_check_phone)]
Foreword = Annotated[Text, AfterValidator(_check_words)]


class Logo(Strict):
    """The organisation's logo, printed beside its name."""

    path: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_check_logo_path)] = (
        Field(description="An SVG or PNG file, relative to the folder of this file (e.g. logos/our-logo.svg).")
    )
    alt: Line = Field(description="What the logo says, for readers who cannot see it: usually the name it shows.")


class Colours(Strict):
    """Brand colours. One too light to read on white is printed darker, with a warning."""

    primary: Colour = Field(description="Used for the organisation's name and headings: text, so 4.5:1 on white.")
    accent: Colour | None = Field(
        default=None, description="Used for rules and borders: graphics, so 3:1 on white. The primary when left out."
    )


class Contact(Strict):
    """How a reader reaches the organisation; printed in its contact block."""

    email: Email | None = None
    phone: Phone | None = None
    url: Url | None = None
    address: Text | None = Field(default=None, description="The postal address; one line per line of the address.")


class Identity(Strict):
    """Who an organisation is on paper: shared by the publisher's file and each member's."""

    name: Line = Field(description="The organisation's name as it should be printed.")
    logo: Logo | None = None
    colours: Colours | None = None
    contact: Contact = Field(default_factory=Contact)
    charity_number: Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)] | None = Field(
        default=None, description="A registered charity number, printed with the contact details."
    )


class Publisher(Identity):
    """The publisher's own file, ``publisher.yaml`` beside ``conf.py``."""


class Member(Identity):
    """A member organisation: its editions carry its name and logo beside the publisher's."""

    logo: Logo = Field(description="Every member edition shows the member's logo.")
    colours: Colours
    foreword: Foreword | None = Field(
        default=None,
        description=f"A few words to the member's readers, at most {MAX_FOREWORD_WORDS}; printed as theirs.",
    )
    packs: list[Identifier] | None = Field(
        default=None, description="Only these briefings (pack file names without .yaml); all when left out."
    )
    audiences: list[Identifier] | None = Field(
        default=None, description="Only the editions for these audiences (their ids); all when left out."
    )


@dataclass(frozen=True)
class LoadedMember:
    """A member file that passed every check, with what its editions print."""

    id: str
    path: Path
    member: Member
    #: The logo file, checked: inside the members folder, a sound SVG or PNG.
    logo: Path
    #: The colours as printed: each as written, or darkened until it reads (see colour.readable).
    primary: str
    accent: str


@dataclass(frozen=True)
class LoadedPublisher:
    """The publisher's file that passed every check, with what the publisher's own editions print."""

    path: Path
    publisher: Publisher
    #: The logo file, checked as a member's is; None when the file names none.
    logo: Path | None
    #: The colours as printed, after the same contrast gate as a member's; "" when the file gives none.
    primary: str
    accent: str
