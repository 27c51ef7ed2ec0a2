"""What a member would notice in the printed editions as built: read from the bundled PDFs.

The full briefing once printed its title block and whole summary twice (the cover, then again
straight after the contents); its cross-references ("Finding 3", a source) gave a reader on
paper no page to turn to.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from lcsi_briefs.editions import editions
from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.pdf.page_labels import PAGE_ATTRIBUTE, PAGE_REFERENCE_CLASS, page_references_css
from lcsi_briefs.text.catalogue import translator_for
from lcsi_briefs.text.paragraphs import fold, paragraphs

from .conftest import REPO
from .pdftext import page_texts, pdf_text


def _pdf(root: Path, name: str) -> Path:
    return root / "build" / "pdf" / name


def test_every_edition_prints_the_summary_and_subtitle_once(bundled_build: Path) -> None:
    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    briefing = loaded.pack.briefing
    # The summary's last sentence: the cover and the body spell out abbreviations differently.
    last = paragraphs(briefing.summary)[-1].rsplit(". ", 1)[-1]
    counts = {}
    for edition in editions(loaded):
        if not edition.brief:
            text = pdf_text(_pdf(bundled_build, edition.filename))
            counts[edition.filename] = (text.count(last), text.count(fold(briefing.subtitle or "")))
    assert counts == dict.fromkeys(counts, (1, 1))
    assert len(counts) == 16


def test_an_audience_edition_does_not_send_its_reader_to_the_briefing_it_is(bundled_build: Path) -> None:
    """The web page's "From the briefing …" line, printed under a masthead naming that briefing."""
    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    printed = [e.filename for e in editions(loaded) if e.audience and not e.brief]
    assert printed and not [name for name in printed if "From the briefing" in pdf_text(_pdf(bundled_build, name))]
    site = bundled_build / "build" / "html" / "briefing" / "lcsi-2025" / "audiences" / "funders.html"
    assert "From the briefing" in site.read_text(encoding="utf-8")


def test_the_contents_send_a_reader_to_the_summary(bundled_build: Path) -> None:
    """On the cover in the standard print; opening the body in large print, whose cover lacks it."""
    for name, page in (("lcsi-2025.pdf", "1"), ("lcsi-2025--large-print.pdf", "3")):
        contents = page_texts(_pdf(bundled_build, name))[1]
        assert f"Summary {page} " in contents, name


def test_only_the_full_briefing_prints_the_findings_at_a_glance(bundled_build: Path) -> None:
    """An audience edition prints only the findings its implications rest on, not all twelve."""
    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    counts = {
        edition.filename: pdf_text(_pdf(bundled_build, edition.filename)).count("At a glance")
        for edition in editions(loaded)
        if not edition.brief
    }
    assert counts == {name: int(name.startswith("lcsi-2025.") or "2025--large" in name) for name in counts}


@pytest.mark.parametrize(
    "name", ["lcsi-2025.pdf", "lcsi-2025--local-government.pdf", "lcsi-2025--local-government--large-print.pdf"]
)
def test_a_cross_reference_prints_the_page_it_leads_to(bundled_build: Path, name: str) -> None:
    """'Finding 10 (see page 5)': a reader on paper turns to page 5 and finds finding 10's heading."""
    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    layout = PackLayout(loaded.slug)
    reader = PdfReader(_pdf(bundled_build, name))
    # WeasyPrint names a destination after each id: a finding's is its label.
    anchors = reader.named_destinations
    text = pdf_text(_pdf(bundled_build, name))
    references = re.findall(r"Finding (\d+) \(see page (\d+)\)", text)
    assert len(references) >= 4, name
    for number, page in set(references):
        anchor = anchors[layout.finding(loaded.pack.findings[int(number) - 1].id)]
        found = reader.get_destination_page_number(anchor) + 1
        assert found == int(page), f"{name}: finding {number} is on page {found}, not {page}"
    numbers = [int(page) for page in re.findall(r"\(see page (\d+)\)", text)]
    assert all(1 <= page <= len(reader.pages) for page in numbers), numbers


def test_only_links_to_what_the_edition_holds_get_a_page(bundled_build: Path) -> None:
    """No page for a glossary term (too many to help), or for a target the edition leaves out."""
    for path in sorted((bundled_build / "build" / "pdf").glob("*.pdf")):
        html = bundled_build / "build" / ".work" / "pdf" / path.with_suffix(".html").name
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        paged = page.select(f"a.{PAGE_REFERENCE_CLASS}")
        assert paged or "--brief" in path.name, path.name
        targets = {a["href"].removeprefix("#") for a in paged}
        assert all(page.find(id=target) for target in targets), path.name
        assert not [t for t in targets if "-term-" in t], path.name
        text = pdf_text(path)
        assert "DCMS (see page" not in text, path.name


@pytest.mark.parametrize(("language", "word"), [("en-GB", "see\\0000a0 page"), ("cy", "gweler\\0000a0 tudalen")])
def test_the_page_of_a_cross_reference_is_worded_from_the_catalogue(language: str, word: str) -> None:
    """Written into the print page's <style>: letters, digits, spaces and escapes only; no break
    inside "(page 5)", so a number never starts a line alone."""
    css = page_references_css(translator_for(language))
    before, after = f'" \\000028 {word}\\0000a0 "', '"\\000029 "'
    known = f"a.{PAGE_REFERENCE_CLASS}[{PAGE_ATTRIBUTE}]"
    # WeasyPrint's own target-counter(), and the page the render writes on the link when it knows it.
    assert css.splitlines() == [
        f"a.{PAGE_REFERENCE_CLASS}::after {{ content: {before} target-counter(attr(href), page) {after}; }}",
        f"{known}::after {{ content: {before} attr({PAGE_ATTRIBUTE}) {after}; }}",
    ]


def test_the_pathways_diagram_prints_on_the_page_of_its_caveat(bundled_build: Path) -> None:
    """The diagram draws our mapping: its caption says so, and the pack's caveat is on its page."""
    pages = page_texts(_pdf(bundled_build, "lcsi-2025.pdf"))
    with_diagram = [text for text in pages if "as this briefing maps them" in text]
    assert len(with_diagram) == 1
    assert "names of the three pathways" in with_diagram[0]
