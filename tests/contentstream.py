"""What a PDF's pages show, run by run, read from their content streams with pikepdf.

Each text-showing operator is one run: its text, its font and size, and the matrix from text
space to the page where it starts. Four checks read them: the large-print check (``glyphs``)
takes each glyph's size and slant from the matrix, ``pdftext.pages`` each line's baseline,
``pdfua.artifact_text`` each run's marked-content tag, and the brief's text check
(``test_brief_content``) each run's block and the words it starts. They once used pdfplumber or pypdf, which
read every glyph in Python and were the slowest steps of the print tests. The walk keeps only
the graphics state that places text: ``q``/``Q``, ``cm``, ``BT``, ``Tm``, ``Td``, ``TD``,
``T*``, ``TL``, ``Tf`` and Form XObjects (``Do``) with their ``/Matrix``; and the tag of
``BDC``/``BMC`` … ``EMC``. Runs drawn without a ``ToUnicode`` map read ``(cid:N)``, as pdfminer
has it.

Standalone (no package imports), so ``tests/pagefill.py`` still runs as a script.
"""

from __future__ import annotations

import math
import re
import struct
from pathlib import Path
from typing import NamedTuple

import pikepdf

#: A PDF matrix (a, b, c, d, e, f).
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: The operators that place or show text, and those that mark content.
OPERATORS = "q Q cm BT Tm Td TD T* TL Tf Tj TJ ' \" Do BDC BMC EMC"
_SHOW = frozenset(("Tj", "TJ", "'", '"'))
#: The operators that move to a line: ' and " do, then show.
_PLACE = frozenset(("BT", "Tm", "Td", "TD", "T*", "TL", "'", '"'))
_HEX = re.compile(rb"<([0-9a-fA-F]*)>")
_RANGE = re.compile(rb"<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s*(?:<[0-9a-fA-F]*>|\[[^\]]*\])")
#: Forms nested deeper than this are taken for a loop.
DEPTH = 16


class Run(NamedTuple):
    """What one operator shows."""

    #: As drawn, spaces included; a gap in a ``TJ`` array of half a space or more reads as a
    #: space, as pypdf reads it.
    text: str
    font: str
    #: The font size set by ``Tf``, in text space.
    size: float
    #: Text space to the page, where the run starts: the text matrix, then the transformation.
    matrix: Matrix
    #: How far the run moves along its baseline, and the font's space, both in text space.
    advance: float
    space: float
    #: Which ``BT`` … ``ET`` block of its content stream holds it.
    block: int
    #: The marked-content tag it is drawn under, as pdfplumber reads it: the last ``BDC`` or
    #: ``BMC``'s (``/Artifact``, ``/P``…), none after an ``EMC``.
    tag: str | None = None


class Page(NamedTuple):
    """One page: its height in points and its runs, in the order they are drawn."""

    height: float
    runs: list[Run]


def times(first: Matrix, then: Matrix) -> Matrix:
    """``first`` followed by ``then``, in PDF's row-vector order (``first`` times ``then``)."""
    a, b, c, d, e, f = first
    g, h, i, j, k, m = then
    return (a * g + b * i, a * h + b * j, c * g + d * i, c * h + d * j, e * g + f * i + k, e * h + f * j + m)


def _matrix(values: pikepdf.Array | list[pikepdf.Object]) -> Matrix:
    a, b, c, d, e, f = (float(value) for value in list(values)[:6])
    return (a, b, c, d, e, f)


def _move(x: float, y: float) -> Matrix:
    return (1.0, 0.0, 0.0, 1.0, x, y)


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


def widths(font: pikepdf.Dictionary) -> dict[int, float]:
    """Each code's advance in glyph space (thousandths of the size): ``/W`` of a Type 0 font's
    descendant, ``/Widths`` from ``/FirstChar`` of a simple font."""
    if str(font.get("/Subtype")) != "/Type0":
        first = int(font.get("/FirstChar", 0))
        return {first + offset: float(width) for offset, width in enumerate(font.get("/Widths", []))}
    entries = list(font.DescendantFonts[0].get("/W", []))
    found: dict[int, float] = {}
    index = 0
    while index < len(entries):
        start = int(entries[index])
        if isinstance(entries[index + 1], pikepdf.Array):
            found.update({start + offset: float(width) for offset, width in enumerate(entries[index + 1])})
            index += 2
        else:
            found.update(dict.fromkeys(range(start, int(entries[index + 1]) + 1), float(entries[index + 2])))
            index += 3
    return found


