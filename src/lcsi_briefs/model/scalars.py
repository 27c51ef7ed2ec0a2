"""Where a character of a value sits in the file, from how the YAML parser read the value.

A check that finds a word inside a value (a hedge, a long sentence) must point at that word,
not at the start of the field. YAML changes a value between the file and the data: it folds
line breaks and drops indentation, a double-quoted value has escapes (``\\u00e9`` is one
character, ``\\"`` a quotation mark, a backslash at a line's end joins two lines), a
single-quoted one doubles its quotation marks (``''``). What it never does is reorder the
characters or invent a visible one: each visible character of the value comes from one
stretch of the file, a character or an escape. So the file between the parser's start and end
marks is cut into those stretches, decoded the way the parser decodes them, and the value's
visible characters are matched to them in turn; whitespace, which folding adds and drops, is
matched to nothing. Searching the file's text instead drifted by a word wherever an escape or
a doubled quotation mark came first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

#: Single-character escapes of a double-quoted YAML scalar, and what each stands for.
_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
#: Escapes by code point: ``\x41``, ``\u00e9``, ``\U0001F600``, and how many hex digits each takes.
_CODE_ESCAPES = {"x": 2, "u": 4, "U": 8}
_LINE_BREAK = re.compile(r"\r\n|[\r\n]")


@dataclass(frozen=True)
class Scalar:
    """One scalar as the parser read it: its style (None when plain, or one of ``"'|>``) and
    where it starts and ends in the file (character indexes, and the start's line and column)."""

    style: str | None
    start: int
    end: int
    line: int  # 1-based, as editors count
    column: int


def _pieces(text: str, scalar: Scalar) -> Iterator[tuple[int, int, str]]:
    """The stretches of the file a scalar's value is made of: where each starts and ends, and what it reads as."""
    index, end = scalar.start, scalar.end
    if scalar.style in ("|", ">"):
        # The header (``|-``, ``>2``, perhaps a comment) is not content: the value starts on the next line.
        header = _LINE_BREAK.search(text, index, end)
        index = header.end() if header else end
    elif scalar.style in ('"', "'"):
        index, end = index + 1, end - 1
    while index < end:
        char = text[index]
        if scalar.style == '"' and char == "\\" and index + 1 < end:
            escaped = text[index + 1]
            if escaped in _CODE_ESCAPES:
                digits = _CODE_ESCAPES[escaped]
                yield index, index + 2 + digits, chr(int(text[index + 2 : index + 2 + digits], 16))
                index += 2 + digits
                continue
            if escaped in "\r\n":  # an escaped line break joins the lines: it reads as nothing
                yield index, index + 1, ""
                index += 1
                continue
            yield index, index + 2, _ESCAPES.get(escaped, escaped)
            index += 2
            continue
        if scalar.style == "'" and text.startswith("''", index):
            yield index, index + 2, "'"
            index += 2
            continue
        yield index, index + 1, char
        index += 1


def file_index(text: str, scalar: Scalar, value: str, offset: int) -> int:
    """The index in ``text`` of character ``offset`` of ``value``, the scalar's value as parsed.

    A whitespace character, which folding may have made from a line break or from nothing, is
    placed just after the visible character before it.
    """
    pieces = _pieces(text, scalar)
    index = scalar.start + (1 if scalar.style in ('"', "'") else 0)
    for position, char in enumerate(value[: offset + 1]):
        if char.isspace():
            continue
        for start, end, read in pieces:
            if read == char:
                index = start if position == offset else end
                break
        else:
            break  # the value is not this scalar's (it cannot be): keep the last place found
    return index


def line_and_column(text: str, scalar: Scalar, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``index``, counted from the scalar's start as the parser counts."""
    line, column = scalar.line, scalar.column
    position = scalar.start
    for match in _LINE_BREAK.finditer(text, scalar.start, index):
        line += 1
        column, position = 1, match.end()
    return line, column + index - position
