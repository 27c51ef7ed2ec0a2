"""Coverage: every finding is used, and no audience's case rests on a single finding.

Also the finding x audience matrix editors read to see the same at a glance.
"""

from __future__ import annotations

from lcsi_briefs.check.prose import PackText
from lcsi_briefs.editions import rests_on
from lcsi_briefs.model.pack import Pack
from lcsi_briefs.model.problems import Problem


def matrix(pack: Pack) -> list[tuple[int, str, list[int]]]:
    """For each finding: its number, its id and how many implications of each audience rest on it."""
    rows = []
    for number, finding in enumerate(pack.findings, start=1):
        counts = [sum(finding.id in i.findings for i in audience.implications) for audience in pack.audiences]
        rows.append((number, finding.id, counts))
    return rows


def coverage_problems(text: PackText) -> list[Problem]:
    pack = text.loaded.pack
    problems = []
    for (number, finding_id, counts), index in zip(matrix(pack), range(len(pack.findings)), strict=True):
        if not any(counts):
            message = (
                f"no implication rests on finding {number} ({finding_id!r}); "
                "name it in an implication's findings, or drop the finding"
            )
            problems.append(text.problem(("findings", index, "id"), message))
    for index, audience in enumerate(pack.audiences):
        cited = rests_on(audience)
        if len(cited) == 1:
            [only] = cited
            message = (
                f"every implication for {audience.name} rests on finding {pack.finding_number(only)} "
                f"({only!r}) alone; an audience's case should draw on more than one finding"
            )
            problems.append(text.problem(("audiences", index, "id"), message))
    return problems
