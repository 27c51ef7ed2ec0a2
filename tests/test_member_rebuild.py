"""One small build with two members, read twice: what an edit to the pack re-prints, and the notes
about a chart too crowded to draw.

The pack has one audience, and the finding it rests on holds a chart of sixteen bars, too tall
for either printed size: the publisher's full briefing and audience edition print it, and each
member's copy of that edition, in regular and large print. The build is shared by the module
(and by the xdist workers); the edit works on a copy.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.pdf.preflight.report import read_member_reports
from lcsi_briefs.text.numbers import words

from .conftest import make_project, one_audience_pack, shared_printed_build, small_pack
from .members import member_data, write_member, write_members
from .pdftext import pdf_text

#: It renders PDFs: the pdf tier, whatever fixture it uses.
pytestmark = pytest.mark.pdf

MEMBERS = {"leeds-cvs": member_data(), "vale-cvs": member_data("Vale Community Action", "logos/vale.png")}
CHART = {
    "title": "Weekly visitors by library",
    "category_label": "Library",
    "categories": [f"Branch {number}" for number in range(1, 17)],
    "series": [{"name": "Visitors", "values": list(range(120, 280, 10))}],
    "source": "main-report",
}
#: The audience's edition, which prints the finding's explanation, and its brief, which does not.
EDITION = ("small--councils.pdf", "small--councils--large-print.pdf")
BRIEF = ("small--councils--brief.pdf", "small--councils--brief--large-print.pdf")


def _make(root: Path) -> Path:
    pack = small_pack()
    pack["audiences"] = pack["audiences"][:1]
    pack["pathways"][0]["beneficiaries"] = ["councils"]
    pack["findings"][0]["charts"] = [CHART]
    project = make_project(root, {"small": pack})
    write_members(project / "members", MEMBERS)
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The module's one build, and what it printed."""
    return shared_printed_build(tmp_path_factory, "member-rebuild", _make)


def _pdfs(build: Path) -> dict[str, tuple[int, bytes]]:
    """Each PDF of the publisher and of every member, by its path under build/: its mtime and bytes."""
    return {
        path.relative_to(build).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
        for folder in ("pdf", "members")
        for path in sorted((build / folder).rglob("*.pdf"))
    }


def test_a_chart_too_crowded_to_draw_is_noted_once_per_size_however_many_editions_print_it(
    built: tuple[Path, str],
) -> None:
    project, printed = built
    build = project / "build"
    printing = [build / "pdf" / "small.pdf", build / "pdf" / EDITION[0], build / "members" / "vale-cvs" / EDITION[0]]
    for path in printing:
        assert f"{words('en-GB').chart_table}: {CHART['title']}" in pdf_text(path), f"{path} prints the chart"
    notes = [line for line in printed.splitlines() if "cannot be drawn legibly at the" in line]
    where = load_pack(project / "briefings" / "small.yaml").location(("findings", 0, "charts", 0))
    assert [note.split(" size (")[0] for note in notes] == [
        f"{where}: the chart {CHART['title']!r} cannot be drawn legibly at the {size}"
        for size in ("print", "large-print")
    ], "once per size, not once per edition or member that prints it"


