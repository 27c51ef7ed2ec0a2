"""The running head: the briefing's title in short, one line in the page's top margin.

A running head is a short form of the title, as a publisher sets it: ``briefing.short_title``
where the editor gave one, else the title itself. Whichever it is, it is set on one line at
the print size, beside what a table continued from the page before prints in the header's
right-hand box; a head too long for that is shortened at a word boundary, with an ellipsis.
(WeasyPrint wraps a margin box's text: a long title ran to four lines at 16pt, the first above
the page's top edge and the last into the text. ``white-space: nowrap`` only moves it past the
page's right edge, and ``text-overflow: ellipsis`` is not applied to margin boxes.)

The line and the size are read from the stylesheets that print it, and each word is measured
with the bundled fonts' widths (:func:`lcsi_briefs.text.measure.text_width`, the wider of the
two ways a character may be drawn), so what is measured here is never narrower than what prints.
``lcsi-briefs validate`` warns where the head is shortened in large print, the narrowest line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from lcsi_briefs.model.pack import SHORT_TITLE_MAX, Briefing, LoadedPack
from lcsi_briefs.model.print_page import font_size, print_sheets, sheet_text, text_column
from lcsi_briefs.model.problems import Problem, Severity, field_path
from lcsi_briefs.text.measure import text_width
from lcsi_briefs.text.shorten import shorten
from lcsi_briefs.text.units import pt_to_mm

#: The id of the title that sets the running head: preflight locates a header problem at it.
RUNNING_HEAD_ID = "lcsi-running-head"
#: Room (points) kept between the head and a "(continued)" label beside it, and for what the
#: measured widths leave out (hinting, rounding): a head measured to the last point may still wrap.
GAP = 12.0
#: What a table continued from the page before prints beside the head (sphinx_ext/directives.py).
_CONTINUED = {False: re.compile(r'data-continued="([^"]*)"'), True: re.compile(r'data-continued-short="([^"]*)"')}


@dataclass(frozen=True)
class HeadMeasure:
    """The running head's line (points) and size (points) in one print size."""

    width: float
    size: float


@cache
def head_measure(*, large_print: bool) -> HeadMeasure:
    """The line (the page's text column) and size of the running head, the later stylesheet's
    value winning."""
    size = 0.0
    for path in print_sheets(large_print=large_print):
        size = font_size(sheet_text(path), "@top-left", size)
    return HeadMeasure(text_column(large_print=large_print), size)


def fit(text: str, room: float, size: float) -> str:
    """``text`` whole if it fits ``room`` at ``size``, else its first words and an ellipsis."""
    return shorten(text, lambda shortened: text_width(shortened, size) <= room)


def continued_labels(body: str, *, large_print: bool) -> list[str]:
    """The "(continued)" labels the tables of an edition's ``body`` may print beside the head."""
    return [html.unescape(label) for label in _CONTINUED[large_print].findall(body)]


def running_head(briefing: Briefing, *, large_print: bool, body: str = "") -> str:
    """The running head of an edition: the short title or title, one line beside any label."""
    measure = head_measure(large_print=large_print)
    beside = max(
        (text_width(label, measure.size) for label in continued_labels(body, large_print=large_print)), default=0
    )
    room = measure.width - beside - GAP
    return fit(briefing.short_name, room, measure.size)


def running_head_problems(loaded: LoadedPack) -> list[Problem]:
    """A warning where the running head is shortened in large print: the editor should choose it."""
    briefing = loaded.pack.briefing
    head = running_head(briefing, large_print=True)
    given = briefing.short_name
    if head == " ".join(given.split()):
        return []
    key = briefing.short_field
    measure = head_measure(large_print=True)
    advice = (
        "shorten the short_title"
        if briefing.short_title
        else f"give the briefing a short_title (at most {SHORT_TITLE_MAX} characters) to run instead"
    )
    message = (
        f"the {key} is {pt_to_mm(text_width(given, measure.size)):.0f} mm long at the running head's "
        f"{measure.size:g}pt in large print, too long for one line of the page's "
        f"{pt_to_mm(measure.width - GAP):.0f} mm; it runs shortened to {head!r}: {advice}"
    )
    line, column = loaded.position(("briefing", key))
    return [Problem(loaded.path, line, column, field_path(("briefing", key)), message, Severity.WARNING)]
