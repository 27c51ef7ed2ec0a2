"""Findings with numbers: key figures, charts and tables, each with a text twin, in every output.

Pure layers (formatting, chart drawing, summaries) are tested directly; one build of the
fictional example pack (site, PDFs, email) is checked the way a reader meets it, and a second
build must give the same bytes.
"""

from __future__ import annotations

import base64
import csv
import email
import io
import re
import shutil
import xml.etree.ElementTree as ET
from email.message import EmailMessage
from email.policy import default
from itertools import pairwise
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader
from weasyprint import CSS, HTML

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.model.colour import contrast
from lcsi_briefs.model.figures import Chart
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.print_page import body_height
from lcsi_briefs.pages.chart_parts import (
    DARK_BACKGROUND,
    DARK_PALETTE,
    LIGHT_PALETTE,
    PRINT_PALETTE,
    caption_height,
)
from lcsi_briefs.pages.charts import chart_drawings, chart_svg, summary
from lcsi_briefs.pages.figures import _payload
from lcsi_briefs.pdf.preflight.rules import LEAST_FILL
from lcsi_briefs.pdf.print_setup import print_stylesheets
from lcsi_briefs.sphinx_ext.directives import _chart_html, _table_html
from lcsi_briefs.text.formatter import format_number
from lcsi_briefs.text.units import pt_to_mm

from .conftest import make_project, shared_build
from .packgen import generate_pack
from .pdftext import pdf_text

EXAMPLE = Path(__file__).parent / "fixtures" / "valid" / "figures-example.yaml"
SVG = "{http://www.w3.org/2000/svg}"
SLUG = "example"


@pytest.fixture(scope="module")
def example() -> LoadedPack:
    return load_pack(EXAMPLE)


def _chart(**changes: Any) -> Chart:
    data: dict[str, Any] = {
        "title": "Groups by region",
        "category_label": "Region",
        "categories": ["North", "Midlands", "South"],
        "series": [{"name": "2024", "values": ["64", "52", "41"]}],
        "format": "percent",
        "source": "report",
    }
    data.update(changes)
    return Chart.model_validate(data)


# --- numbers as the language writes them ---------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "language", "number_format", "currency", "compact", "expected"),
    [
        ("1214", "en-GB", "count", None, False, "1,214"),
        ("1214", "de-DE", "count", None, False, "1.214"),
        ("3.20", "en-GB", "count", None, False, "3.20"),
        ("31.5", "en-GB", "percent", None, False, "31.5%"),
        ("31", "de-DE", "percent", None, False, "31\u00a0%"),
        # House style, whatever Babel's CLDR spells: three figures at most, "m" and "bn" for money.
        ("3200000", "en-GB", "money", "GBP", True, "£3.2m"),
        ("18750000", "en-GB", "money", "GBP", True, "£18.8m"),
        ("139000000", "en-GB", "money", "GBP", True, "£139m"),
        ("999950000", "en-GB", "money", "GBP", True, "£1bn"),
        ("-18750000", "en-GB", "money", "GBP", True, "\u2212£18.8m"),
        ("18750", "en-GB", "money", "GBP", True, "£18,750"),
        ("18750000", "en-GB", "count", None, True, "18.8 million"),
        ("18750000", "cy", "count", None, True, "18.8 miliwn"),
        ("1500000000", "cy", "money", "GBP", True, "£1.5bn"),
        ("-1234.5", "de-DE", "count", None, False, "\u22121.234,5"),
        ("-1.2", "en-GB", "percent", None, False, "\u22121.2%"),
        ("2500", "en-GB", "money", "GBP", False, "£2,500"),
        ("12.50", "en-GB", "money", "EUR", False, "€12.50"),
        ("1:3.5", "de-DE", "ratio", None, False, "1:3,5"),
    ],
)
def test_numbers_are_formatted_for_the_pack_language(  # noqa: PLR0917 - one parameter per column
    raw: str, language: str, number_format: Any, currency: str | None, compact: bool, expected: str
) -> None:
    assert format_number(raw, language, number_format, currency, compact=compact) == expected


