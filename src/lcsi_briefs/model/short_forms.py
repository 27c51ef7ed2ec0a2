"""Short forms keep the publisher's own reading: a ``brief`` that drops "In our view" is refused.

The one-sheet brief prints the editor's short form of an implication (``brief``) or of the note
above them (``about_implications_brief``) in place of the full text. A short form that no
longer marks the reading as the publisher's would print it as if it were the research's, so it
is a problem in the data, found by ``validate`` before any build; a short form that drops a
hedge is an editorial warning (see :mod:`lcsi_briefs.check.short_forms`).
"""

from __future__ import annotations

from collections.abc import Iterator

from lcsi_briefs.model.pack import Pack
from lcsi_briefs.model.problems import Location, Problem
from lcsi_briefs.model.yaml_reader import Document
from lcsi_briefs.text.phrase_lists import OWN_READING, list_pattern


def short_form_pairs(pack: Pack) -> Iterator[tuple[Location, str, Location, str]]:
    """Each full text and its short form, with where each sits in the pack."""
    if pack.briefing.about_implications_brief:
        yield (
            ("briefing", "about_implications"),
            pack.briefing.about_implications,
            ("briefing", "about_implications_brief"),
            pack.briefing.about_implications_brief,
        )
    for index, audience in enumerate(pack.audiences):
        for number, implication in enumerate(audience.implications):
            if implication.brief:
                where: Location = ("audiences", index, "implications", number)
                yield (*where, "text"), implication.text, (*where, "brief"), implication.brief


def short_form_problems(pack: Pack, document: Document) -> list[Problem]:
    """A problem where a short form no longer says the reading is the publisher's, as its full text does."""
    ours = list_pattern(OWN_READING, pack.briefing.language, tuple(pack.editorial.own_reading_markers))
    problems = []
    for _full_at, full, short_at, short in short_form_pairs(pack):
        marker = ours.search(full)
        if marker and not ours.search(short):
            message = (
                f"the short form no longer says this is your reading, as the full text does with "
                f"{marker.group(1)!r}: the brief would print your reading as the research's; say so here too"
            )
            problems.append(document.problem(short_at, message))
    return problems
