"""Every glyph a PDF shows, with the size and slant a reader meets, read from its content streams.

The large-print checks ask this of every character of every large-print PDF. pdfplumber
(pdfminer) read the bundled pack's 15 large-print PDFs in 16 s; walking their content streams
with pikepdf takes 0.9 s, and gave the same text, size (to 0.001 pt) and font for each of the
301,303 glyphs of the bundled pack's 30 PDFs, standard print included. Neither reader is our
production code. A glyph's size needs only part of the graphics state: ``q``/``Q``, ``cm``,
``BT``, ``Tm``, ``Tf`` and Form XObjects (``Do``) with their ``/Matrix``. Where a glyph sits
does not change its size, so ``Td``, ``TD``, ``T*`` and ``TL`` are left alone.

The size is the height of the font's em square at right angles to the baseline, in points:
a glyph rotated or stretched sideways keeps its size, one drawn through a scaled form does not.
The slant is how far the glyph's upright stroke leans off the perpendicular (the sine of the
angle), which an italic face drawn upright does not show but a skewed text matrix does.
"""

from __future__ import annotations

import math
import re
import struct
from pathlib import Path
from typing import NamedTuple

import pikepdf

from .pdftext import read_once

#: The linear part of a PDF matrix, (a, b, c, d): where a glyph sits does not change its size.
Matrix = tuple[float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0)
#: The operators that set or use what a glyph's size and font come from.
OPERATORS = "q Q cm BT Tm Tf Tj TJ ' \" Do"
_SHOW = frozenset(("Tj", "TJ", "'", '"'))
_HEX = re.compile(rb"<([0-9a-fA-F]*)>")
_RANGE = re.compile(rb"<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s*(?:<[0-9a-fA-F]*>|\[[^\]]*\])")
#: Forms nested deeper than this are taken for a loop.
DEPTH = 16
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


def _times(first: Matrix, then: Matrix) -> Matrix:
    """``first`` followed by ``then``, in PDF's row-vector order (``first`` times ``then``)."""
    a, b, c, d = first
    e, f, g, h = then
    return (a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)


def _linear(values: pikepdf.Array | list[pikepdf.Object]) -> Matrix:
    a, b, c, d = (float(value) for value in list(values)[:4])
    return (a, b, c, d)


def _utf16(digits: bytes) -> str:
    return bytes.fromhex(digits.decode("ascii")).decode("utf-16-be", errors="replace")


def to_unicode(font: pikepdf.Dictionary) -> dict[int, str]:
    """The font's ``/ToUnicode`` CMap, code to text (``bfchar`` and both kinds of ``bfrange``)."""
    stream = font.get("/ToUnicode")
    if not isinstance(stream, pikepdf.Stream):
        return {}
    data = stream.read_bytes()
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.DOTALL):
        values = _HEX.findall(block)
        for code, text in zip(values[::2], values[1::2], strict=True):
            mapping[int(code, 16)] = _utf16(text)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.DOTALL):
        for entry in _RANGE.findall(block):
            low, high, *targets = _HEX.findall(entry)
            first, last = int(low, 16), int(high, 16)
            if b"[" in entry:
                mapping.update({first + offset: _utf16(text) for offset, text in enumerate(targets)})
                continue
            start = bytes.fromhex(targets[0].decode("ascii"))
            for offset in range(last - first + 1):
                # Each code's text counts up from the range's first (ISO 32000-1, 9.10.3).
                target = (int.from_bytes(start, "big") + offset).to_bytes(len(start), "big")
                mapping[first + offset] = target.decode("utf-16-be", errors="replace")
    return mapping


class _Unmapped(dict[int, str]):
    def __missing__(self, code: int) -> str:
        return f"(cid:{code})"  # as pdfminer


