"""The site a reader sees: only reader pages, one publisher's look, labelled lists, a legible diagram."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lcsi_briefs.model.colour import contrast
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pages.audience import ACTIONS_LABEL, QUESTIONS_LABEL
from lcsi_briefs.pages.diagram import COLOURS, PANEL_COLOUR, colour_pairs, pathways_svg
from lcsi_briefs.sphinx_ext.site import FONT_SHEET, font_files, label_captions, site_font_sheet

#: Furo's page backgrounds: the diagram must read on both.
PAGE_BACKGROUNDS = {"light": "#ffffff", "dark": "#131416"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#1a1a1a", "#131416") == pytest.approx(1.06, abs=0.01)  # the reviewed failure


@pytest.mark.parametrize(("foreground", "background", "kind"), colour_pairs())
def test_every_diagram_colour_meets_wcag_aa_on_its_background(foreground: str, background: str, kind: str) -> None:
    needed = 4.5 if kind == "text" else 3.0
    assert contrast(foreground, background) >= needed, (foreground, background, kind)


@pytest.mark.parametrize("page", sorted(PAGE_BACKGROUNDS))
def test_diagram_draws_every_colour_on_its_own_opaque_panel_whatever_the_page(page: str, bundled: LoadedPack) -> None:
    """On either page background, what lies behind the diagram's colours is its panel."""
    svg = BeautifulSoup(pathways_svg(bundled.pack, "t", "d", ("a", "b", "c")), "html.parser").svg
    assert svg is not None
    first = svg.find(["rect", "path", "text", "g"])
    assert first is not None
    assert first.name == "rect"
    assert (first["width"], first["height"], first["fill"]) == ("100%", "100%", PANEL_COLOUR)
    # Everything drawn is listed in colour_pairs, so the parametrized test above covers it.
    drawn = {v.lower() for v in re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', str(svg))}
    listed = {c for pair in colour_pairs() for c in pair[:2]} | {fill for fill, _ in COLOURS}
    assert drawn <= listed
    # The panel itself stands out from the dark page and matches the light one.
    assert contrast(PANEL_COLOUR, PAGE_BACKGROUNDS[page]) in (pytest.approx(1.0), pytest.approx(18.1, abs=0.5))


def test_site_font_sheet_is_the_pdf_sheet_with_site_paths() -> None:
    sheet = site_font_sheet(FONT_SHEET.read_text(encoding="utf-8"))
    assert "Atkinson Hyperlegible" in sheet
    assert "Noto Emoji" not in sheet
    assert "../fonts/" not in sheet
    assert font_files(sheet)
    assert all((FONT_SHEET.parent.parent / "fonts" / name).is_file() for name in font_files(sheet))


def test_sidebar_captions_get_a_heading_level() -> None:
    html = '<p class="caption" role="heading"><span class="caption-text">Briefings</span></p>'
    assert 'role="heading" aria-level="2">' in label_captions(html)


def test_published_site_holds_reader_pages_and_not_the_manual(site: Path) -> None:
    for page in ("about.html", "formats.html", "accessibility.html", "briefing/lcsi-2025/index.html"):
        assert (site / page).is_file(), page
    for page in ("performance.html", "workflow.html", "editing.html", "data-reference.html"):
        assert not (site / page).exists(), page
    menu = soup(site / "index.html").select_one(".sidebar-tree")
    assert menu is not None
    assert "Performance" not in menu.get_text()
    assert not list(site.glob("_briefings"))
    assert (site / ".nojekyll").is_file()


def test_every_page_declares_the_packs_language_and_uses_the_bundled_typeface(site: Path) -> None:
    for path in (site / "index.html", site / "briefing" / "lcsi-2025" / "audiences" / "funders.html"):
        page = soup(path)
        assert page.html is not None
        assert page.html["lang"] == "en-GB"
        assert any("lcsi-fonts.css" in link["href"] for link in page.find_all("link", rel="stylesheet"))
    sheet = (site / "_static" / "lcsi-fonts.css").read_text(encoding="utf-8")
    assert all((site / "_static" / "fonts" / name).is_file() for name in font_files(sheet))


def test_actions_and_questions_are_labelled_lists_not_tabs(site: Path, bundled: LoadedPack) -> None:
    audience = next(a for a in bundled.pack.audiences if any(i.actions and i.questions for i in a.implications))
    page = soup(site / "briefing" / "lcsi-2025" / "audiences" / f"{audience.id}.html")
    assert page.select(".sd-tab-set") == []
    implication = next(i for i in audience.implications if i.actions and i.questions)
    for label, items in ((ACTIONS_LABEL, implication.actions), (QUESTIONS_LABEL, implication.questions)):
        headings = [h for h in page.find_all("h3") if h.get_text(strip=True) == label]
        assert headings, label
        listed = [
            " ".join(li.get_text(" ").split()) for h in headings for li in h.find_next_sibling("ul").find_all("li")
        ]
        assert all(item in listed for item in items)


def test_diagram_scrolls_in_a_focusable_labelled_region_on_a_phone(site: Path) -> None:
    page = soup(site / "briefing" / "lcsi-2025" / "index.html")
    region = page.select_one(".lcsi-diagram-scroll")
    assert region is not None
    assert (region["role"], region["tabindex"]) == ("region", "0")
    assert region["aria-label"]
    assert region.select_one(".lcsi-diagram img") is not None
