"""Preflight's report: each problem located in the pack, stored beside the PDFs, read back.

A problem measured on a page carries the HTML ids around it; the ids of a pack's parts are its
labels (:mod:`lcsi_briefs.layout`, the chart and table ids of :mod:`lcsi_briefs.pages.figures`),
so the nearest one names the field that printed it: ``briefings/x.yaml:41:7:
findings[3].tables[0]: x.pdf, page 5: ...``. A problem with no part of the pack around it (a
page too empty, say) is named by its PDF and page. Nothing here imports WeasyPrint: the
``preflight`` command reads the stored report without loading it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from lcsi_briefs.files import write_if_changed
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import Location, Problem, field_path
from lcsi_briefs.model.running_head import RUNNING_HEAD_ID
from lcsi_briefs.pages.common import Labels
from lcsi_briefs.pages.figures import chart_id, methodology_label, table_id
from lcsi_briefs.pdf.preflight.kinds import Measured
from lcsi_briefs.text.counts import counted

#: The report of the last build, kept beside its PDFs (and published with them).
REPORT = ".lcsi-preflight.json"


def pack_fields(loaded: LoadedPack) -> dict[str, Location]:
    """Each label the pack's pages print, and the field of the pack it comes from."""
    pack, labels = loaded.pack, Labels(loaded)
    fields: dict[str, Location] = {methodology_label(labels): ("methodology",)}
    # The title that sets the running head: a header problem is the running head's.
    fields[RUNNING_HEAD_ID] = ("briefing", pack.briefing.short_field)
    for index, finding in enumerate(pack.findings):
        fields[labels.finding(finding.id)] = ("findings", index)
        for number in range(1, len(finding.tables) + 1):
            fields[table_id(labels, finding.id, number)] = ("findings", index, "tables", number - 1)
        for number in range(1, len(finding.charts) + 1):
            fields[chart_id(labels, finding.id, number)] = ("findings", index, "charts", number - 1)
    for index, audience in enumerate(pack.audiences):
        fields[labels.audience(audience.id)] = ("audiences", index)
        for number in range(1, len(audience.implications) + 1):
            fields[labels.implication(audience.id, number)] = ("audiences", index, "implications", number - 1)
    fields |= {labels.source(source.id): ("sources", index) for index, source in enumerate(pack.sources)}
    fields |= {labels.function(item.id): ("functions", index) for index, item in enumerate(pack.functions)}
    fields |= {labels.pathway(item.id): ("pathways", index) for index, item in enumerate(pack.pathways)}
    terms = labels.term_labels(pack)
    fields |= {terms[entry.term]: ("glossary", index) for index, entry in enumerate(pack.glossary)}
    return fields


def locate(problems: Iterable[Measured], pdf: str, loaded: LoadedPack, project: Path | None = None) -> list[str]:
    """Each problem as one line: at the pack field around it where there is one, else at pdf:page.

    The pack's path is written relative to ``project``, so the report reads the same wherever the
    project sits (and two builds of one project in two folders write the same bytes).
    """
    fields = pack_fields(loaded)
    shown = loaded.path.relative_to(project) if project and loaded.path.is_relative_to(project) else loaded.path
    lines: list[str] = []
    for problem in problems:
        what = f"{problem.message} [{problem.kind}]"
        location = next((fields[anchor] for anchor in problem.anchors if anchor in fields), None)
        if location is None:
            lines.append(f"{pdf}:{problem.page}: {what}")
            continue
        line, column = loaded.position(location)
        lines.append(str(Problem(shown, line, column, field_path(location), f"{pdf}, page {problem.page}: {what}")))
    return lines


class Reports:
    """Preflight's findings of one PDF build: one report for the publisher's own PDFs, and one
    in each member's folder for that member's copies.

    A member's copy prints the publisher's research under the member's name, logo, foreword and
    contact block, and may lay out differently; a report in the member's folder goes wherever
    the folder goes (a shard publishes only its members' folders). The findings of a PDF kept
    from the last build stand until it is printed again.
    """

    def __init__(self, outdir: Path, project: Path, own: Iterable[str]) -> None:
        self.outdir, self.project = outdir, project
        kept = read_report(outdir) or {}
        self.found: dict[str, dict[str, list[str]]] = {"": {name: kept[name] for name in own if name in kept}}

    def add(self, name: str, problems: Iterable[Measured], loaded: LoadedPack) -> None:
        """The problems of ``name`` (relative to the PDF folder), located in ``loaded``."""
        folder, _, file = name.rpartition("/")
        if folder not in self.found:
            self.found[folder] = read_report(self.outdir / folder) or {}
        self.found[folder][file] = locate(problems, name, loaded, self.project)

    def write(self) -> None:
        """Each report, of the PDFs that are there (one whose render failed has none)."""
        for folder, found in self.found.items():
            target = self.outdir / folder
            if target.is_dir():
                write_report(target, {name: lines for name, lines in found.items() if (target / name).is_file()})


def read_member_reports(members: Path) -> dict[str, list[str]]:
    """Every member folder's report under ``members`` (``build/members``), keyed ``<id>/<file>``."""
    found: dict[str, list[str]] = {}
    for folder in sorted(path for path in members.iterdir() if path.is_dir()) if members.is_dir() else []:
        found.update({f"{folder.name}/{name}": lines for name, lines in (read_report(folder) or {}).items()})
    return found


def read_reports(folders: Iterable[Path]) -> dict[str, list[str]] | None:
    """The reports of several folders as one (each language's build of the same PDFs' folder, or
    of one member's copies), or None when none of them holds one."""
    merged: dict[str, list[str]] | None = None
    for folder in folders:
        found = read_report(folder)
        if found is not None:
            merged = {} if merged is None else merged
            merged.update(found)
    return merged


def write_report(folder: Path, found: Mapping[str, list[str]]) -> None:
    """Store each PDF's located problems (every PDF of the build, none left out)."""
    text = json.dumps(dict(sorted(found.items())), indent=1, ensure_ascii=False)
    write_if_changed(folder / REPORT, (text + "\n").encode("utf-8"))


def read_report(folder: Path) -> dict[str, list[str]] | None:
    """The stored problems per PDF, or None when no build has measured the PDFs in ``folder``."""
    path = folder / REPORT
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(name): [str(line) for line in lines] for name, lines in data.items()}


def summary(found: Mapping[str, list[str]], whose: str = "") -> str:
    """The one line a build prints: "preflight: 3 problems in 30 PDFs" (``whose``: "members'")."""
    count = sum(len(lines) for lines in found.values())
    pdfs = counted(len(found), f"{whose} PDF" if whose else "PDF")
    return f"preflight: {counted(count, 'problem')} in {pdfs}"
