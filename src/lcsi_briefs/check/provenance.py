"""Provenance: figures that say where they come from, and quotations marked as quotations.

That an implication names at least one finding is part of the pack's schema (the loader
reports an empty ``findings`` list, located), so ``check`` reports it with the rest.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lcsi_briefs.check.prose import OWN_WORDING, WORD, PackText, Run
from lcsi_briefs.model.pack import Finding
from lcsi_briefs.model.problems import Problem
from lcsi_briefs.text.quantities import quantities, values

#: Quotation marks that make a run of words a quotation.
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019")
#: GOV.UK-style limit before shared wording must be quoted.
VERBATIM_WORDS = 8


def _finding_values(finding: Finding, language: str) -> set[Decimal]:
    """Every number a finding states or quotes: its words, key figures, charts, tables and excerpts."""
    found: set[Decimal] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            found.update(values(str(value), language))

    walk(finding.model_dump(include={"statement", "explanation", "figures", "charts", "tables", "excerpts"}))
    return found


def figure_problems(text: PackText) -> list[Problem]:
    """A number outside the findings must be one a finding or a source's description states.

    Numbers inside a finding are read against the source's own words by
    :func:`lcsi_briefs.check.fidelity.number_problems`.
    """
    pack = text.loaded.pack
    language = pack.briefing.language
    # A source's date may be a month or a year ("2025-07", "2025"): its year is its first four characters.
    years = {Decimal(str(source.date)[:4]) for source in pack.sources} | {Decimal(pack.briefing.edition_date.year)}
    stated = set().union(*(_finding_values(finding, language) for finding in pack.findings))
    stated |= set().union(*(values(source.description or "", language) for source in pack.sources))
    problems = []
    for run in text.all_runs():
        if run.kind not in OWN_WORDING or run.location[0] in ("findings", "sources"):
            continue
        # Digits only: "one of four things" counts what a finding lists, and is no figure to source.
        for quantity in quantities(run.text, language, spelled=False):
            if quantity.value in years | stated:
                continue
            message = (
                f"the figure {quantity.text!r} is in no finding and no source description, so no source "
                "is listed for it; state it in a finding that lists its sources"
            )
            problems.append(text.problem(run.location, message, quantity.start))
    return problems


def _words_outside_quotes(run: Run) -> list[tuple[str, int]]:
    """Each word (folded) and its offset, leaving out words inside quotation marks."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(run.text)]
    return [
        (m.group(0).casefold().replace("\u2019", "'"), m.start())
        for m in WORD.finditer(run.text)
        if not any(start <= m.start() < end for start, end in quoted)
    ]


def verbatim_problems(text: PackText) -> list[Problem]:
    pack = text.loaded.pack
    quotes = [
        (index, [w.casefold().replace("\u2019", "'") for w in WORD.findall(f.quote.text)])
        for index, f in enumerate(pack.findings)
        if f.quote
    ]
    problems = []
    for run in text.all_runs():
        if run.kind not in OWN_WORDING:
            continue
        found = _words_outside_quotes(run)
        tokens = [word for word, _ in found]
        for index, quote in quotes:
            windows = {tuple(quote[i : i + VERBATIM_WORDS]) for i in range(len(quote) - VERBATIM_WORDS + 1)}
            for start in range(len(tokens) - VERBATIM_WORDS + 1):
                if tuple(tokens[start : start + VERBATIM_WORDS]) in windows:
                    message = (
                        f"{VERBATIM_WORDS} or more words here are the same as the quote of finding {index + 1}, "
                        "outside quotation marks; put them in quotation marks or say it in your own words"
                    )
                    problems.append(text.problem(run.location, message, found[start][1]))
                    break
    return problems
