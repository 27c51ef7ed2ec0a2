"""Short forms: the one-sheet brief's shorter wording must claim no more than the full text does.

The brief prints the editor's short form of an implication (``brief``) or of the note above them
(``about_implications_brief``) in place of the full text. A short form that dropped "In our
view" would print the publisher's reading as if it were the research's; one that dropped "may"
or "suggests" would turn a tentative claim into a firm one. The phrases are the ones the other
fidelity checks read (:mod:`lcsi_briefs.check.modality`), in the pack's language.
"""

from __future__ import annotations

from lcsi_briefs.check.modality import hedge_kinds
from lcsi_briefs.check.prose import PackText
from lcsi_briefs.model.problems import Problem
from lcsi_briefs.model.short_forms import short_form_pairs


def short_form_problems(text: PackText) -> list[Problem]:
    """A warning where a short form drops a kind of hedge its full text has (one that drops the
    publisher's own reading is refused by validation: :mod:`lcsi_briefs.model.short_forms`)."""
    language = text.loaded.pack.briefing.language
    problems = []
    for _full_at, full, short_at, short in short_form_pairs(text.loaded.pack):
        kept = hedge_kinds(short, language)
        for kind, words in hedge_kinds(full, language).items():
            if kind not in kept:
                message = (
                    f"the short form drops a hedge the full text has ({kind}: {words!r}), so it claims more "
                    "than the full text does; keep the hedge"
                )
                problems.append(text.problem(short_at, message))
    return problems
