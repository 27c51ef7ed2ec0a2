"""Member editions built the real way: four members of a one-audience pack, then shards and an edit.

One build of four members (SVG and PNG logos, one colour too light, one name over 100
characters) is shared by the module; the edit and the shards work on copies of it, so the
whole module prints about forty small PDFs.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
import yaml
from bs4 import BeautifulSoup

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.members.shard import Shard
from lcsi_briefs.model.colour import TEXT_CONTRAST, contrast
from lcsi_briefs.pdf.preflight.report import read_report

from . import pdfua
from .conftest import make_project, one_audience_pack, shared_printed_build
from .members import member_data, write_members
from .pdftext import pdf_text, text_lines

#: It renders PDFs: the pdf tier, whatever fixture it uses.
pytestmark = pytest.mark.pdf

LONG_NAME = (
    "The Council for Voluntary Service of the City of Northfield and its Surrounding Villages, "
    "incorporating the Volunteer Centre"
)
MEMBERS = {
    "leeds-cvs": member_data(),
    "vale-cvs": member_data("Vale Community Action", "logos/vale.png"),
    "sunny": {**member_data("Sunny Side Community Trust"), "colours": {"primary": "#ffd400"}},
    "northfield": member_data(LONG_NAME, "logos/northfield.svg"),
}
PUBLISHED = ("html", "pdf", "newsletter", "members")
EDITIONS = ("small--councils.pdf", "small--councils--large-print.pdf", "small--councils--brief.pdf")


def make(root: Path) -> Path:
    project = make_project(root, {"small": one_audience_pack()})
    write_members(project / "members", MEMBERS)
    return project


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The one build of the module (once for all the xdist workers), and what it printed."""
    return shared_printed_build(tmp_path_factory, "four-members", make)


@pytest.fixture(scope="module")
def built(four: tuple[Path, str]) -> Path:
    return four[0]


def digests(build: Path) -> dict[str, str]:
    """Every published file's digest, by its path under build/."""
    return {
        path.relative_to(build).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in PUBLISHED
        for path in sorted((build / folder).rglob("*"))
        if path.is_file()
    }


def test_every_member_gets_every_audience_edition_and_brief(built: Path) -> None:
    members = built / "build" / "members"
    assert sorted(p.name for p in members.iterdir()) == sorted(MEMBERS)
    for member_id, data in MEMBERS.items():
        names = sorted(p.name for p in (members / member_id).glob("*.pdf"))
        assert names == sorted([*EDITIONS, "small--councils--brief--large-print.pdf"])
        for name in names:
            text = pdf_text(members / member_id / name)
            assert f"Shared by {data['name']} · Published by Test Umbrella Body" in text


def test_a_briefs_contact_details_are_one_run_each_detail_whole(built: Path) -> None:
    """On a one-sheet brief every line counts: the member's contact block is one paragraph, three
    lines here where a line a detail took seven, and no detail is parted from its label or broken."""
    for member_id, data in MEMBERS.items():
        contact = data["contact"]
        address = ", ".join(contact["address"].splitlines())
        details = (f"Email {contact['email']}", f"Phone {contact['phone']}", f"Website {contact['url']}")
        for name in ("small--councils--brief.pdf", "small--councils--brief--large-print.pdf"):
            lines = text_lines(built / "build" / "members" / member_id / name)
            first = max(n for n, line in enumerate(lines) if line.startswith("Contact "))
            last = next(n for n, line in enumerate(lines) if "Registered charity number" in line)
            block = lines[first : last + 1]
            for detail in (*details, f"Address {address}"):
                assert any(detail in line for line in block), (member_id, name, detail, block)
            if member_id != "northfield" and "large-print" not in name:
                assert len(block) <= 3, block


def test_the_logo_is_a_figure_with_the_members_alt_text(built: Path) -> None:
    for member_id in ("leeds-cvs", "vale-cvs"):  # an SVG logo and a PNG one
        for name in EDITIONS:
            with pikepdf.open(built / "build" / "members" / member_id / name) as pdf:
                alts = [str(e.node.get("/Alt", "")) for e in pdfua.elements(pdf) if e.role == "/Figure"]
                assert f"{MEMBERS[member_id]['name']} logo" in alts
                assert pdfua.figure_problems(pdf) == []


def test_a_colour_too_light_is_printed_darker_with_a_warning_naming_the_member(four: tuple[Path, str]) -> None:
    project, printed = four
    [warning] = [line for line in printed.splitlines() if "#ffd400" in line]
    assert "sunny.yaml" in warning and "Sunny Side Community Trust" in warning
    # The "Shared by" line is printed in the member's primary colour: the darker shade, not #ffd400.
    with pdfplumber.open(project / "build" / "members" / "sunny" / "small--councils--brief.pdf") as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["non_stroking_color"])
    colours = {tuple(word["non_stroking_color"]) for word in words if word["text"] in ("Shared", "Published")}
    assert len(colours) == 1, words[:12]
    for colour in colours:
        printed_hex = "#" + "".join(f"{round(channel * 255):02x}" for channel in colour)
        assert printed_hex != "#ffd400" and contrast(printed_hex, "#ffffff") >= TEXT_CONTRAST
    [(red, green, blue)] = colours
    assert blue == 0 and red > green > 0  # still the yellow's hue, only darker


