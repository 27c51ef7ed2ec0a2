"""Warnings are typed, located and documented; the CLI shows our notes through logging, not by scraping."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.pdf import pool
from lcsi_briefs.pdf.reader_checks import ReaderFacts
from lcsi_briefs.pdf.render import Rendered, RenderJob
from lcsi_briefs.sphinx_ext.warnings import BriefsWarnings, pack_location

from .conftest import make_project, small_pack, write_pack
from .members import member_data, write_members

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "src" / "lcsi_briefs"


def test_every_subtype_is_documented_and_every_documented_one_exists() -> None:
    documented = set(
        re.findall(r"`lcsi\.([a-z-]+)`", (REPO / "docs" / "manual" / "editing.md").read_text(encoding="utf-8"))
    )
    assert documented == {member.value for member in BriefsWarnings}


def test_every_warning_goes_through_the_enum() -> None:
    """A bare ``logger.warning`` or a string subtype would bypass the enum and its documentation."""
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in SOURCE.rglob("*.py")
        if path.relative_to(SOURCE).as_posix() != "sphinx_ext/warnings.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"logger\.warning\(|type=\"lcsi\"", line)
    ]
    assert offenders == []


def test_an_edition_is_located_at_its_audience_in_the_pack(tmp_path: Path) -> None:
    loaded = load_pack(write_pack(tmp_path / "small.yaml", small_pack()))
    lines = loaded.path.read_text(encoding="utf-8").splitlines()
    where = pack_location(loaded, "residents")
    number = int(where.rsplit(":", 1)[1])
    assert where.startswith(f"{loaded.path}:")
    assert lines[number - 1].strip() == "- id: residents"
    assert lines[int(pack_location(loaded).rsplit(":", 1)[1]) - 1] == "briefing:"


def test_an_audience_sharing_a_source_id_is_located_at_the_audience(tmp_path: Path) -> None:
    """Positions come from the parser: an id that is also a source's id (listed first) is no trap."""
    shared = "residents"  # an audience's id, given to the first source (and every citation of it)
    pack = json.loads(json.dumps(small_pack()).replace('"main-report"', f'"{shared}"'))
    loaded = load_pack(write_pack(tmp_path / "shared.yaml", pack))
    lines = loaded.path.read_text(encoding="utf-8").splitlines()
    number = int(pack_location(loaded, shared).rsplit(":", 1)[1])
    source_line = next(n for n, text in enumerate(lines, start=1) if text.strip() == f"- id: {shared}")
    assert lines[number - 1].strip() == f"- id: {shared}"
    assert number > source_line  # the audience's entry, after the source's
    assert "audiences" in "\n".join(lines[:number]).rsplit("sources:", 1)[1]


def warning_render(job: RenderJob) -> Rendered:
    job.target.parent.mkdir(parents=True, exist_ok=True)
    job.target.write_bytes(b"%PDF-1.7 stand-in")
    warnings = ["an image could not be read"] if "--" in job.target.name else []
    return Rendered(warnings=warnings, problems=[], reader=ReaderFacts(()))


def test_weasyprint_warnings_name_the_edition_and_its_place_in_the_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pool, "render_pdf", warning_render)
    root = make_project(tmp_path / "project", {"small": small_pack()})
    assert build_all(root) == 1
    out, err = capsys.readouterr()
    pack = root / "briefings" / "small.yaml"
    line = pack_location(load_pack(pack), "councils")
    assert re.search(
        rf"{re.escape(line)}: WARNING: WeasyPrint, printing small--councils\.pdf: an image could not be read "
        r"\[lcsi\.weasyprint\]",
        re.sub(r"\x1b\[[0-9;]*m", "", err),
    ), err
    # Our notes reach the terminal through the logging channel; Sphinx's own progress does not.
    assert "LCSI_BRIEFS_SITE_URL" in out
    # The full briefing, then per audience its edition and one-sheet brief, each in two sizes.
    assert "PDFs: 10 printed, 0 unchanged" in out
    assert "reading sources" not in out and "writing output" not in out
    # Built again unchanged, the PDF that warned is kept, not printed again, and its warning said again.
    assert build_all(root) == 1
    out, err = capsys.readouterr()
    assert "PDFs: 0 printed, 10 unchanged" in out
    assert "WARNING: WeasyPrint, printing small--councils.pdf: an image could not be read" in err


def test_a_warning_of_members_copies_is_said_once_naming_the_first_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Five members' copies of the councils edition give the same warning: one line for them, not
    five, while the publisher's own edition is still named on its own line."""
    monkeypatch.setattr(pool, "render_pdf", warning_render)
    root = make_project(tmp_path / "project", {"small": small_pack()})
    write_members(root / "members", {f"member-{n}": member_data(f"Member {n}") for n in range(1, 6)})
    assert build_all(root) == 1
    err = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().err)
    said = [
        line
        for line in err.splitlines()
        if "an image could not be read" in line and re.search(r"small--councils\.pdf(:| and)", line)
    ]
    assert len(said) == 2, err
    assert "WARNING: WeasyPrint, printing small--councils.pdf: an image" in said[0] + said[1]
    copies = next(line for line in said if "members/" in line)
    assert (
        "printing members/member-1/small--councils.pdf, members/member-2/small--councils.pdf, "
        "members/member-3/small--councils.pdf and 2 other members' copies: an image could not be read" in copies
    )
    assert copies.startswith(pack_location(load_pack(root / "briefings" / "small.yaml"), "councils"))