class Font:
    """What a font's codes say, as pdfminer reads them (two bytes a code for a Type 0 font), and
    how far each moves the pen."""

    def __init__(self, font: pikepdf.Dictionary) -> None:
        subtype = str(font.get("/Subtype"))
        self.name = str(font.get("/BaseFont", "/unnamed")).removeprefix("/")
        if subtype == "/Type3":
            # Its glyphs are drawings in a space of their own: no em square to give a size.
            raise ValueError(f"{self.name}: cannot tell the size of a Type 3 font's glyphs")
        self.code = "H" if subtype == "/Type0" else "B"
        self.width = struct.calcsize(self.code)
        self.unicode = _Unmapped(to_unicode(font))
        self.widths = widths(font)
        spaces = [self.widths.get(code, 0.0) for code, text in self.unicode.items() if text == " "]
        drawn = [width for width in self.widths.values() if width > 0]
        # Without a space of its own, half the average glyph, as pypdf guesses.
        self.space = spaces[0] if spaces and spaces[0] else (sum(drawn) // len(drawn) if drawn else 500) // 2

    def codes(self, data: bytes) -> tuple[int, ...]:
        count = len(data) // self.width
        return struct.unpack(f">{count}{self.code}", data[: count * self.width])

    def show(self, shown: pikepdf.Object) -> tuple[str, float]:
        """What a ``Tj`` string or ``TJ`` array reads, and how far it moves the pen, in glyph space."""
        items = list(shown) if isinstance(shown, pikepdf.Array) else [shown]
        text, advance = "", 0.0
        for item in items:
            if isinstance(item, pikepdf.String):
                codes = self.codes(bytes(item))
                text += "".join(map(self.unicode.__getitem__, codes))
                advance += sum(self.widths.get(code, 0.0) for code in codes)
                continue
            advance -= float(item)
            # pypdf's rule (with its 5% allowance): a gap of half a space or more is a space.
            if -float(item) >= 0.95 * self.space / 2 and text[-1:] not in ("", " ", "\n"):
                text += " "
        return text, advance


def starts_word(before: Run, run: Run) -> bool:
    """Whether ``run`` starts half a space or more past where ``before`` ends on its line: a new
    word, as pypdf's text visitor reads it."""
    scale = math.hypot(before.matrix[0], before.matrix[1])
    gap = run.matrix[4] - (before.matrix[4] + before.advance * scale)
    return gap >= before.space / 2 * scale


class _Reader:
    """Walks one PDF's pages and forms, keeping each font read once."""

    def __init__(self) -> None:
        self.fonts: dict[tuple[int, int], Font] = {}
        self.runs: list[Run] = []
        self.blocks = 0
        self.tag: str | None = None

    def font(self, resources: pikepdf.Dictionary, name: pikepdf.Object) -> Font:
        """The font ``Tf`` names in ``resources``, read once per PDF."""
        dictionary = resources.get("/Font", {}).get(name)
        if not isinstance(dictionary, pikepdf.Dictionary):
            raise ValueError(f"font {name} is not in the resources")
        key = dictionary.objgen
        if key == (0, 0):  # a direct object: no number to keep it by
            return Font(dictionary)
        if key not in self.fonts:
            self.fonts[key] = Font(dictionary)
        return self.fonts[key]

    def walk(self, stream: pikepdf.Object, resources: pikepdf.Dictionary, ctm: Matrix, depth: int) -> None:
        """Each run ``stream`` shows, drawn with the current transformation ``ctm``."""
        if depth > DEPTH:
            raise ValueError(f"forms nested more than {DEPTH} deep")
        saved: list[tuple[Matrix, Font | None, float, float]] = []
        font: Font | None = None
        size = leading = 0.0
        tm = line = IDENTITY
        for operands, operator in pikepdf.parse_content_stream(stream, OPERATORS):
            name = str(operator)
            if name in _PLACE:
                line, leading = _place(name, operands, line, leading)
                tm = line if name != "TL" else tm
                if name == "BT":
                    self.blocks += 1
            if name in _SHOW:
                if font is None:
                    raise ValueError("text shown before any Tf")
                text, advance = font.show(operands[-1])
                advance *= size / 1000
                space = font.space * size / 1000
                self.runs.append(Run(text, font.name, size, times(tm, ctm), advance, space, self.blocks, self.tag))
                tm = times(_move(advance, 0.0), tm)
            elif name in ("BDC", "BMC"):
                self.tag = str(operands[0])
            elif name == "EMC":
                self.tag = None
            elif name == "Tf":
                font, size = self.font(resources, operands[0]), float(operands[1])
            elif name == "q":
                saved.append((ctm, font, size, leading))
            elif name == "Q":
                ctm, font, size, leading = saved.pop()
            elif name == "cm":
                ctm = times(_matrix(operands), ctm)
            elif name == "Do":
                form = resources.get("/XObject", {}).get(operands[0])
                if isinstance(form, pikepdf.Stream) and form.get("/Subtype") == "/Form":
                    matrix = _matrix(form.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                    self.walk(form, form.get("/Resources", resources), times(matrix, ctm), depth + 1)


def _place(name: str, operands: list[pikepdf.Object], line: Matrix, leading: float) -> tuple[Matrix, float]:
    """Where the next line starts, and the leading, after a text-positioning operator (the text
    matrix starts each line)."""
    if name == "BT":
        return IDENTITY, leading
    if name == "Tm":
        return _matrix(operands), leading
    if name == "TL":
        return line, float(operands[0])
    if name in ("Td", "TD"):
        x, y = float(operands[0]), float(operands[1])
        return times(_move(x, y), line), -y if name == "TD" else leading
    return times(_move(0.0, -leading), line), leading  # T*, and ' and " before they show


def read(path: Path, only: int | None = None) -> list[Page]:
    """Each page of the PDF (or the page at index ``only``), with every run its content stream
    and forms show."""
    reader = _Reader()
    found = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages if only is None else [pdf.pages[only]]:
            reader.runs, reader.tag = [], None  # each page starts outside any marked content
            reader.walk(page.obj, page.obj.get("/Resources", pikepdf.Dictionary()), IDENTITY, 0)
            box = [float(value) for value in page.mediabox]
            found.append(Page(box[3] - box[1], reader.runs))
    return found
