"""The publisher's file on the publisher's own editions, without any members: logo, colour, contact.

One build of a one-audience pack (six PDFs) with a ``publisher.yaml`` whose primary colour is
too light to read, shared by the module; the validation tests read the file alone.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
import yaml

from lcsi_briefs.cli.inputs import inputs_digest
from lcsi_briefs.cli.main import main
from lcsi_briefs.layout import ProjectLayout

from . import pdfua
from .conftest import make_project, one_audience_pack, shared_printed_build
from .members import SVG_LOGO
from .pdftext import pdf_text

#: It renders PDFs: the pdf tier, whatever fixture it uses.
pytestmark = pytest.mark.pdf

NAME = "Northway Network"
PUBLISHER = {
    "name": NAME,
    "logo": {"path": "brand/logo.svg", "alt": "Northway Network logo"},
    "colours": {"primary": "#ffd400"},
    "contact": {"email": "hello@northway.example.org", "phone": "0113 496 0001", "address": "2 Mill Yard\nLeeds"},
    "charity_number": "7654321",
}
#: The publisher's own files: the full briefing, the audience's edition and brief, and their twins.
OWN = (
    "small.pdf",
    "small--councils.pdf",
    "small--councils--brief.pdf",
    "small--councils--large-print.pdf",
    "small--councils--brief--large-print.pdf",
)


def write_publisher(project: Path, data: dict[str, object]) -> None:
    (project / "brand").mkdir(exist_ok=True)
    (project / "brand" / "logo.svg").write_text(SVG_LOGO, encoding="utf-8")
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (project / "publisher.yaml").write_text(text, encoding="utf-8")


def _made(root: Path) -> Path:
    project = make_project(root, {"small": one_audience_pack()})
    write_publisher(project, PUBLISHER)
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project, printed = shared_printed_build(tmp_path_factory, "publisher-file", _made)
    return project / "build" / "pdf", printed


def test_the_publishers_own_editions_show_its_logo_as_a_figure(built: tuple[Path, str]) -> None:
    pdfs, _ = built
    assert not (pdfs.parent / "members").exists()
    for name in OWN:
        with pikepdf.open(pdfs / name) as pdf:
            alts = [str(e.node.get("/Alt", "")) for e in pdfua.elements(pdf) if e.role == "/Figure"]
            assert "Northway Network logo" in alts, name
            assert pdfua.figure_problems(pdf) == []


def test_the_publishers_own_editions_end_with_its_contact_block(built: tuple[Path, str]) -> None:
    pdfs, _ = built
    for name in OWN:
        text = " ".join(pdf_text(pdfs / name).split())
        for words in (
            f"Contact {NAME}",
            "hello@northway.example.org",
            "0113 496 0001",
            "2 Mill Yard",
            "Registered charity number 7654321",
        ):
            assert words in text, (name, words)
        assert "Shared by" not in text
    with pikepdf.open(pdfs / "small--councils.pdf") as pdf:
        assert str(pdf.docinfo["/Author"]) == "Test Umbrella Body"


def test_the_briefs_keep_their_pages_and_preflight_passes(
    built: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    pdfs, _ = built
    for name, pages in (("small--councils--brief.pdf", 2), ("small--councils--brief--large-print.pdf", 4)):
        with pikepdf.open(pdfs / name) as pdf:
            assert len(pdf.pages) <= pages, name
    assert main(["preflight", "--project", str(pdfs.parent.parent), "--strict"]) == 0, capsys.readouterr()


def test_a_publisher_colour_too_light_is_printed_darker_with_a_warning_naming_the_publisher(
    built: tuple[Path, str],
) -> None:
    pdfs, printed = built
    [warning] = [line for line in printed.splitlines() if "#ffd400" in line]
    assert "publisher.yaml" in warning and f"{NAME}'s primary colour #ffd400" in warning
    # The print HTML, kept beside the PDF in the build's work folder: the rule takes the darker shade.
    html = (pdfs.parent / ".work" / "pdf" / "small--councils.html").read_text(encoding="utf-8")
    assert "#ffd400" not in html
    assert '<header class="masthead" style="border-color: #8c7400">' in html


def test_validate_reads_the_publishers_file_without_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "project", {"small": one_audience_pack()})
    write_publisher(project, PUBLISHER)
    monkeypatch.chdir(project)
    assert main(["validate"]) == 0
    said = capsys.readouterr().err
    assert f"publisher.yaml:6:12: warning: colours.primary: {NAME}'s primary colour #ffd400" in said
    # The pack names its publisher "Test Umbrella Body": its editions and members' copies would differ.
    assert f"small.yaml:7:14: warning: briefing.publisher: the publisher's file names the publisher {NAME!r}" in said
    assert main(["check", "--strict"]) == 1
    write_publisher(project, {**PUBLISHER, "contact": {"email": "not an address"}})
    assert main(["validate"]) == 1
    assert "publisher.yaml:8:10: contact.email: expected an email address" in capsys.readouterr().err


def test_a_new_logo_is_a_change_a_build_does_not_skip(tmp_path: Path) -> None:
    """The no-change check hashes the logo the publisher's file names, wherever it is, as a
    member's logo under members/ is: a new logo is not "nothing has changed"."""
    project = make_project(tmp_path / "project", {"small": one_audience_pack()})
    write_publisher(project, PUBLISHER)
    layout = ProjectLayout(project)
    before = inputs_digest(layout, pdf=True)
    assert inputs_digest(layout, pdf=True) == before
    (project / "brand" / "logo.svg").write_text(SVG_LOGO.replace("#1f4e8c", "#2e7d32"), encoding="utf-8")
    assert inputs_digest(layout, pdf=True) != before
