"""``lcsi-briefs check``: the editorial checks no schema can make, on packs that load.

Each check reads a pack through :class:`~lcsi_briefs.check.prose.PackText` and returns
:class:`~lcsi_briefs.model.problems.Problem` warnings, located at the word in the YAML file. A build
reports them as warnings; ``--strict`` (and ``lcsi-briefs check --strict``) makes them fail.
Plain Python, no Sphinx.
"""

from __future__ import annotations

from collections.abc import Callable

from lcsi_briefs.check.charts import chart_problems
from lcsi_briefs.check.coverage import coverage_problems
from lcsi_briefs.check.fidelity import (
    evidence_figure_problems,
    excerpt_problems,
    hedge_problems,
    number_problems,
    own_reading_problems,
    quote_problems,
)
from lcsi_briefs.check.prose import PackText
from lcsi_briefs.check.provenance import figure_problems, verbatim_problems
from lcsi_briefs.check.readability import avoid_word_problems, long_sentence_problems, reading_age_problems
from lcsi_briefs.check.short_forms import short_form_problems
from lcsi_briefs.check.terms import abbreviation_problems, preferred_term_problems, unused_term_problems
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import Problem

#: Every check, by the name an editor can look up in the docs.
CHECKS: dict[str, Callable[[PackText], list[Problem]]] = {
    "coverage": coverage_problems,
    "reading age": reading_age_problems,
    "long sentences": long_sentence_problems,
    "words to avoid": avoid_word_problems,
    "abbreviations": abbreviation_problems,
    "preferred terms": preferred_term_problems,
    "glossary terms": unused_term_problems,
    "figures": figure_problems,
    "quotations": verbatim_problems,
    "source words": excerpt_problems,
    "numbers in the sources": number_problems,
    "hedges": hedge_problems,
    "quotations in the sources": quote_problems,
    "own reading": own_reading_problems,
    "evidence figures": evidence_figure_problems,
    "charts": chart_problems,
    "short forms": short_form_problems,
}


def check_pack(loaded: LoadedPack) -> list[Problem]:
    """Every editorial problem in one loaded pack, sorted by position."""
    text = PackText(loaded, loaded.document)
    return sorted(problem for check in CHECKS.values() for problem in check(text))


def check_packs(packs: list[LoadedPack]) -> list[Problem]:
    return [problem for loaded in packs for problem in check_pack(loaded)]
