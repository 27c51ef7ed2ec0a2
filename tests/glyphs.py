"""Every glyph a PDF shows, with the size and slant a reader meets, read from its content streams.

The large-print checks ask this of every character of every large-print PDF. pdfplumber
(pdfminer) read the bundled pack's 15 large-print PDFs in 16 s; walking their content streams
with pikepdf (``contentstream``) takes 0.9 s, and gave the same text, size (to 0.001 pt) and
font for each of the 301,303 glyphs of the bundled pack's 30 PDFs, standard print included.
Neither reader is our production code.

The size is the height of the font's em square at right angles to the baseline, in points:
a glyph rotated or stretched sideways keeps its size, one drawn through a scaled form does not.
The slant is how far the glyph's upright stroke leans off the perpendicular (the sine of the
angle), which an italic face drawn upright does not show but a skewed text matrix does.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import NamedTuple

from . import contentstream
from .pdftext import read_once

#: A glyph leaning further than this (the sine of 1.1 degrees) off upright is slanted.
SLANT = 0.02
#: A face that leans by design, whatever the matrix says.
ITALIC = re.compile(r"italic|oblique", re.IGNORECASE)


class Shown(NamedTuple):
    """The glyphs one operator shows, which share a size, font and slant: their page (from 1),
    their text with whitespace left out (as pdfminer's characters), and what they share.

    A tuple, so that thousands of them go to JSON and back quickly (``pdftext.read_once``)."""

    page: int
    text: str
    size: float
    font: str
    slant: float


def read(path: Path) -> list[Shown]:
    """Every run of glyphs the PDF's pages show, in the order they are drawn, whitespace left out."""
    found = []
    for number, page in enumerate(contentstream.read(path), start=1):
        for run in page.runs:
            if text := "".join(run.text.split()):
                a, b, c, d, _, _ = run.matrix
                across = math.hypot(a, b)
                # The em's height at right angles to the baseline, and how far its upright leans.
                size = abs(run.size) * abs(a * d - b * c) / across
                slant = abs(a * c + b * d) / (across * math.hypot(c, d))
                found.append(Shown(number, text, size, run.font, slant))
    return found


def shown(path: Path) -> list[Shown]:
    """:func:`read`, once per run for each version of a shared build's file (see
    ``pdftext.read_once``): the large-print tests ask several times of the same bundled PDFs."""
    return [Shown(*row) for row in read_once(path, read)]


def large_print_problems(path: Path, minimum: float = 16.0) -> list[str]:
    """UKAAF large print: no character under ``minimum`` points, none in an italic or oblique face,
    none slanted."""
    small: dict[tuple[int, float, str], str] = {}
    for run in shown(path):
        face = run.font.split("+")[-1]
        slanted = run.slant > SLANT
        # The size is worked out from the matrices: allow for rounding.
        if run.size < minimum - 0.05 or slanted or ITALIC.search(face):
            if slanted:
                face += f" slanted {math.degrees(math.asin(min(run.slant, 1.0))):.0f}°"
            key = (run.page, round(run.size, 1), face)
            small[key] = small.get(key, "") + run.text
    return [f"page {page}: {size}pt {font}: {text[:40]!r}" for (page, size, font), text in small.items()]
