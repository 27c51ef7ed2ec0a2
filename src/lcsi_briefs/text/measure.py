"""How much room a line of text takes in the bundled fonts, from their own metrics.

A chart is laid out before any renderer sees it, and ``validate`` refuses a table word no page
can hold (:mod:`lcsi_briefs.model.table_fit`), so both measure text here, in a layer below
both: each character's advance width read once with fontTools from the fonts the PDFs embed and
the site serves (Atkinson Hyperlegible, with DejaVu Sans for what it lacks, as
``pdf/static/fonts.css`` chains them). A browser without those fonts falls back to DejaVu Sans, so every width is the
larger of the two: a label measured here never runs wider in any of the three.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).parent.parent / "pdf" / "fonts"
#: The chart's font stack: the bundled faces first, so what is drawn is what was measured.
FONT_FAMILY = "Atkinson Hyperlegible, DejaVu Sans, DejaVu Sans Bundled, sans-serif"
#: Above and below the baseline, as a share of the font size: the taller of the two fonts'.
ASCENT = 0.95
DESCENT = 0.29


@dataclass(frozen=True)
class _Face:
    widths: dict[int, float]
    fallback: float

    def width(self, char: str, backup: _Face | None = None) -> float:
        code = ord(char)
        if code in self.widths:
            return self.widths[code]
        if backup is not None and code in backup.widths:
            return backup.widths[code]
        return self.fallback


@cache
def _face(name: str) -> _Face:
    """Advance widths in em of one bundled font, by code point."""
    with TTFont(FONTS / f"{name}.woff", lazy=True) as font:
        scale = 1 / font["head"].unitsPerEm
        metrics = font["hmtx"]
        widths = {code: metrics[glyph][0] * scale for code, glyph in (font.getBestCmap() or {}).items()}
    # A character neither font has prints as a box about one em wide.
    return _Face(widths, 1.0)


def _dejavu(bold: bool) -> _Face:
    return _face(f"dejavu-sans-{'700' if bold else '400'}-normal")


def printed_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` at ``size`` in the PDFs, which embed both fonts and chain them."""
    atkinson, dejavu = _face(f"atkinson-hyperlegible-{'700' if bold else '400'}-normal"), _dejavu(bold)
    return sum(atkinson.width(char, dejavu) for char in text) * size


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` at ``size`` in the wider of the two ways it may be drawn: as printed,
    or in DejaVu Sans alone (a browser without the bundled fonts)."""
    dejavu = _dejavu(bold)
    return max(printed_width(text, size, bold=bold), sum(dejavu.width(char) for char in text) * size)


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width``, broken between words (inside one only if it must)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold=bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while text_width(line, size, bold=bold) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and text_width(line[:cut], size, bold=bold) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    return [*lines, line] if line or not lines else lines