def test_preflight_reports_on_the_publishers_editions_only(built: Path) -> None:
    """Members' copies are measured as they print but not listed: their problems would be the
    publisher's once per member, and shard 1 publishes the report whichever members it printed."""
    report = read_report(built / "build" / "pdf")
    assert report is not None
    assert sorted(report) == sorted(p.name for p in (built / "build" / "pdf").glob("*.pdf"))


def test_metadata_names_the_member_and_the_publisher(built: Path) -> None:
    with pikepdf.open(built / "build" / "members" / "vale-cvs" / "small--councils.pdf") as pdf:
        assert str(pdf.docinfo["/Author"]) == "Test Umbrella Body, Vale Community Action"


def test_the_research_is_the_publishers_word_for_word(built: Path) -> None:
    ours = pdf_text(built / "build" / "pdf" / "small--councils.pdf")
    theirs = pdf_text(built / "build" / "members" / "leeds-cvs" / "small--councils.pdf")
    pack = one_audience_pack()
    [implication] = pack["audiences"][0]["implications"]  # type: ignore[index]
    finding = pack["findings"][0]  # type: ignore[index]
    source = pack["sources"][0]  # type: ignore[index]
    research = [
        implication["title"],
        implication["text"],
        finding["statement"],
        finding["explanation"],
        source["title"],
    ]
    for text in research:
        assert text in ours
        assert text in theirs
    assert "A foreword from Leeds Community Voluntary Service" in theirs
    assert "0113 496 0000" in theirs
    assert "Shared by" not in ours


def test_the_index_lists_every_file_and_the_zip_holds_them(built: Path) -> None:
    folder = built / "build" / "members" / "vale-cvs"
    page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in page.find_all("a")}
    pdfs = {p.name for p in folder.glob("*.pdf")}
    zip_name = "vale-cvs-briefings.zip"
    assert links == pdfs | {zip_name}
    with zipfile.ZipFile(folder / zip_name) as archive:
        assert set(archive.namelist()) == pdfs
        assert archive.read("small--councils.pdf") == (folder / "small--councils.pdf").read_bytes()


def test_a_build_with_nothing_changed_stops_without_loading_the_models(built: Path, tmp_path: Path) -> None:
    """What keeps a no-change rebuild quick with many members: it hashes the files and stops,
    never starting Sphinx or loading WeasyPrint, the pack's or the members' models, or the pages."""
    heavy = (
        "sphinx.application",
        "weasyprint",
        "lcsi_briefs.model.pack",
        "lcsi_briefs.members.model",
        "lcsi_briefs.pages",
    )
    script = (
        "import sys; from lcsi_briefs.cli.main import main; status = main(['build', '--project', sys.argv[1]]); "
        f"print(sorted(m for m in sys.modules if m.startswith({heavy})))"
    )
    project = shutil.copytree(built, tmp_path / "copy", symlinks=True)  # the shared build is only read
    done = subprocess.run([sys.executable, "-c", script, str(project)], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["Nothing has changed since the last build: build/ is up to date.", "[]"]


def test_changing_one_members_phone_changes_only_that_members_files(built: Path, tmp_path: Path) -> None:
    project = Path(shutil.copytree(built, tmp_path / "copy", symlinks=True))
    before = digests(project / "build")
    path = project / "members" / "northfield.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["contact"]["phone"] = "0113 496 0999"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert build_all(project) == 0
    # Re-printed, not only rewritten the same: northfield's four PDFs, and nobody else's.
    assert "PDFs: 4 printed, " in printed.getvalue()
    after = digests(project / "build")
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed
    assert {name.split("/")[:2] == ["members", "northfield"] for name in changed} == {True}
    assert "0113 496 0999" in pdf_text(project / "build" / "members" / "northfield" / "small--councils.pdf")


def test_two_shards_merge_to_the_bytes_of_one_build(built: Path, tmp_path: Path) -> None:
    merged = tmp_path / "merged"
    for shard in (Shard(1, 2), Shard(2, 2)):
        project = make(tmp_path / f"shard-{shard.index}")
        assert build_all(project, shard=shard) == 0
        built_here = digests(project / "build")
        assert built_here, f"shard {shard} published nothing"
        assert len(built_here) < len(digests(built / "build"))
        for folder in PUBLISHED:
            if (project / "build" / folder).is_dir():
                shutil.copytree(project / "build" / folder, merged / folder, dirs_exist_ok=True)
    assert digests(merged) == digests(built / "build")
