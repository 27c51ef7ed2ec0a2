"""Provenance: figures that say where they come from, and quotations marked as quotations.

That an implication names at least one finding is part of the pack's schema (the loader
reports an empty ``findings`` list, located), so ``check`` reports it with the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lcsi_briefs.check.prose import OWN_WORDING, WORD, PackText, Run
from lcsi_briefs.model.pack import Finding
from lcsi_briefs.model.problems import Problem

#: A number in prose: "663", "1,084", "12-month", "8%"; not part of a name such as "360Giving".
FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*%?(?![\w])")
#: Quotation marks that make a run of words a quotation.
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019")
#: GOV.UK-style limit before shared wording must be quoted.
VERBATIM_WORDS = 8


def figures(text: str) -> Iterator[re.Match[str]]:
    return FIGURE.finditer(text)


def _normal(figure: str) -> str:
    return figure.replace(",", "").rstrip("%")


def _data_figures(finding: Finding) -> set[str]:
    """Every number in a finding's key figures, charts and tables, each of which names its source."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            found.update(_normal(m.group(0)) for m in figures(str(value)))

    walk(finding.model_dump(include={"figures", "charts", "tables"}))
    return found


def figure_problems(text: PackText) -> list[Problem]:
    pack = text.loaded.pack
    # A source's date may be a month or a year ("2025-07", "2025"): its year is its first four characters.
    years = {str(source.date)[:4] for source in pack.sources} | {str(pack.briefing.edition_date.year)}
    described = {source.id: {_normal(m.group(0)) for m in figures(source.description or "")} for source in pack.sources}
    in_findings = {
        _normal(m.group(0))
        for finding in pack.findings
        for field in (finding.statement, finding.explanation)
        for m in figures(field)
    }
    in_findings |= {figure for finding in pack.findings for figure in _data_figures(finding)}
    in_any_source = set().union(*described.values())
    problems = []
    for run in text.all_runs():
        if run.kind not in OWN_WORDING:
            continue
        in_finding = run.location[0] == "findings"
        for match in figures(run.text):
            figure = _normal(match.group(0))
            if figure in years:
                continue
            if in_finding:
                finding = pack.findings[int(run.location[1])]
                if figure in _data_figures(finding) or any(figure in described[s] for s in finding.source_ids):
                    continue
                message = (
                    f"the figure {match.group(0)!r} has no source listed: it is in none of this finding's key "
                    "figures, charts or tables, nor in the description of a source it lists; add it as a key "
                    "figure with its source"
                )
            elif run.location[0] == "sources" or figure in in_findings | in_any_source:
                continue
            else:
                message = (
                    f"the figure {match.group(0)!r} is in no finding and no source description, so no source "
                    "is listed for it; state it in a finding that lists its sources"
                )
            problems.append(text.problem(run.location, message, match.start()))
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