@pytest.mark.parametrize(
    ("raw", "number_format", "expected"),
    [("1.2", "percent", "+1.2%"), ("-0.4", "percent", "\u22120.4%"), ("0", "percent", "0%"), ("250", "money", "+£250")],
)
def test_a_change_always_shows_its_sign(raw: str, number_format: Any, expected: str) -> None:
    currency = "GBP" if number_format == "money" else None
    assert format_number(raw, "en-GB", number_format, currency, signed=True) == expected


# --- charts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("palette", "background", "neighbours"),
    [(LIGHT_PALETTE, "#ffffff", True), (PRINT_PALETTE, "#ffffff", True), (DARK_PALETTE, DARK_BACKGROUND, False)],
    ids=["light", "print", "dark"],
)
def test_chart_palettes_pass_non_text_contrast(palette: tuple[str, ...], background: str, neighbours: bool) -> None:
    """WCAG 2.2 1.4.11: 3:1 against the page; light and print also 3:1 between neighbouring series,
    as the Analysis Function asks (dark mode keeps its set, which passes against its background)."""
    assert min(contrast(colour, background) for colour in palette) >= 3
    if neighbours:
        assert min(contrast(a, b) for a, b in pairwise(palette)) >= 3


def test_contrast_check_can_fail() -> None:
    assert contrast("#ffff00", "#ffffff") < 3