class Font:
    """What a font's codes say, as pdfminer reads them: two bytes a code for a Type 0 font."""

    def __init__(self, font: pikepdf.Dictionary) -> None:
        subtype = str(font.get("/Subtype"))
        self.name = str(font.get("/BaseFont", "/unnamed")).removeprefix("/")
        if subtype == "/Type3":
            # Its glyphs are drawings in a space of their own: no em square to give a size.
            raise ValueError(f"{self.name}: cannot tell the size of a Type 3 font's glyphs")
        self.code = "H" if subtype == "/Type0" else "B"
        self.width = struct.calcsize(self.code)
        self.unicode = _Unmapped(to_unicode(font))

    def text(self, data: bytes) -> str:
        """The text of the codes in ``data``, each code's whitespace-only text left out."""
        count = len(data) // self.width
        codes = struct.unpack(f">{count}{self.code}", data[: count * self.width])
        return "".join([text for text in map(self.unicode.__getitem__, codes) if text.strip()])


def _shown(operator: str, operands: list[pikepdf.Object]) -> bytes:
    shown = operands[-1]
    if operator == "TJ":
        return b"".join(bytes(item) for item in shown if isinstance(item, pikepdf.String))
    return bytes(shown)


class _Reader:
    """Walks one PDF's pages and forms, keeping each font read once."""

    def __init__(self) -> None:
        self.fonts: dict[tuple[int, int], Font] = {}
        self.shown: list[Shown] = []

    def font(self, resources: pikepdf.Dictionary, name: pikepdf.Object) -> Font:
        dictionary = resources.get("/Font", {}).get(name)
        if not isinstance(dictionary, pikepdf.Dictionary):
            raise ValueError(f"font {name} is not in the resources")
        key = dictionary.objgen
        if key == (0, 0):  # a direct object: no number to keep it by
            return Font(dictionary)
        if key not in self.fonts:
            self.fonts[key] = Font(dictionary)
        return self.fonts[key]

    def walk(self, stream: pikepdf.Object, resources: pikepdf.Dictionary, ctm: Matrix, page: int, depth: int) -> None:
        """Each glyph ``stream`` shows, drawn with the current transformation ``ctm``."""
        if depth > DEPTH:
            raise ValueError(f"page {page}: forms nested more than {DEPTH} deep")
        saved: list[tuple[Matrix, Font | None, float]] = []
        font: Font | None = None
        size, tm = 0.0, IDENTITY
        for operands, operator in pikepdf.parse_content_stream(stream, OPERATORS):
            name = str(operator)
            if name in _SHOW:
                if font is None:
                    raise ValueError(f"page {page}: text shown before any Tf")
                a, b, c, d = _times(tm, ctm)
                across = math.hypot(a, b)
                # The em's height at right angles to the baseline, and how far its upright leans.
                height = abs(size) * abs(a * d - b * c) / across
                slant = abs(a * c + b * d) / (across * math.hypot(c, d))
                if text := font.text(_shown(name, operands)):
                    self.shown.append(Shown(page, text, height, font.name, slant))
            elif name == "Tm":
                tm = _linear(operands)
            elif name == "BT":
                tm = IDENTITY
            elif name == "Tf":
                font, size = self.font(resources, operands[0]), float(operands[1])
            elif name == "q":
                saved.append((ctm, font, size))
            elif name == "Q":
                ctm, font, size = saved.pop()
            elif name == "cm":
                ctm = _times(_linear(operands), ctm)
            elif name == "Do":
                form = resources.get("/XObject", {}).get(operands[0])
                if isinstance(form, pikepdf.Stream) and form.get("/Subtype") == "/Form":
                    matrix = _linear(form.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                    self.walk(form, form.get("/Resources", resources), _times(matrix, ctm), page, depth + 1)


def read(path: Path) -> list[Shown]:
    """Every run of glyphs the PDF's pages show, in the order they are drawn, whitespace left out."""
    reader = _Reader()
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            reader.walk(page.obj, page.obj.get("/Resources", pikepdf.Dictionary()), IDENTITY, number, 0)
    return reader.shown


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