def test_editing_the_pack_reprints_every_members_affected_files_and_leaves_the_rest(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    project = Path(shutil.copytree(built[0], tmp_path / "copy", symlinks=True))
    before = _pdfs(project / "build")
    path = project / "briefings" / "small.yaml"
    pack = yaml.safe_load(path.read_text(encoding="utf-8"))
    pack["findings"][0]["explanation"] = "People who visit every week say they feel lonely less often."
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert build_all(project) == 0
    after = _pdfs(project / "build")
    assert after.keys() == before.keys()
    changed = {name for name in before if before[name][1] != after[name][1]}
    touched = {name for name in before if before[name][0] != after[name][0]}
    members = {f"members/{member}/{name}" for member in MEMBERS for name in EDITION}
    publisher = {f"pdf/{name}" for name in (*EDITION, "small.pdf", "small--large-print.pdf")}
    assert changed == touched == members | publisher, "re-printed: what prints the explanation, nobody's briefs"
    assert f"PDFs: {len(changed)} printed, " in printed.getvalue()
    for name in members:
        assert "every week say they feel lonely" in pdf_text(project / "build" / name)
    untouched = {name for name in before if name.endswith(BRIEF)}
    assert len(untouched) == 2 * (1 + len(MEMBERS)) and not untouched & touched


def _member_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def test_members_get_copies_of_the_packs_of_every_language_of_the_site(tmp_path: Path) -> None:
    """A site in English and Welsh builds each language apart; a member's folder still holds its
    copies of both packs, one index listing both, each in its own language, one zip of them all
    and one preflight report. Then the member's phone changes and the English pack goes, leaving
    the site's first language with no pack: the Welsh copies are reprinted and listed in Welsh."""
    welsh = one_audience_pack()
    welsh["briefing"]["language"] = "cy"
    project = make_project(tmp_path / "project", {"small": one_audience_pack(), "cymraeg": welsh})
    assert (project / "docs" / "cy").is_dir(), "the project's site is in English and Welsh"
    write_member(project / "members", "leeds-cvs", member_data())
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert build_all(project) == 0
    assert "first language only" not in printed.getvalue()
    build = project / "build"
    own = {"small.pdf", "small--large-print.pdf", "cymraeg.pdf", "cymraeg--large-print.pdf"}
    wanted = {path.name for path in (build / "pdf").glob("*.pdf")} - own
    assert {name.split("--")[0] for name in wanted} == {"small", "cymraeg"}
    folder = build / "members" / "leeds-cvs"
    files = _member_files(folder)
    assert {name for name in files if name.endswith(".pdf")} == wanted
    assert all("Leeds Community Voluntary Service" in pdf_text(folder / name) for name in wanted)
    page = BeautifulSoup(files["index.html"].decode("utf-8"), "html.parser")
    assert page.html is not None and page.html["lang"] == "en-GB"
    sections = {section["lang"]: section for section in page.find_all("section")}
    assert set(sections) == {"en-GB", "cy"}
    assert {link["href"].split("--")[0] for link in sections["cy"].find_all("a")} == {"cymraeg"}
    assert [section.find("p").get_text() for section in sections.values()] == ["English", "Cymraeg"]
    assert {link["href"] for link in page.find_all("a")} == wanted | {"leeds-cvs-briefings.zip"}
    with zipfile.ZipFile(folder / "leeds-cvs-briefings.zip") as archive:
        assert set(archive.namelist()) == wanted
    assert set(read_member_reports(build / "members")) == {f"leeds-cvs/{name}" for name in wanted}

    publisher = {path.name: path.read_bytes() for path in (build / "pdf").glob("cymraeg*.pdf")}
    data = member_data()
    data["contact"]["phone"] = "0113 496 0999"
    write_member(project / "members", "leeds-cvs", data)
    (project / "briefings" / "small.yaml").unlink()
    with contextlib.redirect_stdout(io.StringIO()):
        assert build_all(project) == 0
    welsh_copies = {name for name in wanted if name.startswith("cymraeg--")}
    after = _member_files(folder)
    assert {name for name in after if name.endswith(".pdf")} == welsh_copies
    assert {name for name in welsh_copies if after[name] != files[name]} == welsh_copies, "all reprinted"
    assert all("0113 496 0999" in pdf_text(folder / name) for name in welsh_copies if "brief" not in name)
    page = BeautifulSoup(after["index.html"].decode("utf-8"), "html.parser")
    assert page.html is not None and page.html["lang"] == "cy"
    assert page.find("p", class_="language") is None, "one language: nothing to tell apart"
    with zipfile.ZipFile(folder / "leeds-cvs-briefings.zip") as archive:
        assert set(archive.namelist()) == welsh_copies
    assert {path.name: path.read_bytes() for path in (build / "pdf").glob("*.pdf")} == publisher
