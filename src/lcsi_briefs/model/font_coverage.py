"""Which characters the PDFs can print, and the pack text that holds one they cannot.

A character no font covers prints as a blank box, and WeasyPrint says so once per glyph run,
with no file or line, minutes into a build. ``lcsi-briefs validate`` asks this module first, so
the editor gets one located message instead.

Only the fonts we bundle count (``pdf/static/fonts.css`` names them; the system's fonts are
never asked). A PDF must print the same on every machine: a character the build machine
happens to have a font for would print there and as a box elsewhere. The font files are read
once per process with fontTools, their character maps only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel.numbers import format_decimal, format_percent
from fontTools.ttLib import TTFont

from lcsi_briefs.languages import babel_locale
from lcsi_briefs.model.fields import is_language_tag
from lcsi_briefs.model.problems import Location, Problem
from lcsi_briefs.model.twins import language_name
from lcsi_briefs.model.yaml_reader import Document
from lcsi_briefs.text.paragraphs import character_name, is_noncharacter, long_date

FONTS_STYLESHEET = Path(__file__).parent.parent / "pdf" / "static" / "fonts.css"
_FACE = re.compile(r"@font-face\s*\{(?P<body>[^}]*)\}")
_SOURCE = re.compile(r'url\("(?P<url>[^"]+)"\)')
_RANGE = re.compile(r"U\+(?P<start>[0-9A-Fa-f]+)(?:-(?P<end>[0-9A-Fa-f]+))?")
#: Characters that shape the text rather than print: joiners, direction marks, soft hyphens
#: (Unicode category Cf) and variation selectors.
_VARIATION_SELECTORS = {*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)}


def _ranges(descriptor: str) -> set[int]:
    covered: set[int] = set()
    for match in _RANGE.finditer(descriptor):
        start = int(match["start"], 16)
        covered.update(range(start, int(match["end"] or match["start"], 16) + 1))
    return covered


@cache
def printable(stylesheet: Path = FONTS_STYLESHEET) -> frozenset[int]:
    """Every code point some bundled face prints: its file's character map, within its unicode-range."""
    covered: set[int] = set()
    for face in _FACE.finditer(stylesheet.read_text(encoding="utf-8")):
        body = face["body"]
        source = _SOURCE.search(body)
        if source is None:
            continue
        with TTFont(stylesheet.parent / source["url"], lazy=True) as font:
            characters = set(font.getBestCmap() or {})
        if "unicode-range" in body:
            characters &= _ranges(body.split("unicode-range", 1)[1])
        covered |= characters
    return frozenset(covered)


def needs_glyph(char: str) -> bool:
    """Whether a character is drawn, rather than shaping the characters around it.

    Controls, lone surrogates and noncharacters are left to the model's own text rule, which
    refuses them with a message of its own.
    """
    return (
        unicodedata.category(char) not in ("Cc", "Cf", "Cs")
        and not is_noncharacter(char)
        and ord(char) not in _VARIATION_SELECTORS
    )


def unprintable(text: str) -> str | None:
    """The first character of ``text`` that no bundled font prints, if any."""
    covered = printable()
    return next((char for char in text if ord(char) not in covered and needs_glyph(char)), None)


def _strings(value: object, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*location, index))


def language_words(language: str) -> str:
    """What the outputs write in a pack's language of their own accord: its name, dates, numbers."""
    if not is_language_tag(language):
        return ""  # the model refuses the tag itself
    locale = babel_locale(language)
    if locale is None:
        return ""
    dates = [long_date(dt.date(2026, month, 15), language) for month in range(1, 13)]
    numbers = [format_decimal(Decimal("-1234567.5"), locale=locale), format_percent(Decimal("0.315"), locale=locale)]
    return " ".join([*dates, *numbers, language_name(language)])


def _language_problems(document: Document) -> list[Problem]:
    """A language whose own dates, numbers or name no bundled font prints, found at its tag.

    The pack's text may be all in letters the fonts have while the language's month names are
    not: that failed only when the PDFs were printed.
    """
    briefing = document.data.get("briefing") if isinstance(document.data, dict) else None
    language = briefing.get("language") if isinstance(briefing, dict) else None
    char = unprintable(language_words(language)) if isinstance(language, str) else None
    if char is None:
        return []
    message = (
        f"the PDFs write dates, numbers and the language's name in {language!r} with {character_name(char)}, "
        "which no font the PDFs use can print; choose a language whose script the fonts cover"
    )
    return [document.problem(("briefing", "language"), message)]


def coverage_problems(document: Document) -> list[Problem]:
    """Each text value holding a character that no bundled font prints, located."""
    problems = _language_problems(document)
    for location, text in _strings(document.data, ()):
        char = unprintable(text)
        if char is None:
            continue
        problems.append(
            document.problem(
                location,
                f"found {character_name(char)}, which no font the PDFs use can print; "
                "write it another way, or leave it out",
            )
        )
    return problems
