"""``lcsi-briefs preflight``: what the last build measured on every PDF page, problem by problem.

The measuring is done by the build itself, on the layout WeasyPrint computes anyway (see
:mod:`lcsi_briefs.pdf.preflight`), and stored beside the published PDFs; this command reads
that report back, so it costs nothing and never loads WeasyPrint. ``--strict`` makes any
problem fail (exit 1), for CI or before publishing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lcsi_briefs.editions import editions
from lcsi_briefs.model.loader import load_packs
from lcsi_briefs.model.problems import PackError
from lcsi_briefs.pdf.preflight.report import read_member_reports, read_report, summary
from lcsi_briefs.text.counts import named_first

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
#: PDFs named when the last build lacks some a pack asked about: enough to see which pack it was.
UNBUILT_NAMED = 3


def preflight(pdf_dir: Path, packs: list[Path], *, strict: bool, members: Path | None = None) -> int:
    """Print each problem of the PDFs in ``pdf_dir`` and of the members' copies in ``members``
    (only those of ``packs`` if given), then a summary of each."""
    report = read_report(pdf_dir)
    copies = read_member_reports(members) if members is not None else {}
    if report is None:
        print(f"error: {pdf_dir} holds no preflight report; run `lcsi-briefs build` first", file=sys.stderr)
        return EXIT_USAGE
    if packs:
        try:
            loaded = load_packs(packs)
        except PackError as error:
            print(error, file=sys.stderr)
            return EXIT_PROBLEMS
        wanted = [edition.filename for pack in loaded for edition in editions(pack)]
        unbuilt = [name for name in wanted if name not in report]
        if unbuilt:
            missing = named_first(unbuilt, UNBUILT_NAMED)
            print(f"error: the last build has no {missing}; build these packs first", file=sys.stderr)
            return EXIT_USAGE
        report = {name: report[name] for name in wanted}
        copies = {name: lines for name, lines in copies.items() if name.rpartition("/")[2] in wanted}
    for lines in (*report.values(), *copies.values()):
        for line in lines:
            print(line)
    print(summary(report))
    if copies:
        print(summary(copies, "members'"))
    problems = any(report.values()) or any(copies.values())
    return EXIT_PROBLEMS if strict and problems else EXIT_OK
