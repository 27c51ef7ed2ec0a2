"""The HTML site built from the bundled pack: everything is there and every link works."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from lcsi_briefs.editions import editions
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.text.first_use import expand_first_use


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def test_landing_page_lists_the_briefing_with_summary_date_and_pdfs(site: Path, bundled: LoadedPack) -> None:
    page = soup(site / "index.html")
    main = page.find("article") or page
    card = main.select_one(".lcsi-series .sd-card")
    assert card is not None
    assert bundled.pack.briefing.title in text_of(card)
    assert "25 November 2026" in text_of(card)
    assert " ".join(bundled.pack.briefing.summary.split())[:80] in text_of(card)
    # Every edition the landing page promises: the full briefing, each audience's, large print.
    links = [a["href"] for a in card.select("a.lcsi-pdf")]
    assert links[:2] == ["pdf/lcsi-2025.pdf", "pdf/lcsi-2025--large-print.pdf"]
    assert {link.removeprefix("pdf/") for link in links} == {edition.filename for edition in editions(bundled)}
    assert all((site / link).is_file() for link in links)


def test_every_headline_is_on_the_overview_in_order(site: Path, bundled: LoadedPack) -> None:
    page = soup(site / "briefing" / "lcsi-2025" / "index.html")
    headings = [text_of(h).rstrip("#¶ ") for h in page.select("section[id='lcsi-2025-findings'] h3")]
    statements = [f"{n}. {f.statement}" for n, f in enumerate(bundled.pack.findings, start=1)]
    # Headings spell out their own first uses (an abbreviation's first heading on the page).
    assert headings == expand_first_use(statements, bundled.pack.glossary, bundled.pack.briefing.language)
    assert len(headings) == 12


def test_functions_pathways_and_audiences_are_on_the_overview(site: Path, bundled: LoadedPack) -> None:
    page = text_of(soup(site / "briefing" / "lcsi-2025" / "index.html"))
    pack = bundled.pack
    for name in [f.name for f in pack.functions] + [p.name for p in pack.pathways] + [a.name for a in pack.audiences]:
        assert name in page
    assert (len(pack.functions), len(pack.pathways), len(pack.audiences)) == (5, 3, 7)


def test_each_audience_page_shows_its_implications_and_the_findings_they_rest_on(
    site: Path, bundled: LoadedPack
) -> None:
    for audience in bundled.pack.audiences:
        page = soup(site / "briefing" / "lcsi-2025" / "audiences" / f"{audience.id}.html")
        body = page.select_one("article") or page
        assert audience.name in text_of(body.find("h1"))
        titles = [text_of(h).rstrip("#¶ ") for h in body.select("h2")]
        assert titles == [f"{n}. {i.title}" for n, i in enumerate(audience.implications, start=1)]
        finding_links = {a["href"].split("#")[-1] for a in body.select("a[href*='#lcsi-2025-finding-']")}
        cited = {f"lcsi-2025-finding-{f}" for i in audience.implications for f in i.findings}
        assert finding_links == cited
        assert "publisher" in text_of(body.select_one(".admonition"))


def test_sources_page_lists_every_report_with_its_address(site: Path, bundled: LoadedPack) -> None:
    page = soup(site / "briefing" / "lcsi-2025" / "sources.html")
    hrefs = {a["href"] for a in page.select("a.reference.external")}
    for source in bundled.pack.sources:
        assert source.url in hrefs
        assert page.find(id=f"lcsi-2025-source-{source.id}") is not None


def test_glossary_terms_link_from_the_text(site: Path) -> None:
    overview = soup(site / "briefing" / "lcsi-2025" / "index.html")
    term_links = overview.select("a[href='glossary.html#lcsi-2025-term-lcsi']")
    assert any(text_of(a) == "LCSI" for a in term_links)
    glossary = soup(site / "briefing" / "lcsi-2025" / "glossary.html")
    assert text_of(glossary.select_one("#lcsi-2025-term-lcsi dt")) == "LCSI"


def test_diagram_is_svg_without_script_with_alt_text_and_text_alternative(site: Path, bundled: LoadedPack) -> None:
    page = soup(site / "briefing" / "lcsi-2025" / "index.html")
    image = page.select_one(".lcsi-diagram img")
    assert image is not None
    assert "text after the diagram" in image["alt"]
    svg = (site / "briefing" / "lcsi-2025" / image["src"]).resolve()
    drawing = BeautifulSoup(svg.read_text(encoding="utf-8"), "html.parser")
    assert drawing.find("script") is None
    assert drawing.find("title") is not None
    labels = " ".join(t.get_text() for t in drawing.find_all("text"))
    for pathway in bundled.pack.pathways:
        assert pathway.name.split()[0] in labels
    for pathway in bundled.pack.pathways:
        section = page.find(id=f"lcsi-2025-pathway-{pathway.id}")
        assert section is not None
        assert "Fed by" in text_of(section)


def test_every_internal_link_resolves(site: Path) -> None:
    broken = []
    ids_cache: dict[Path, set[str]] = {}
    for page_path in site.rglob("*.html"):
        page = soup(page_path)
        for anchor in page.find_all("a", href=True):
            parts = urlsplit(anchor["href"])
            if parts.scheme or anchor["href"].startswith("mailto:"):
                continue
            target = (page_path.parent / unquote(parts.path)).resolve() if parts.path else page_path
            if not target.exists():
                broken.append(f"{page_path.relative_to(site)} -> {anchor['href']}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = {t["id"] for t in soup(target).find_all(id=True)}
                if unquote(parts.fragment) not in ids_cache[target]:
                    broken.append(f"{page_path.relative_to(site)} -> {anchor['href']}")
    assert broken == []


def test_every_pdf_edition_is_linked_from_the_overview(site: Path, bundled: LoadedPack) -> None:
    page = soup(site / "briefing" / "lcsi-2025" / "index.html")
    linked = {a["href"].rsplit("/", 1)[-1] for a in page.select("a.lcsi-pdf")}
    assert linked == {edition.filename for edition in editions(bundled)}


def test_print_stylesheet_expands_tabs_and_hides_navigation(site: Path) -> None:
    css = (site / "_static" / "lcsi-briefs.css").read_text(encoding="utf-8")
    assert "@media print" in css
    assert ".sd-tab-content { display: block !important" in css


def test_the_overview_lists_every_finding_at_a_glance_before_its_detail(site: Path, bundled: LoadedPack) -> None:
    page = soup(site / "briefing" / "lcsi-2025" / "index.html")
    glance = page.select_one(".lcsi-at-a-glance")
    assert glance is not None
    links = glance.select("ol li a")
    assert [link["href"] for link in links] == [f"#lcsi-2025-finding-{f.id}" for f in bundled.pack.findings]
    first_detail = page.find(id=f"lcsi-2025-finding-{bundled.pack.findings[0].id}")
    assert first_detail is not None and glance.find_next(id=first_detail["id"]) is first_detail
