"""The text model: how prose from a pack is split, folded, dated and checked, for every output.

Pages, print and email each used to split paragraphs their own way, and a blank line holding
a space made two paragraphs on the site and one in the email. Each rule now lives here once,
as a pure function with no Sphinx, so every output gives the same text and a test can pin the
rule in one place. Pages escape what these functions return; email and print templates escape
it themselves.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from babel.core import Locale
from babel.dates import format_date

from lcsi_briefs.languages import babel_locale

#: A line that is empty or holds only whitespace ends a paragraph.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")

#: Every character ``str.splitlines`` breaks on: in a one-line field each would become a second
#: line of a heading, or a second header line of an email.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def fold(text: str) -> str:
    """Collapse runs of whitespace (line breaks of every kind included) to single spaces."""
    return " ".join(text.split())


def paragraphs(text: str) -> list[str]:
    """Prose split on blank lines, each paragraph folded to one line of plain text."""
    return [folded for block in _BLANK_LINE.split(text) if (folded := fold(block))]


def long_date(value: dt.date, language: str) -> str:
    """Dates read as a reader of the pack's language expects ("11 July 2025" in en-GB)."""
    return format_date(value, format="long", locale=babel_locale(language) or Locale("en", "GB"))


def character_name(char: str) -> str:
    """``U+2028 (LINE SEPARATOR)``: what an editor can search for, even for an invisible character."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} ({name})" if name else f"U+{ord(char):04X}"


def is_noncharacter(char: str) -> bool:
    """The 66 code points Unicode reserves never to be text (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF)."""
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def unusable_character(text: str) -> str | None:
    """The first character no output can carry: a control, a lone surrogate or a noncharacter.

    Line feeds and tabs are layout, not content, and stay allowed here; one-line fields refuse
    line breaks separately (:func:`line_break`).
    """
    for char in text:
        category = unicodedata.category(char)
        if (category == "Cc" and char not in "\n\t") or category == "Cs" or is_noncharacter(char):
            return char
    return None


def line_break(text: str) -> str | None:
    """The first character that would start a new line, in a value that must stay one line."""
    return next((char for char in text if char in LINE_BREAKS), None)
