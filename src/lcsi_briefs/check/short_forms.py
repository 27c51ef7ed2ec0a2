"""Short forms: the one-sheet brief's shorter wording must say and claim what the full text does.

The brief prints the editor's short form of an implication (``brief``) or of the note above them
(``about_implications_brief``) in place of the full text. A short form that dropped "In our
view" would print the publisher's reading as if it were the research's; one that dropped "may"
or "suggests" would turn a tentative claim into a firm one. The phrases are the ones the other
fidelity checks read (:mod:`lcsi_briefs.check.modality`), in the pack's language.
"""

from __future__ import annotations

from collections.abc import Iterator

from lcsi_briefs.check.modality import OWN_READING, hedge_kinds, list_pattern
from lcsi_briefs.check.prose import PackText
from lcsi_briefs.model.pack import Pack
from lcsi_briefs.model.problems import Location, Problem


def short_form_pairs(pack: Pack) -> Iterator[tuple[Location, Location]]:
    """Where each full text and its short form sit in the pack, for each short form it gives."""
    if pack.briefing.about_implications_brief:
        yield ("briefing", "about_implications"), ("briefing", "about_implications_brief")
    for index, audience in enumerate(pack.audiences):
        for number, implication in enumerate(audience.implications):
            if implication.brief:
                where: Location = ("audiences", index, "implications", number)
                yield (*where, "text"), (*where, "brief")


def short_form_problems(text: PackText) -> list[Problem]:
    """A warning where a short form no longer marks our reading, or drops a kind of hedge."""
    pack = text.loaded.pack
    language = pack.briefing.language
    ours = list_pattern(OWN_READING, language, tuple(pack.editorial.own_reading_markers))
    problems = []
    for full_at, short_at in short_form_pairs(pack):
        full, short = text.value(full_at), text.value(short_at)
        marker = ours.search(full)
        if marker and not ours.search(short):
            message = (
                f"the short form no longer says this is your reading, as the full text does with "
                f"{marker.group(1)!r}: the brief would print your reading as the research's; say so here too"
            )
            problems.append(text.problem(short_at, message))
        kept = hedge_kinds(short, language)
        for kind, words in hedge_kinds(full, language).items():
            if kind not in kept:
                message = (
                    f"the short form drops a hedge the full text has ({kind}: {words!r}), so it claims more "
                    "than the full text does; keep the hedge"
                )
                problems.append(text.problem(short_at, message))
    return problems
