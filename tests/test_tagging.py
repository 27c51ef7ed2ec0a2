"""PDF/UA-1 structure of every PDF: the markup fixes, the finisher, and every bundled edition.

Each rule is checked by walking the structure tree with pikepdf (tests/pdfua.py). A small page
holding the shapes that used to break is rendered twice, through our renderer and through plain
WeasyPrint, so every check is seen to fail on the old output and pass on the new.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest
import tinyhtml5
from pypdf import PdfReader
from weasyprint import HTML

from lcsi_briefs.pdf.render import RenderJob, render_pdf
from lcsi_briefs.pdf.tagging import prepare

from . import pdfua

#: The shapes Sphinx and our template write that WeasyPrint used to tag wrongly.
PAGE = """<html lang="en-GB"><head><title>Tagging fixture</title></head><body>
<h1>Fixture</h1>
<nav class="contents"><ul><li><a href="#terms">Terms</a></li></ul></nav>
<p>See <a class="reference internal" href="#terms"><span class="std std-ref">the terms</span></a>
and <a href="#terms"><em>these</em> too</a>.</p>
<ul><li><p>One paragraph item</p></li><li><p>First paragraph</p><p>Second paragraph</p></li></ul>
<h2 id="terms" style="break-before: page">Terms</h2><p>Words.</p>
</body></html>"""
#: Running header and footer, and the contents page as print.css used to set it (leaders in links).
MARGINS = """@page { @top-left { content: 'Running title' } @bottom-right { content: 'Page ' counter(page) } }
.contents ul { list-style: none }
.contents a::after { content: leader('.') ' ' target-counter(attr(href), page) }"""


def parse(html: str) -> ET.Element:
    root: ET.Element = tinyhtml5.parse(html, namespace_html_elements=False)
    return root


def body_html(root: ET.Element) -> str:
    body = root.find("body")
    assert body is not None
    return "".join(ET.tostring(child, encoding="unicode") for child in body).strip()


def test_prepare_unwraps_everything_inside_links_keeping_the_words() -> None:
    root = parse('<p>See <a href="#x"><span class="std">the <b>bold</b> term</span> here</a>.</p>')
    prepare(root)
    assert body_html(root) == '<p>See <a href="#x">the bold term here</a>.</p>'


def test_prepare_makes_a_single_paragraph_the_list_item_body() -> None:
    root = parse("<ul><li><p>one <em>a</em></p><ul><li>sub</li></ul></li><li><p>a</p><p>b</p></li></ul>")
    prepare(root)
    assert body_html(root) == "<ul><li>one <em>a</em><ul><li>sub</li></ul></li><li><p>a</p><p>b</p></li></ul>"


def test_prepare_puts_contents_page_numbers_on_the_entry_not_in_the_link() -> None:
    root = parse('<nav><ul><li><a href="#a">A</a></li></ul></nav><ul><li><a href="#b">B</a></li></ul>')
    prepare(root)
    items = root.iter("li")
    assert next(items).get("data-page-of") == "#a"
    assert next(items).get("data-page-of") is None


@pytest.fixture(scope="module")
def fixture_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture page as we render it, and as plain WeasyPrint renders it."""
    folder = tmp_path_factory.mktemp("tagging")
    sheet = folder / "margins.css"
    sheet.write_text(MARGINS, encoding="utf-8")
    ours = folder / "ours.pdf"
    render_pdf(RenderJob(PAGE, ours, folder.as_uri() + "/", (sheet,), (folder,)))
    plain = folder / "plain.pdf"
    HTML(string=PAGE, base_url=str(folder)).write_pdf(plain, stylesheets=[str(sheet)], pdf_variant="pdf/ua-1")
    return {"ours": ours, "plain": plain}


@pytest.mark.parametrize(
    ("check", "rule"),
    [
        (pdfua.link_problems, "7.18.5-1"),
        (pdfua.link_problems, "7.18.5-2"),
        (pdfua.list_problems, "7.2-20"),
        (pdfua.content_problems, "7.1-3"),
    ],
)
def test_each_rule_fails_on_plain_weasyprint_and_passes_on_ours(
    fixture_pdfs: dict[str, Path], check: object, rule: str
) -> None:
    assert callable(check)
    with pikepdf.open(fixture_pdfs["plain"]) as plain:
        assert any(problem.startswith(rule) for problem in check(plain))
    with pikepdf.open(fixture_pdfs["ours"]) as ours:
        assert check(ours) == []


def test_fixture_passes_every_check(fixture_pdfs: dict[str, Path]) -> None:
    with pikepdf.open(fixture_pdfs["ours"]) as pdf:
        assert pdfua.pdfua_problems(pdf) == []
        descriptions = {str(annotation.Contents) for annotation in pdf.pages[0].Annots}
    assert descriptions == {"Terms", "the terms", "these too"}


def test_running_header_and_footer_are_artifacts(fixture_pdfs: dict[str, Path]) -> None:
    artifacts, tagged = pdfua.artifact_text(fixture_pdfs["ours"], 1)
    assert artifacts == "Running titlePage 2"
    assert "Running title" not in tagged
    plain_artifacts, _ = pdfua.artifact_text(fixture_pdfs["plain"], 1)
    assert "Page 2" not in plain_artifacts


def test_contents_page_numbers_are_outside_links_and_have_no_leaders(fixture_pdfs: dict[str, Path]) -> None:
    with pikepdf.open(fixture_pdfs["ours"]) as pdf:
        links = [element for element in pdfua.elements(pdf) if element.role == "/Link"]
        assert all(pdfua.element_roles(link) == [] for link in links)  # no link nested in a link
    text = PdfReader(fixture_pdfs["ours"]).pages[0].extract_text()
    assert "2" in text.split()  # the page number, set beside the entry
    assert ".." not in text
    assert "....." in PdfReader(fixture_pdfs["plain"]).pages[0].extract_text()


def test_checks_catch_a_skipped_heading_and_a_figure_without_alt(tmp_path: Path) -> None:
    target = tmp_path / "bad.pdf"
    picture = '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" height="9"/></svg>'
    HTML(string=f'<html lang="en"><title>t</title><h1>a</h1><h3>c</h3><p>{picture}</p></html>').write_pdf(
        target, pdf_variant="pdf/ua-1"
    )
    with pikepdf.open(target) as pdf:
        assert pdfua.heading_problems(pdf) == ["7.4.2-1: H1 is followed by H3"]
        assert pdfua.figure_problems(pdf) == ["7.3-1: Figure without /Alt under Document > P"]


def test_every_bundled_pdf_passes_the_structure_checks(bundled_build: Path) -> None:
    pdfs = sorted((bundled_build / "build" / "pdf").glob("*.pdf"))
    assert pdfs
    problems = {}
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            if found := pdfua.pdfua_problems(pdf):
                problems[path.name] = found[:5]
    assert problems == {}


def test_every_bundled_pdf_prints_its_running_header_and_footer_as_artifacts(bundled_build: Path) -> None:
    """Read on each PDF's last page; a one-sheet edition may print no footer, but never a tagged one."""
    for path in sorted((bundled_build / "build" / "pdf").glob("*.pdf")):
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
        artifacts, tagged = pdfua.artifact_text(path, pages - 1)
        assert not re.search(r"Page \d+ of \d+", tagged), path.name
        if pages > 2:
            assert f"Page {pages} of {pages}" in artifacts, path.name
