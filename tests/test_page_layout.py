"""Page layout that wastes nothing, measured on the bundled build's PDFs (see ``pagefill.py``).

Every site page used to start a new printed page, leaving the tail of the one before nearly
empty (one page held a single bullet); a heading could end a page with its text on the next.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from lcsi_briefs.editions import editions
from lcsi_briefs.model.pack import LoadedPack

from .pagefill import last_lines, page_fills
from .pdftext import page_texts

#: The most pages an audience edition of the bundled pack may take: a reader finishes it.
SHORT_EDITION_PAGES = 8
#: The most pages the bundled pack's full briefing may take (issue 23: no longer than it was).
FULL_BRIEFING_PAGES = 24


def _pdfs(root: Path) -> list[Path]:
    return sorted((root / "build" / "pdf").glob("*.pdf"))


def _fold(text: str) -> str:
    return " ".join(text.split())


def test_no_page_but_the_first_and_last_is_less_than_a_third_full(bundled_build: Path) -> None:
    short = {
        f"{path.name} p{number}: {fill:.0%}"
        for path in _pdfs(bundled_build)
        for number, fill in enumerate(page_fills(path)[1:-1], start=2)
        if fill < 1 / 3
    }
    assert short == set()


#: The least a last page may hold. A glossary that ended on its own last term once left pages 7% (local
#: government), 9-14% (large print) full; with its last three terms kept together the emptiest
#: last page of the bundled pack measures 25%. The one-sheet briefs are left out: a brief's
#: pages are fixed (two), and its large-print twin simply runs on.
LAST_PAGE_FILL = 0.20


def test_no_edition_ends_on_a_nearly_empty_page(bundled_build: Path) -> None:
    """The last page of every edition but the briefs is at least ``LAST_PAGE_FILL`` full."""
    short = {
        f"{path.name} p{len(fills)}: {fills[-1]:.0%}"
        for path in _pdfs(bundled_build)
        if "--brief" not in path.name
        for fills in [page_fills(path)]
        if fills[-1] < LAST_PAGE_FILL
    }
    assert short == set()


def test_audience_editions_are_short(bundled_build: Path, bundled: LoadedPack) -> None:
    pdf_dir = bundled_build / "build" / "pdf"
    for edition in editions(bundled):
        if edition.audience and not edition.brief and not edition.large_print:
            pages = page_texts(pdf_dir / edition.filename)
            assert len(pages) <= SHORT_EDITION_PAGES, edition.filename
            first = pages[0]
            assert "Contents" not in first, "a short edition has no contents page"
            assert bundled.pack.briefing.summary.split()[0] in first, "no separate cover: the summary is on page 1"


def test_the_full_briefing_is_no_longer_than_it_was(bundled_build: Path, bundled: LoadedPack) -> None:
    pdf_dir = bundled_build / "build" / "pdf"
    (full,) = (e for e in editions(bundled) if e.audience is None and not e.brief and not e.large_print)
    assert len(page_texts(pdf_dir / full.filename)) <= FULL_BRIEFING_PAGES


def test_about_these_implications_is_printed_once(bundled_build: Path, bundled: LoadedPack) -> None:
    pdf_dir = bundled_build / "build" / "pdf"
    for edition in editions(bundled):
        if not edition.brief:
            text = " ".join(page_texts(pdf_dir / edition.filename))
            assert text.count("About these implications") == 1, edition.filename


def _print_html(root: Path, pdf: Path) -> BeautifulSoup:
    html = root / "build" / ".work" / "pdf" / pdf.with_suffix(".html").name
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def test_no_heading_is_stranded_at_the_foot_of_a_page(bundled_build: Path) -> None:
    stranded = []
    for path in _pdfs(bundled_build):
        if "--brief" in path.name:
            continue
        headings = [_fold(h.get_text()) for h in _print_html(bundled_build, path).find_all(["h1", "h2", "h3", "h4"])]
        for number, line in enumerate(last_lines(path)[:-1], start=1):
            if len(line) > 8 and any(heading.endswith(line) for heading in headings):
                stranded.append(f"{path.name} p{number}: {line}")
    assert stranded == []


def test_an_editions_glossary_holds_only_the_terms_it_uses(bundled_build: Path) -> None:
    for path in _pdfs(bundled_build):
        if "--brief" in path.name:
            continue
        page = _print_html(bundled_build, path)
        linked = {a["href"].removeprefix("#") for a in page.select("a[href*='-term-']")}
        defined = {tag["id"] for tag in page.select(".lcsi-glossary [id*='-term-']")}
        assert defined, path.name
        assert defined <= linked, f"{path.name}: {sorted(defined - linked)}"


def test_full_briefing_contents_fit_one_page(bundled_build: Path) -> None:
    pages = page_texts(bundled_build / "build" / "pdf" / "lcsi-2025.pdf")
    assert "Contents" in pages[1]
    assert "Contents" not in pages[2][:200]
