"""The finding x audience matrix for editors: which implications rest on which finding.

Each cell counts the audience's implications that name the finding. An empty row is a
finding nothing rests on; a column with one filled cell is an audience whose case rests on
one finding. ``lcsi-briefs check`` reports both; this page shows the whole picture.
"""

from __future__ import annotations

from lcsi_briefs.editions import matrix, rests_on
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pages.markup import escape

INTRO = (
    "For each briefing, how many of each audience's implications rest on each finding. "
    "A finding with no implications, and an audience whose implications rest on one finding, "
    "are also reported by `lcsi-briefs check`."
)
EMPTY_CELL = "·"


def render_coverage(packs: list[LoadedPack]) -> str:
    lines = [INTRO, ""]
    for loaded in packs:
        pack = loaded.pack
        lines += [f"## {escape(pack.briefing.title)}", "", f"`{loaded.path.name}`", ""]
        header = ["Finding", *(escape(audience.name) for audience in pack.audiences), "Total"]
        lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        totals = [0] * len(pack.audiences)
        for number, finding_id, counts in matrix(pack):
            cells = [str(count) if count else EMPTY_CELL for count in counts]
            statement = escape(f"{number}. {pack.finding(finding_id).statement}")
            lines.append(f"| {statement} | " + " | ".join(cells) + f" | {sum(counts) or EMPTY_CELL} |")
            totals = [total + count for total, count in zip(totals, counts, strict=True)]
        distinct = [len(rests_on(audience)) for audience in pack.audiences]
        lines.append("| **Implications** | " + " | ".join(str(len(a.implications)) for a in pack.audiences) + " | |")
        lines.append("| **Findings drawn on** | " + " | ".join(map(str, distinct)) + " | |")
        lines.append("")
    return "\n".join(lines)
