"""Colours as editors write them, and the WCAG contrast every printed colour must reach.

One module for the one rule: the accessibility statement measures the print stylesheets'
colours with :func:`contrast`, and the member editions hold each member's brand colours to
it (:func:`readable`), darkening one that is too light rather than printing it unreadable.
"""

from __future__ import annotations

import re

#: WCAG 2.2 AA: body text (1.4.3) and graphics that carry meaning (1.4.11).
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0
#: The printed page.
WHITE = "#ffffff"

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def parse_colour(value: str) -> str:
    """``#1F4E8C`` or ``#18c`` as lower-case ``#rrggbb``; ValueError (the expected form) otherwise."""
    text = value.strip()
    if not _HEX.match(text):
        raise ValueError(f"a colour written as # and six hexadecimal digits, such as #1f4e8c, found {value!r}")
    digits = text[1:].lower()
    return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in _channels(colour))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _scaled(colour: str, factor: float) -> str:
    return "#" + "".join(f"{round(channel * factor):02x}" for channel in _channels(colour))


def readable(colour: str, background: str = WHITE, minimum: float = TEXT_CONTRAST) -> str:
    """``colour`` if it reaches ``minimum`` on ``background``, else the lightest darker shade that does.

    Darkening scales the three channels together, which keeps the hue: a too-light yellow
    becomes an olive, not a brown. Each step is one level of the brightest channel, so the
    shade found is the nearest that passes.
    """
    if contrast(colour, background) >= minimum:
        return colour
    brightest = max(_channels(colour))
    for level in range(brightest - 1, -1, -1):
        shade = _scaled(colour, level / brightest)
        if contrast(shade, background) >= minimum:
            return shade
    return "#000000"
