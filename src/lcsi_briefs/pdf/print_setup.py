"""How each kind of printed edition is set: its stylesheets, the paper a brief may take, the
time stamped into it, and what the editor is told when a brief does not fit.

The builder asks here for an edition's stylesheets and page limit; the tests ask the same
functions, so a rule about how a standard, large-print, brief or member's edition is set is
written once.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from lcsi_briefs.editions import Edition, MemberCopy
from lcsi_briefs.model.audience import Implication
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.print_page import FIGURES_SHEET, LARGE_PRINT_SHEET, PRINT_SHEET
from lcsi_briefs.pdf.render import PageLimit
from lcsi_briefs.text.counts import named_first

HERE = Path(__file__).parent
FONTS_STYLESHEET = HERE / "static" / "fonts.css"
#: The sheets that set the page and the figures are those the model reads the page from.
STYLESHEET, LARGE_PRINT_STYLESHEET, FIGURES_STYLESHEET = PRINT_SHEET, LARGE_PRINT_SHEET, FIGURES_SHEET
BRIEF_STYLESHEET = HERE / "static" / "brief.css"
#: The one step down a brief may take to fit two pages: body text at 10pt, never smaller.
BRIEF_SMALLER_STYLESHEET = HERE / "static" / "brief-10pt.css"
#: The one step a large-print brief may take to fit four pages: lines closer, never smaller text.
LARGE_PRINT_BRIEF_CLOSER_STYLESHEET = HERE / "static" / "brief-large-print-closer.css"
#: A member's edition: its logo, foreword and contact block (see cobrand.py).
MEMBERS_STYLESHEET = HERE / "static" / "members.css"
#: A one-sheet brief: both sides of one A4 sheet.
BRIEF_PAGES = 2
#: A large-print brief keeps its 16pt and takes the pages it needs, up to four.
LARGE_PRINT_BRIEF_PAGES = 4


def creation_time(edition_date: dt.date) -> dt.datetime:
    """Reproducible builds: SOURCE_DATE_EPOCH if set, else midnight UTC on the edition date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.combine(edition_date, dt.time(), tzinfo=dt.UTC)


def print_stylesheets(*, large_print: bool, brief: bool = False, member: bool = False) -> tuple[Path, ...]:
    """The stylesheets of a standard or large-print edition or brief, in the order they apply."""
    own = ((BRIEF_STYLESHEET,) if brief else ()) + ((MEMBERS_STYLESHEET,) if member else ())
    base = (FONTS_STYLESHEET, STYLESHEET, FIGURES_STYLESHEET, *own)
    return base + ((LARGE_PRINT_STYLESHEET,) if large_print else ())


def brief_limit(*, large_print: bool, member: bool = False) -> PageLimit:
    """Two pages, stepping down once to 10pt; large print up to four pages, stepping once to closer
    lines (it must stay large)."""
    if large_print:
        closer = (*print_stylesheets(large_print=True, brief=True, member=member), LARGE_PRINT_BRIEF_CLOSER_STYLESHEET)
        return PageLimit(LARGE_PRINT_BRIEF_PAGES, (closer,))
    smaller = (*print_stylesheets(large_print=False, brief=True, member=member), BRIEF_SMALLER_STYLESHEET)
    return PageLimit(BRIEF_PAGES, (smaller,))


def longest_implication(implications: list[Implication]) -> int:
    """The implication to shorten first: the longest without a short form, else the longest."""

    def length(implication: Implication) -> int:
        text = implication.brief or implication.text
        return len(text) + sum(map(len, implication.actions)) + sum(map(len, implication.questions))

    candidates = [i for i, implication in enumerate(implications) if implication.brief is None]
    return max(candidates or range(len(implications)), key=lambda i: length(implications[i]))


@dataclass(frozen=True)
class TooLong:
    """A brief (the publisher's own, or a member's copy) that runs past its pages, and by how much."""

    loaded: LoadedPack
    edition: Edition
    copy: MemberCopy | None
    how_long: str


