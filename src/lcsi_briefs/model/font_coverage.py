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

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from lcsi_briefs.model.problems import Location, Problem
from lcsi_briefs.model.yaml_reader import Document
from lcsi_briefs.text.paragraphs import character_name, is_noncharacter

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


def coverage_problems(document: Document) -> list[Problem]:
    """Each text value holding a character that no bundled font prints, located."""
    problems = []
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
