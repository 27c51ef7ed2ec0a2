"""The one layout module: each naming rule pinned once, and the bugs of keeping it in six places.

B1: the CLI read hard-coded folders while the extension read ``conf.py``; B2: audience PDFs
picked source sections by substring; B3: a removed audience or pack left its output behind.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from docutils import nodes

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.cli.main import main
from lcsi_briefs.cli.project import read_layout
from lcsi_briefs.layout import GLOSSARY_LABEL, PackLayout, ProjectLayout, glossary_docname
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.pages import render_pages
from lcsi_briefs.pdf.assemble import _keep_sources

from .conftest import make_project, small_pack, write_pack


def test_project_folders_follow_the_settings() -> None:
    layout = ProjectLayout(Path("/p"), packs_dir="data", pages_dir="_gen")
    assert layout.packs == Path("/p/data")
    assert layout.srcdir == Path("/p/docs")
    assert layout.generated == Path("/p/docs/_gen")
    assert (layout.html, layout.pdf, layout.newsletter, layout.members) == layout.published
    assert layout.published == (
        Path("/p/build/html"),
        Path("/p/build/pdf"),
        Path("/p/build/newsletter"),
        Path("/p/build/members"),
    )
    assert layout.member_files == Path("/p/members")
    assert layout.publisher_file == Path("/p/publisher.yaml")
    assert layout.stamp == Path("/p/build/.work/inputs.sha256")
    assert layout.preview == Path("/p/build/preview")


def test_pages_and_docnames() -> None:
    layout = PackLayout("trees", "_gen")
    assert layout.overview_file() == "trees/index.md"
    assert layout.audience_file("councils") == "trees/audiences/councils.md"
    assert layout.sources_file() == "trees/sources.md"
    assert layout.overview_doc() == "_gen/trees/index"
    assert layout.audience_doc("councils") == "_gen/trees/audiences/councils"
    assert layout.sources_doc() == "_gen/trees/sources"
    assert layout.toc_entries(["councils", "residents"]) == ["audiences/councils", "audiences/residents", "sources"]
    assert glossary_docname("_gen") == "_gen/glossary"


def test_labels_come_from_the_slug_and_data_ids_only() -> None:
    layout = PackLayout("trees")
    assert layout.overview() == "trees"
    assert layout.finding("f1") == "trees-finding-f1"
    assert layout.source("main") == "trees-source-main"
    assert layout.sources() == "trees-sources"
    assert layout.audience("councils") == "trees-audience-councils"
    assert layout.implication("councils", 2) == "trees-audience-councils-2"
    assert {layout.functions(), layout.pathways(), layout.audiences(), layout.findings()} == {
        "trees-functions",
        "trees-pathways",
        "trees-audiences",
        "trees-findings",
    }
    assert GLOSSARY_LABEL == "lcsi-glossary"


def test_output_file_names() -> None:
    layout = PackLayout("trees")
    assert layout.pdf_name() == "trees.pdf"
    assert layout.pdf_name(large_print=True) == "trees--large-print.pdf"
    assert layout.pdf_name("councils") == "trees--councils.pdf"
    assert layout.pdf_name("councils", large_print=True) == "trees--councils--large-print.pdf"
    assert layout.pdf_name("councils", brief=True) == "trees--councils--brief.pdf"
    assert layout.pdf_name("councils", brief=True, large_print=True) == "trees--councils--brief--large-print.pdf"
    assert layout.newsletter_files("councils") == ["trees--councils.html", "trees--councils.txt", "trees--councils.eml"]
    with pytest.raises(ValueError, match="only an audience"):
        layout.pdf_name(brief=True)


def test_the_cli_reads_the_folders_conf_py_sets(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text('lcsi_briefs_packs_dir = "data"\nlcsi_briefs_pages_dir = "_gen"\n', "utf-8")
    layout = read_layout(tmp_path)
    assert (layout.packs, layout.generated) == (tmp_path / "data", tmp_path / "docs" / "_gen")
    (tmp_path / "conf.py").write_text("", "utf-8")
    assert read_layout(tmp_path).packs == tmp_path / "briefings"


@pytest.mark.parametrize("command", ["validate", "check"])
def test_validate_and_check_read_the_packs_folder_conf_py_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """``check`` once read ``briefings/`` whatever conf.py said, and found nothing to check."""
    (tmp_path / "conf.py").write_text('lcsi_briefs_packs_dir = "data"\n', "utf-8")
    write_pack(tmp_path / "data" / "small.yaml", small_pack())
    monkeypatch.chdir(tmp_path)
    status = main([command])
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert status == 0, said
    assert "briefings" not in said and ("data/small.yaml" in said or "1 pack checked" in said), said


def _source_section(section_id: str) -> nodes.section:
    return nodes.section(ids=[section_id])


def test_b2_an_audience_edition_keeps_its_sources_whatever_the_pack_is_called() -> None:
    """B2: a pack named ``open-source-2025`` lost its whole Sources section to a substring match."""
    layout = PackLayout("open-source-2025")
    tree = nodes.section(ids=[layout.sources()])
    tree += [_source_section(layout.source("cited")), _source_section(layout.source("other"))]
    _keep_sources(tree, {layout.source("cited"), layout.source("other")}, {layout.source("cited")})
    kept = [section["ids"][0] for section in tree.findall(nodes.section)]
    assert kept == [layout.sources(), layout.source("cited")]


def _html(root: Path, relative: str) -> str:
    return (root / "build" / "html" / relative).read_text(encoding="utf-8")


def test_b1_a_build_with_a_configured_packs_folder_sees_an_edit(tmp_path: Path) -> None:
    """B1: with ``lcsi_briefs_packs_dir`` set, the build hashed ``briefings/`` and stayed stale."""
    root = make_project(tmp_path / "p", {})
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nlcsi_briefs_packs_dir = "data"\n')
    pack = small_pack()
    write_pack(root / "data" / "small.yaml", pack)
    assert build_all(root, pdf=False) == 0
    pack["findings"][0]["explanation"] = "EDITED explanation."
    write_pack(root / "data" / "small.yaml", pack)
    assert build_all(root, pdf=False) == 0
    assert "EDITED explanation." in _html(root, "briefing/small/index.html")


def test_b3_removing_an_audience_or_a_pack_removes_what_was_built_from_it(tmp_path: Path) -> None:
    """B3: emails of a removed audience stayed published; a removed pack stayed in every sidebar."""
    other = small_pack()
    other["briefing"]["title"] = "The other briefing, soon removed"
    root = make_project(tmp_path / "p", {"small": small_pack(), "other": other})
    assert build_all(root, pdf=False) == 0
    newsletter = root / "build" / "newsletter"
    # Without a site address the .eml is not written; the HTML and text versions are.
    assert (newsletter / "small--residents.html").is_file()
    assert "soon removed" in _html(root, "briefing/small/sources.html")

    fewer = small_pack()
    fewer["audiences"] = fewer["audiences"][:1]
    fewer["pathways"][0]["beneficiaries"] = ["councils"]
    write_pack(root / "briefings" / "small.yaml", fewer)
    (root / "briefings" / "other.yaml").unlink()
    assert build_all(root, pdf=False) == 0

    expected = PackLayout("small").newsletter_files() + PackLayout("small").newsletter_files("councils")
    assert sorted(path.name for path in newsletter.iterdir()) == sorted(n for n in expected if not n.endswith(".eml"))
    assert not (root / "build" / "html" / "newsletter" / "other.html").exists()
    for page in ("index.html", "briefing/small/sources.html", "briefing/small/audiences/councils.html"):
        html = _html(root, page)
        assert "soon removed" not in html, page
        links = [a.get("href", "") for a in BeautifulSoup(html, "html.parser").find_all("a")]
        assert not [href for href in links if "residents" in href or "/other/" in href], page


def test_ids_unique_by_construction_titles_may_repeat(project: Any) -> None:
    """Two audiences with an implication of the same title: the site and every PDF build cleanly."""
    pack = small_pack()
    for audience in pack["audiences"]:
        audience["implications"][0]["title"] = "Share this briefing"
    pack["findings"][1]["statement"] = pack["findings"][0]["statement"]
    root = project({"small": pack}, pdf=True)
    assert (root / "build" / "pdf" / "small.pdf").is_file()
    html = (root / "build" / ".work" / "pdf" / "small.html").read_text(encoding="utf-8")
    ids = [tag["id"] for tag in BeautifulSoup(html, "html.parser").find_all(id=True)]
    assert len(ids) == len(set(ids))
    hrefs = {a["href"][1:] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)}
    assert {href for href in hrefs if href and "://" not in href and not href.startswith("mailto")} <= set(ids)


def test_labels_of_a_pack_are_every_label_its_pages_define(tmp_path: Path) -> None:
    loaded = load_pack(write_pack(tmp_path / "small.yaml", small_pack()))
    labels = PackLayout("small").labels(loaded.pack)
    generated = "\n".join(text for name, text in render_pages([loaded], "_b").items() if name.startswith("small/"))
    targets = set(re.findall(r"^\(([a-z0-9-]+)\)=$", generated, flags=re.MULTILINE))
    assert labels == targets


def test_the_preview_watches_and_builds_the_folders_conf_py_names(tmp_path: Path) -> None:
    """B1 for ``serve``: the live preview reads conf.py like ``build`` does."""
    from lcsi_briefs.cli.preview import PreviewBuilder  # noqa: PLC0415

    conf = 'lcsi_briefs_packs_dir = "data"\nlcsi_briefs_pages_dir = "gen"\n'
    (tmp_path / "conf.py").write_text(conf, encoding="utf-8")
    builder = PreviewBuilder(tmp_path, pdfs=False)
    assert builder.layout.packs == tmp_path / "data"
    assert builder.layout.generated == tmp_path / "docs" / "gen"
    assert builder.site_command()[-2:] == [str(tmp_path / "docs"), str(tmp_path / "build" / "preview")]


def test_glossary_labels_belong_to_their_pack(tmp_path: Path) -> None:
    pack = small_pack()
    pack["glossary"] = [
        {"term": "Café", "definition": "A place to meet."},
        {"term": "cafe", "definition": "The same word, written plainly."},
        {"term": "Ωμέγα", "definition": "A term with no ASCII letters."},
    ]
    loaded = load_pack(write_pack(tmp_path / "small.yaml", pack))
    labels = PackLayout("small").term_labels(loaded.pack)
    assert labels["Café"] == "small-term-cafe"
    assert labels["cafe"] == "small-term-cafe-x"
    assert re.fullmatch(r"small-term-[0-9a-f]{10}", labels["Ωμέγα"])
    assert PackLayout("other").term_labels(loaded.pack)["Café"] == "other-term-cafe"
    assert PackLayout("small").glossary() == "small-glossary"
    assert PackLayout("small", "_b").glossary_doc() == "_b/small/glossary"