#: More members' copies of one brief than this that run over are reported together, in one line.
MEMBER_COPIES_NAMED = 3


@dataclass(frozen=True)
class _Shorten:
    """What the editor is pointed at when a brief runs over: its longest implication, and how."""

    at: str  # file:line:column
    field: str
    brief: str  # "one-sheet brief for …", "large-print " before it where it is
    fits: str
    advice: str


def _shorten(loaded: LoadedPack, edition: Edition) -> _Shorten:
    index = next(i for i, a in enumerate(loaded.pack.audiences) if a.id == edition.audience)
    audience = loaded.pack.audiences[index]
    number = longest_implication(audience.implications)
    line, column = loaded.position(("audiences", index, "implications", number))
    fits = (
        f"{LARGE_PRINT_BRIEF_PAGES} A4 pages at 16pt"
        if edition.large_print
        else f"{BRIEF_PAGES} A4 pages even with body text at 10pt"
    )
    advice = "shorten it" if audience.implications[number].brief else "shorten it, or give it a shorter `brief` form"
    brief = f"{'large-print ' if edition.large_print else ''}one-sheet brief for {audience.name}"
    return _Shorten(f"{loaded.path}:{line}:{column}", f"audiences[{index}].implications[{number}]", brief, fits, advice)


def brief_too_long(loaded: LoadedPack, edition: Edition, copy: MemberCopy | None, how_long: str) -> str:
    """A brief past its pages, located at the implication to shorten (or to give a short form).

    A member's copy carries the member's logo, name and contact details too, so it can run over
    where the publisher's own fits: it is reported at the member's file, naming the member, with
    the implication as the place to shorten.
    """
    shorten = _shorten(loaded, edition)
    if copy is not None:
        return (
            f"{copy.origin}: warning: {copy.cobrand.name}'s copy of the {shorten.brief}, with its logo, name and "
            f"contact details, does not fit on {shorten.fits}: it runs to {how_long}. Nothing is cut; the "
            f"brief's longest implication is at {shorten.at} ({shorten.field}): {shorten.advice}, or give the "
            "member fewer contact details."
        )
    return (
        f"{shorten.at}: warning: {shorten.field}: the {shorten.brief} does not fit on {shorten.fits}: it runs "
        f"to {how_long}. Nothing is cut; this is its longest implication: {shorten.advice}."
    )


def _members_too_long(copies: list[TooLong]) -> str:
    """Many members' copies of one brief past its pages: one line, at the implication to shorten."""
    first = copies[0]
    shorten = _shorten(first.loaded, first.edition)
    names = named_first([item.copy.cobrand.name for item in copies if item.copy], MEMBER_COPIES_NAMED)
    return (
        f"{shorten.at}: warning: {shorten.field}: {len(copies)} members' copies of the {shorten.brief}, "
        f"with their logos, names and contact details, do not fit on {shorten.fits} ({names}; "
        f"the first runs to {first.how_long}). Nothing is cut; "
        f"this is the brief's longest implication: {shorten.advice}."
    )


def too_long_messages(found: list[TooLong]) -> list[str]:
    """Each brief past its pages, said once, in a stable order: the publisher's own, then members'
    copies, each at the member's file, or in one line when more than a few copies of it run over."""
    messages: list[str] = []
    ordered = sorted(found, key=lambda item: (str(item.loaded.path), item.edition.filename, item.copy is not None))
    for _, grouped in groupby(ordered, key=lambda item: (str(item.loaded.path), item.edition.filename)):
        group = list(grouped)
        copies = sorted((item for item in group if item.copy), key=lambda item: item.copy.origin if item.copy else "")
        messages += [brief_too_long(item.loaded, item.edition, None, item.how_long) for item in group if not item.copy]
        if len(copies) > MEMBER_COPIES_NAMED:
            messages.append(_members_too_long(copies))
        else:
            messages += [brief_too_long(item.loaded, item.edition, item.copy, item.how_long) for item in copies]
    return messages