@pytest.mark.parametrize("kind", ["bar", "stacked-bar", "line"])
def test_chart_is_named_described_and_directly_labelled(kind: str) -> None:
    series = [{"name": "2024", "values": ["64", "52", "41"]}, {"name": "2025", "values": ["67", "55", "43"]}]
    chart = _chart(kind=kind, series=series)
    svg = ET.fromstring(chart_svg(chart, "en-GB", "c1"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c1-title"
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None and title.get("id") == "c1-title" and title.text == "Groups by region"
    assert desc is not None and desc.get("id") == "c1-desc" and desc.text == summary(chart, "en-GB")
    texts = " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    # Every series is named on the chart itself, not only by its colour.
    assert "2024" in texts and "2025" in texts
    if kind != "line":
        assert "2025: 67%" in texts and "2024: 41%" in texts
    # Text and axes follow the page's colour (light or dark mode).
    coloured = [t for g in svg.iter(f"{SVG}g") if g.get("fill") == "currentColor" for t in g.iter(f"{SVG}text")]
    assert len(coloured) == len(list(svg.iter(f"{SVG}text")))


def test_chart_output_is_the_same_every_time() -> None:
    chart = _chart(kind="line", categories=["2021", "2022", "2023"])
    assert chart_svg(chart, "en-GB", "c") == chart_svg(chart, "en-GB", "c")


def test_text_from_data_stays_text_in_a_chart() -> None:
    chart = _chart(title='<script>alert("x")</script>', categories=["<b>North</b>", "]]>&", "South"])
    markup = chart_svg(chart, "en-GB", "c")
    svg = ET.fromstring(markup)
    assert not [e for e in svg.iter() if e.tag in (f"{SVG}script", "script", f"{SVG}b", "b")]
    assert "<script>" not in markup and "&lt;script&gt;" in markup


def test_summary_is_written_from_the_data_unless_the_editor_wrote_one() -> None:
    assert summary(_chart(), "en-GB") == "North is highest, at 64%. South is lowest, at 41%."
    line = _chart(kind="line", categories=["2021", "2022", "2023"], series=[{"name": "Costs", "values": [3, 9, -5]}])
    assert (
        summary(line, "en-GB")
        == "Costs went from 3% in 2021 to \u22125% in 2023. The highest point for Costs was 9%, in 2022."
    )
    assert summary(_chart(), "cy") == "North sydd uchaf, sef 64%. South sydd isaf, sef 41%."
    assert summary(_chart(summary="Our own words."), "en-GB") == "Our own words."


def test_chart_in_print_is_an_image_with_alt_text_then_its_table() -> None:
    chart = _chart()
    data = {"id": "c1", "language": "en-GB", "chart": chart.model_dump(mode="json"), "header": ["Region", "2024"]}
    data["rows"] = [["North", "64%"], ["Midlands", "52%"], ["South", "41%"]]
    page = BeautifulSoup(_chart_html(data, printed=True)[0], "html.parser")
    image = page.find("img")
    assert isinstance(image, Tag)
    assert image["alt"] == "Groups by region. North is highest, at 64%. South is lowest, at 41%."
    source = str(image["src"])
    assert source.startswith("data:image/svg+xml;base64,")
    assert ET.fromstring(base64.b64decode(source.split(",", 1)[1])).get("role") == "img"
    assert page.find("svg") is None
    figure = page.find("figure")
    assert isinstance(figure, Tag) and figure.find_next_sibling("table") is not None


def test_no_printed_chart_with_its_caption_takes_more_than_two_thirds_of_a_page() -> None:
    # A figure is never split: one that cannot follow the text before it moves whole to the next
    # page, which must still be a third full (preflight's underfull-page rule). Seeds 5 and 6 drew
    # charts of 630 to 880 px on pages of 971 and 986, and left pages 17-30% full.
    charts = [
        (Chart.model_validate(chart), pack["briefing"]["language"])
        for pack in map(generate_pack, range(1, 13))
        for finding in pack["findings"]
        for chart in finding.get("charts", [])
    ]
    series = [{"name": f"Year {number}", "values": ["64"] * 8} for number in range(3)]
    charts.append((_chart(categories=[f"Group {number}" for number in range(8)], series=series), "en-GB"))
    # A4 less print.css's top and bottom margins, and large-print.css's.
    heights = pt_to_mm(body_height(large_print=False)), pt_to_mm(body_height(large_print=True))
    assert heights == pytest.approx((261, 257))
    margins = 7 * 96 / 25.4  # the figure's, in figures.css
    for chart, language in charts:
        for drawn in chart_drawings(chart, language, "c", printed=True):
            if drawn.svg is not None:
                body = body_height(large_print=drawn.size.name == "large-print") * 4 / 3
                height = float(ET.fromstring(drawn.svg).get("height", "0"))
                caption = caption_height(drawn.size, chart.title, chart.subtitle)
                assert margins + caption + height <= (1 - LEAST_FILL) * body, (chart.title, drawn.size.name)
    # An ordinary chart still prints as a chart at both sizes.
    assert all(drawn.svg for drawn in chart_drawings(_chart(), "en-GB", "c", printed=True))


def test_a_bar_chart_too_tall_for_its_page_is_drawn_with_thinner_bars_before_giving_way_to_its_table() -> None:
    def bars(chart: Chart) -> set[str]:
        svg = ET.fromstring(chart_drawings(chart, "en-GB", "c", printed=True)[0].svg or "<svg/>")
        return {rect.get("height", "") for rect in svg.iter(f"{SVG}rect")}

    twelve = [f"Group {number}" for number in range(12)]
    tall = _chart(categories=twelve, series=[{"name": "2024", "values": ["64"] * 12}])
    assert bars(_chart()) == {"20.5"}, "1.4 text sizes"
    assert bars(tall) == {"16.1"}, "1.1 text sizes: twelve categories in print, where they would not fit at 1.4"


def test_table_html_escapes_data_and_scopes_headers() -> None:
    html = _table_html("t", "<i>cap</i>", ["<b>Region</b>", "n"], [["<img src=x>", "1"]], row_headers=True)
    page = BeautifulSoup(html, "html.parser")
    assert page.find("b") is None and page.find("i") is None and page.find("img") is None
    assert [th["scope"] for th in page.find_all("th")] == ["col", "col", "row"]


def test_directive_payload_is_one_line_that_cannot_close_a_fence() -> None:
    payload = _payload({"title": ":::\n```{raw} html\n<script>\u2028\u0085"})
    assert "\n" not in payload and payload.isascii()
    assert not payload.startswith(":")


# --- one build of the fictional example, read as a reader would ----------------------------


def _example_project(root: Path) -> Path:
    pack = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    project = make_project(root, {SLUG: pack})
    # A site address, so the newsletter's .eml (written only with one) is there to check.
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nhtml_baseurl = "https://briefings.example.org/"\n')
    assert build_all(project, pdf=True) == 0
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "figures", _example_project)


def _page(built: Path, name: str) -> BeautifulSoup:
    path = built / "build" / "html" / "briefing" / SLUG / name
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_site_has_inline_charts_with_role_name_and_their_tables(built: Path) -> None:
    page = _page(built, "index.html")
    charts = page.select("figure.lcsi-chart > svg")
    # Each chart drawn twice, for a wide and a narrow column (the stylesheet shows one).
    assert len(charts) == 6
    for svg in charts:
        assert svg["role"] == "img"
        title = page.find(id=svg["aria-labelledby"])
        assert isinstance(title, Tag) and title.name == "title" and title.get_text().strip()
        twin = svg.find_parent("figure").find_next_sibling("details")
        assert isinstance(twin, Tag) and twin.find("table") is not None
    assert not page.find_all("script", src=re.compile("chart"))


def test_site_tables_have_scoped_headers_and_formatted_numbers(built: Path) -> None:
    page = _page(built, "index.html")
    table = page.select_one(".lcsi-table-wrap table")
    assert isinstance(table, Tag)
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 4
    assert [th["scope"] for th in table.select("tbody th")] == ["row"] * 3
    assert "2,100" in table.get_text()


def test_site_shows_key_figures_evidence_and_methodology(built: Path) -> None:
    page = _page(built, "index.html")
    cards = page.select(".lcsi-figures .sd-card")
    assert [card.select_one(".sd-card-header").get_text(strip=True) for card in cards] == [
        "1,214",
        "31.1%",
        "£3.2m",
        "\u22122.5%",
    ]
    assert "Table 7" in cards[2].get_text()
    evidence = [node.get_text(" ", strip=True) for node in page.select(".lcsi-evidence")]
    assert evidence[0].startswith("Strength of evidence: moderate.")
    assert page.select_one(f"#{SLUG}-methodology .lcsi-methodology") is not None
    audience = _page(built, "audiences/councils.html")
    link = audience.find("a", href=re.compile(f"#{SLUG}-methodology$"))
    assert isinstance(link, Tag)
    assert "(strength of evidence: limited)" in audience.get_text(" ")


def _structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found: list[pikepdf.Dictionary] = []

    def walk(node: Any) -> None:
        if isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append(node)
        kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
            walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return found


@pytest.mark.parametrize("name", [f"{SLUG}.pdf", f"{SLUG}--councils.pdf", f"{SLUG}--councils--large-print.pdf"])
def test_pdf_charts_are_tagged_figures_with_alt_and_tables_follow(built: Path, name: str) -> None:
    with pikepdf.open(built / "build" / "pdf" / name) as pdf:
        elements = _structure(pdf)
    tags = [str(element.S) for element in elements]
    figures = [element for element in elements if element.S == "/Figure"]
    alts = [str(figure.get("/Alt", "")) for figure in figures]
    full = "--" not in name
    # The councils' edition prints the two findings its implications rest on: all three charts.
    for title in ["Groups run entirely by volunteers", "Where the groups' income came from", "Median yearly running"]:
        # The title, then the summary written from the data: "... went from £4,100 in 2021 ...".
        assert any(alt.startswith(title) and (" in 20" in alt or "ighest" in alt) for alt in alts), title
    # Each Figure is followed by its data table before anything else is a Figure.
    after = "".join("F" if tag == "/Figure" else "T" if tag == "/Table" else "" for tag in tags)
    assert after.count("F") == 3 and "FF" not in after and after.endswith("T")
    # The first finding's own table is printed in the full briefing only.
    assert after.startswith("T") == full
    assert "/THead" in tags and "/TH" in tags and "/TD" in tags
    headers = [element for element in elements if element.S == "/TD"]
    assert all("/Headers" in element.A for element in headers)
    # Every header cell says which way it points: a column in THead, its row in the body.
    scopes = {str(element.A.get("/Scope")) for element in elements if element.S == "/TH"}
    assert scopes == {"/Column", "/Row"}


def test_audience_pdf_points_to_the_methodology_instead_of_printing_it(built: Path) -> None:
    full = (built / "build" / ".work" / "pdf" / f"{SLUG}.html").read_text(encoding="utf-8")
    edition = (built / "build" / ".work" / "pdf" / f"{SLUG}--councils.html").read_text(encoding="utf-8")
    assert "lcsi-methodology" in full and "lcsi-methodology" not in edition
    text = " ".join(BeautifulSoup(edition, "html.parser").get_text(" ").split())
    assert "See How the research was done in the full briefing for the method" in text
    whole = " ".join(BeautifulSoup(full, "html.parser").get_text(" ").split())
    assert "in the full briefing" not in whole


def test_email_links_each_chart_and_table_to_its_place_and_its_data_in_one_line(
    built: Path, example: LoadedPack
) -> None:
    """No picture and no whole table in a message read on a phone: a line per chart or table."""
    raw = (built / "build" / "newsletter" / f"{SLUG}.eml").read_bytes()
    message = email.message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    text = plain.get_content()
    assert "1,214 groups took part, of 3,900 invited (2025)." in text
    assert "Strength of evidence: strong." in text
    page = BeautifulSoup(html.get_content(), "html.parser")
    assert page.find("svg") is None and page.find("img") is None and page.find("table", attrs={"border": "1"}) is None
    names = [f"Chart: {c.title}" for f in example.pack.findings for c in f.charts]
    names += [f"Table: {t.title}" for f in example.pack.findings for t in f.tables]
    site = built / "build" / "html"
    for name in names:
        link = page.find("a", string=name)
        assert isinstance(link, Tag), name
        # The link leads to the chart or table itself on the site: the page exists and holds its id.
        address, _, anchor = str(link["href"]).removeprefix("https://briefings.example.org/").partition("#")
        target = BeautifulSoup((site / address).read_text(encoding="utf-8"), "html.parser").find(id=anchor)
        assert isinstance(target, Tag) and name.split(": ", 1)[1] in target.get_text(), name
        # ... and, in the same line, its data as the CSV the site publishes.
        data = link.find_next_sibling("a")
        assert isinstance(data, Tag) and data.get_text() == "data (CSV)" and link.parent is data.parent
        assert (site / str(data["href"]).removeprefix("https://briefings.example.org/")).is_file()
        assert name in text and str(link["href"]) in text and str(data["href"]) in text
    # No table's header row is in the text body: the table itself stays on the site.
    headers = [t.columns for f in example.pack.findings for t in f.tables]
    assert not any(all(c in line for c in columns) for columns in headers for line in text.splitlines())
    assert page.find("a", string="How the research was done") is not None


def test_every_chart_and_table_links_its_data_as_csv_matching_the_pack(built: Path, example: LoadedPack) -> None:
    """UTF-8, a header row, the pack's own numbers (ASCII minus, no separators), one row per category."""
    page = _page(built, "index.html")
    links = page.select("p.lcsi-data-download a")
    expected: list[list[list[str]]] = []
    for finding in example.pack.findings:
        for chart in finding.charts:
            header = [chart.category_label, *(series.name for series in chart.series)]
            rows = [[c, *(series.values[i] for series in chart.series)] for i, c in enumerate(chart.categories)]
            expected.append([header, *rows])
    expected += [[list(table.columns), *table.rows] for f in example.pack.findings for table in f.tables]
    assert len(links) == len(expected) == 4
    found = []
    for link in links:
        assert re.fullmatch(r"Download the data \(CSV, \d+ KB\)", link.get_text()), link.get_text()
        target = (built / "build" / "html" / "briefing" / SLUG / str(link["href"])).resolve()
        assert target.name.startswith(f"{SLUG}--") and target.suffix == ".csv"
        found.append(list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8"), newline=""))))
    assert sorted(found) == sorted(expected)
    formats = BeautifulSoup((built / "build" / "html" / "formats.html").read_text(encoding="utf-8"), "html.parser")
    listed = {Path(str(a["href"])).name for a in formats.select(".lcsi-data-files a")}
    assert listed == {Path(str(link["href"])).name for link in links}


def _reader_texts(built: Path) -> dict[str, str]:
    """What a reader of the example meets: the site's words, every PDF's text, both parts of the email."""
    texts = {
        str(path.relative_to(built)): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        for path in (built / "build" / "html" / "briefing" / SLUG).rglob("*.html")
    }
    for path in (built / "build" / "pdf").glob("*.pdf"):
        texts[path.name] = pdf_text(path)
    message = email.message_from_bytes((built / "build" / "newsletter" / f"{SLUG}.eml").read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    for kind in ("plain", "html"):
        body = message.get_body((kind,))
        assert body is not None
        texts[kind] = body.get_content()
    return texts


def test_no_hyphen_minus_before_a_number_anywhere_a_reader_looks(built: Path) -> None:
    hyphen = re.compile(r"(?<![\w\-\u2212])-[^\s\w]?\d")
    texts = _reader_texts(built)
    found = {name: hyphen.findall(text) for name, text in texts.items() if hyphen.search(text)}
    assert found == {}
    # The example's falling figure and its negative chart value are there, with the true minus.
    assert "\u22122.5%" in texts[f"{SLUG}.pdf"] and "\u22122.5%" in texts["plain"]


def test_site_search_finds_chart_words_and_table_cells(built: Path) -> None:
    index = (built / "build" / "html" / "searchindex.js").read_text(encoding="utf-8")
    # "Midlands" is a chart's category and in no paragraph; "donations" a series of the stacked chart.
    assert '"midland"' in index and '"donat"' in index


@pytest.mark.browser
def test_narrow_screen_shows_the_narrow_chart_and_a_table_that_scrolls_under_its_caption(
    built: Path, browser: Any, tmp_path: Path
) -> None:
    url = (built / "build" / "html" / "briefing" / SLUG / "index.html").as_uri()
    for width, shown in ((1280, "lcsi-chart-site"), (375, "lcsi-chart-narrow")):
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto(url)
            visible = page.evaluate(
                """() => [...document.querySelectorAll('svg.lcsi-chart-svg')]
                .filter((svg) => svg.getBoundingClientRect().width > 0)
                .map((svg) => [svg.getBoundingClientRect().width, svg.viewBox.baseVal.width, [...svg.classList]])"""
            )
            assert len(visible) == 3
            for drawn, laid_out, classes in visible:
                # Shown at the size it was laid out for: its text is the size it was measured at.
                assert shown in classes and drawn >= laid_out * 0.95, (width, classes, drawn, laid_out)
        finally:
            page.close()
    # A table too wide for a phone, with the site's own stylesheet: it scrolls, its caption stays put.
    header = ["Area", *(f"Measure number {n}" for n in range(8))]
    table = _table_html("wide", "A wide table", header, [["North", *map(str, range(8))]], row_headers=True)
    sheet = (built / "build" / "html" / "_static" / "lcsi-figures.css").as_uri()
    wide = tmp_path / "wide.html"
    wide.write_text(
        f'<meta charset="utf-8"><link rel="stylesheet" href="{sheet}">'
        f'<div class="lcsi-table-wrap" tabindex="0">{table}</div>',
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": 375, "height": 600})
    try:
        page.goto(wide.as_uri())
        wrap = page.locator(".lcsi-table-wrap")
        scroll = wrap.evaluate("(el) => [el.scrollWidth, el.clientWidth, getComputedStyle(el).overflowX]")
        assert scroll[0] > scroll[1] and scroll[2] == "auto"
        # The edge shadows that say "there is more": two of the four backgrounds scroll with the box.
        assert wrap.evaluate("(el) => getComputedStyle(el).backgroundAttachment") == "local, local, scroll, scroll"
        wrap.evaluate("(el) => { el.scrollLeft = el.scrollWidth; }")
        offset = wrap.evaluate(
            "(el) => el.querySelector('caption').getBoundingClientRect().left - el.getBoundingClientRect().left"
        )
        assert -1 <= offset <= 1, "the caption should stay in view while the table scrolls"
    finally:
        page.close()


def test_two_builds_of_the_example_are_byte_identical(built: Path, tmp_path: Path) -> None:
    second = _example_project(tmp_path / "again")
    for folder in ("pdf", "newsletter", f"html/briefing/{SLUG}"):
        first_files = {
            p.relative_to(built / "build" / folder): p.read_bytes()
            for p in (built / "build" / folder).rglob("*")
            if p.is_file()
        }
        again = second / "build" / folder
        assert first_files
        assert {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()} == first_files, folder
    shutil.rmtree(second)


# --- the bundled pack: only verified figures ---------------------------------------------------

#: Every figure the bundled pack may carry, each marked [V] (verified) in the research digest
#: (shared/research/lcsi_facts.md, section 8). Adding a figure means checking it there first.
VERIFIED = {("227", "evidence-review"), ("663", "survey-findings")}
BUNDLED = Path(__file__).parent.parent / "briefings" / "lcsi-2025.yaml"


def test_bundled_pack_carries_only_verified_figures_and_no_charts() -> None:
    pack = load_pack(BUNDLED).pack
    figures = {(figure.value, figure.source) for finding in pack.findings for figure in finding.figures}
    assert figures == VERIFIED
    # The pack holds no series of values, so it has no chart to draw.
    assert not any(finding.charts or finding.tables for finding in pack.findings)
    assert pack.methodology is not None and "227" in (pack.methodology.sample or "")


def test_bundled_site_shows_its_figures_and_methodology(bundled_build: Path) -> None:
    page = BeautifulSoup(
        (bundled_build / "build" / "html" / "briefing" / "lcsi-2025" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    values = [header.get_text(strip=True) for header in page.select(".lcsi-figures .sd-card-header")]
    assert values == ["227", "663"]
    box = page.select_one("#lcsi-2025-methodology .lcsi-methodology")
    assert isinstance(box, Tag) and "663 organisations" in box.get_text()


def test_long_table_repeats_its_header_on_every_printed_page(tmp_path: Path) -> None:
    """Rendered with the editions' own stylesheets, without a whole build."""
    rows = [[f"Row {number}", str(number)] for number in range(120)]
    table = _table_html("t", "A long table", ["Name", "Value"], rows, row_headers=True)
    target = tmp_path / "long.pdf"
    stylesheets = [CSS(filename=str(path)) for path in print_stylesheets(large_print=False)]
    HTML(string=f'<html lang="en"><body>{table}</body></html>').write_pdf(target, stylesheets=stylesheets)
    pages = PdfReader(target).pages
    assert len(pages) > 2
    for page in pages[1:]:
        assert page.extract_text().splitlines()[0] == "Name Value"
