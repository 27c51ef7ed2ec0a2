"""Every member's copy is preflighted, and its findings are kept in the member's own folder.

A member hands its copy to a council under its own name: what the member adds (its name, logo,
foreword and contact block) and any page that lays out differently because of it are measured
like the publisher's pages, and ``lcsi-briefs preflight --strict`` fails on them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lcsi_briefs.cli.preflight import EXIT_OK, EXIT_PROBLEMS, preflight
from lcsi_briefs.pdf.preflight.report import REPORT, read_member_reports, read_report, write_report

from .test_member_editions import MEMBERS, four  # noqa: F401 - four is the module's shared build


def test_every_members_copy_has_its_findings_in_the_members_folder(four: tuple[Path, str]) -> None:  # noqa: F811
    project, printed = four
    members = project / "build" / "members"
    reports = read_member_reports(members)
    copies = {f"{member}/{pdf.name}" for member in MEMBERS for pdf in (members / member).glob("*.pdf")}
    assert set(reports) == copies and len(copies) == 4 * len(MEMBERS)
    # Shared with the long name and every logo, the copies pass as the publisher's editions do.
    assert {name: lines for name, lines in reports.items() if lines} == {}
    assert f"preflight: 0 problems in {len(copies)} members' PDFs" in printed
    assert all((members / member / REPORT).is_file() for member in MEMBERS)


def test_preflight_strict_fails_on_a_problem_in_a_members_copy(
    four: tuple[Path, str],  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    build = four[0] / "build"
    pdf, members = tmp_path / "pdf", tmp_path / "members"
    shutil.copytree(build / "pdf", pdf)
    shutil.copytree(build / "members", members)
    assert preflight(pdf, [], strict=True, members=members) == EXIT_OK
    found = read_report(members / "northfield") or {}
    name = "small--councils--brief.pdf"
    line = f"members/northfield/{name}:1: the name runs past the page's edge [outside]"
    write_report(members / "northfield", {**found, name: [line]})
    assert preflight(pdf, [], strict=False, members=members) == EXIT_OK
    assert preflight(pdf, [], strict=True, members=members) == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert line in out
    assert f"preflight: 1 problem in {4 * len(MEMBERS)} members' PDFs" in out
