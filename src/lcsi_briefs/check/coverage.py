"""Coverage: every finding is used, and no audience's case rests on a single finding.

The finding x audience matrix editors read to see the same at a glance is counted by
:func:`lcsi_briefs.editions.matrix`, which the editors' page draws too.
"""

from __future__ import annotations

from lcsi_briefs.check.prose import PackText
from lcsi_briefs.editions import matrix, rests_on
from lcsi_briefs.model.problems import Problem


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
