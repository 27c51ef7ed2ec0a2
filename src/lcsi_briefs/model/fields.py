"""The building blocks of a pack's fields: identifiers, lines, text, addresses, language tags
and dates, each checked where it enters so every model below can rely on it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)

from lcsi_briefs.languages import babel_locale
from lcsi_briefs.model.problems import describe
from lcsi_briefs.text.paragraphs import character_name, is_noncharacter, line_break, unusable_character

#: Identifiers become file names and URL fragments, so they are kept to a portable subset.
ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")

#: Longest prose value accepted. Generous for a briefing, small enough to stop a pasted book.
MAX_TEXT = 20_000


def is_reserved_name(value: str) -> bool:
    """Whether Windows reserves ``value`` as a device name (``con``, ``lpt1``): no file may be called so."""
    return _WINDOWS_RESERVED.match(value) is not None


def _check_identifier(value: str) -> str:
    if is_reserved_name(value):
        raise ValueError(f"an identifier that is not a reserved Windows file name, found {value!r}")
    return value


#: Invisible characters that change the order text is shown in. In a label, a cell or a title
#: (one line, drawn in a chart, a table, a heading) one can reverse the number after it, so that
#: 1,234 reads "432,1": the outputs set each text's direction from its language instead.
DIRECTION_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: The two that override the direction of every letter after them: refused in prose as well, where
#: the marks and isolates above have honest uses in right-to-left writing.
DIRECTION_OVERRIDES = frozenset("\u202d\u202e")
#: An RFC 2047 encoded word, which an email program decodes into other text (line breaks and all).
ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[BbQq]\?[^?\s]*\?=")


def _check_text(value: str) -> str:
    """Reject text a reader could not see: control characters would vanish or break output."""
    char = unusable_character(value)
    if char is None:
        override = next((c for c in value if c in DIRECTION_OVERRIDES), None)
        if override is not None:
            raise ValueError(
                f"text without direction overrides, which show the letters after them in another order, "
                f"found {character_name(override)}"
            )
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
    control = next((c for c in value if c in DIRECTION_CONTROLS), None)
    if control is not None:
        raise ValueError(
            "a single line without invisible direction controls, which can show a number or name in "
            f"another order (its language sets the direction), found {character_name(control)}"
        )
    word = ENCODED_WORD.search(value)
    if word is not None:
        raise ValueError(
            "a single line without an email encoded word ('=?…?='), which an email program would "
            f"decode into other text, found {describe(word.group())}"
        )
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


#: A well-formed BCP 47 language tag (RFC 5646's ``langtag`` and private use), nothing more:
#: Babel alone ignores whatever follows a ``.`` or an ``@``, so ``en-GB.<script>`` would pass it.
LANGUAGE_TAG_PATTERN = (
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"  # language, with extended subtags
    r"(?:-[A-Za-z]{4})?"  # script
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"  # variants
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"  # extensions
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$"  # private use
)
#: The tag BCP 47 gives to a language that cannot be determined.
UNDETERMINED = "und"


def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a well-formed BCP 47 tag: letters and digits in hyphen-joined parts."""
    return re.fullmatch(LANGUAGE_TAG_PATTERN, value) is not None


def written_tag(value: str) -> str:
    """A language tag as it may be written into HTML, MyST, CSS or an email header.

    Validation already refuses a malformed tag; this is the second lock, for every place a tag
    is written, whatever validated it: a malformed one is written as ``und`` (undetermined),
    which can carry no markup.
    """
    return value if is_language_tag(value) else UNDETERMINED


def _check_language(value: str) -> str:
    expected = "a language tag such as 'en-GB' or 'cy'"
    if not is_language_tag(value):
        raise ValueError(f"{expected}: letters and digits in parts joined by hyphens, found {value!r}")
    if babel_locale(value) is None:
        raise ValueError(f"{expected}, found {value!r}")
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
#: A path to a local text file, relative to the pack's folder, written with "/" (no ".." either:
#: :mod:`lcsi_briefs.model.source_text` refuses it, and a path that leads outside the folder).
TEXT_FILE_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9._/-]*\.txt$"
TextFile = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    # Checked with editors' wording by source_text.text_file_problems; the schema tells their editor.
    Field(examples=["sources/final-report.txt"], json_schema_extra={"pattern": TEXT_FILE_PATTERN}),
]
LanguageTag = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=35),
    AfterValidator(_check_language),
    Field(examples=["en-GB"], json_schema_extra={"format": "language-tag", "pattern": LANGUAGE_TAG_PATTERN}),
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
