"""The pure layers on their own, without Sphinx: pages, newsletter content, the diagram.

Each test reads one function's output directly, so it runs in milliseconds and points at the
layer that broke; the full builds elsewhere check that the layers fit together. The generated
MyST of a small pack is also kept as snapshots (``tests/test_pure_layers/``): a change to any
page shows up as a diff to review. Regenerate them with ``pytest --force-regen``.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.newsletter.content import build_newsletter
from lcsi_briefs.pages import render_pages
from lcsi_briefs.pages.diagram import pathways_svg

from .conftest import small_pack, write_pack

SVG = "{http://www.w3.org/2000/svg}"
HEADINGS = ("Functions", "Outcome pathways", "Who benefits")


@pytest.fixture
def loaded(tmp_path: Path) -> LoadedPack:
    return load_pack(write_pack(tmp_path / "small.yaml", small_pack()))


def page(anchor: str = "") -> Any:
    return lambda label: f"https://site.example/#{label}"


# --- pages -----------------------------------------------------------------------------------------


#: The pages of the small pack kept as snapshots (the data reference follows the model, not the pack).
SNAPSHOTS = [
    "_includes/series.md",
    "glossary.md",
    "small/index.md",
    "small/sources.md",
    "small/audiences/councils.md",
    "small/audiences/residents.md",
    "small/glossary.md",
]


def test_every_page_of_a_pack_is_generated(loaded: LoadedPack) -> None:
    expected = {*SNAPSHOTS, "_includes/data-reference.md", "_includes/coverage.md", "small/pathways.svg"}
    assert set(render_pages([loaded], "briefing")) == expected


@pytest.mark.parametrize("name", SNAPSHOTS)
def test_generated_myst_matches_its_snapshot(loaded: LoadedPack, file_regression: Any, name: str) -> None:
    text = render_pages([loaded], "briefing")[name]
    basename = name.removesuffix(".md").replace("/", "__").lstrip("_")
    file_regression.check(text, basename=basename, extension=".md")


def test_overview_numbers_findings_in_order_with_their_targets(loaded: LoadedPack) -> None:
    overview = render_pages([loaded], "briefing")["small/index.md"]
    first = overview.index("(small-finding-regular-visits)=")
    second = overview.index("(small-finding-staff-matter)=")
    assert first < second
    assert "Regular library visits go with less loneliness\\." in overview


def test_an_audience_page_holds_only_its_own_implications(loaded: LoadedPack) -> None:
    councils = render_pages([loaded], "briefing")["small/audiences/councils.md"]
    assert "Count visits\\, not loans" in councils
    assert "Your library is a place to meet people" not in councils


def test_an_implication_lists_the_findings_it_rests_on_in_their_order(tmp_path: Path) -> None:
    """Written "staff-matter, regular-visits", read "Finding 1, Finding 2": as numbered."""
    pack = small_pack()
    pack["audiences"][0]["implications"][0]["findings"] = ["staff-matter", "regular-visits"]
    councils = render_pages([load_pack(write_pack(tmp_path / "small.yaml", pack))], "briefing")
    page = councils["small/audiences/councils.md"]
    assert 0 < page.index("Finding 1\\:") < page.index("Finding 2\\:")


def test_a_section_intro_is_said_once_under_its_heading(tmp_path: Path) -> None:
    """Said in every card, "Summarised here in the publisher's words" ran five times a page."""
    pack = small_pack()
    pack["briefing"]["intros"] = {"functions": "Our own summaries.", "pathways": "Names are the study's."}
    page = render_pages([load_pack(write_pack(tmp_path / "small.yaml", pack))], "briefing")["small/index.md"]
    functions, pathways = page.index("## Functions"), page.index("## Outcome pathways")
    assert page.count("Our own summaries\\.") == 1
    assert functions < page.index("Our own summaries\\.") < page.index("Lending")
    assert page.count("Names are the study\\'s\\.") == 1
    assert pathways < page.index("Names are the study\\'s\\.") < page.index("### Stronger connection")


def test_the_findings_at_a_glance_only_when_there_are_three_or_more(tmp_path: Path) -> None:
    """For one or two findings the list only repeats the headings straight after it."""
    pack = small_pack()
    two = render_pages([load_pack(write_pack(tmp_path / "two.yaml", pack))], "briefing")["two/index.md"]
    pack["findings"].append({**copy.deepcopy(pack["findings"][0]), "id": "third", "statement": "A third finding."})
    three = render_pages([load_pack(write_pack(tmp_path / "three.yaml", pack))], "briefing")["three/index.md"]
    assert "lcsi-at-a-glance" not in two
    assert "lcsi-at-a-glance" in three and "3. [A third finding\\.]" in three


def test_pages_escape_markup_from_the_data(tmp_path: Path) -> None:
    pack = small_pack()
    pack["findings"][0]["statement"] = "{raw}`<b>x</b>` and *stars*"
    pages = render_pages([load_pack(write_pack(tmp_path / "small.yaml", pack))], "briefing")
    assert "\\{raw\\}\\`\\<b\\>x\\<\\/b\\>\\` and \\*stars\\*" in pages["small/index.md"]


# --- newsletter content ----------------------------------------------------------------------------


def test_the_members_newsletter_lists_every_headline_and_audience(loaded: LoadedPack) -> None:
    newsletter = build_newsletter(loaded, None, page(), lambda name: f"https://site.example/pdf/{name}")
    pack = small_pack()
    assert [h.statement for h in newsletter.headlines] == [f["statement"] for f in pack["findings"]]
    assert [h.number for h in newsletter.headlines] == [1, 2]
    assert [a.name for a in newsletter.audiences] == ["Councils", "Residents"]
    assert all(not i.actions for a in newsletter.audiences for i in a.implications), "actions: an audience's own"
    assert newsletter.subject == pack["briefing"]["title"]
    assert newsletter.slug_name == "small"
    assert newsletter.headlines[0].url == "https://site.example/#small-finding-regular-visits"
    assert newsletter.intro == ["A study of how public libraries reduce loneliness.", "A second paragraph."]


def test_an_audience_newsletter_holds_its_actions_and_its_pdfs(loaded: LoadedPack) -> None:
    newsletter = build_newsletter(loaded, "councils", page(), lambda name: f"https://site.example/pdf/{name}")
    [section] = newsletter.audiences
    assert [i.actions for i in section.implications] == [["Measure weekly visitors"]]
    assert newsletter.subject.endswith("\N{EN DASH} for Councils")
    assert newsletter.slug_name == "small--councils"
    pdfs = [link.url.rsplit("/", 1)[1] for link in newsletter.links if "/pdf/" in link.url]
    assert pdfs == [
        "small.pdf",
        "small--large-print.pdf",
        "small--councils.pdf",
        "small--councils--large-print.pdf",
        "small--councils--brief.pdf",
        "small--councils--brief--large-print.pdf",
    ]


def test_the_preheader_is_the_first_paragraph_cut_to_150_characters(tmp_path: Path) -> None:
    pack = small_pack()
    pack["briefing"]["summary"] = "word " * 100 + "\n\nSecond."
    newsletter = build_newsletter(load_pack(write_pack(tmp_path / "s.yaml", pack)), None, page(), str)
    assert len(newsletter.preheader) == 150
    assert "Second" not in newsletter.preheader


# --- diagram ---------------------------------------------------------------------------------------


def test_the_diagram_has_a_box_per_used_item_and_an_edge_per_link(loaded: LoadedPack) -> None:
    svg = ET.fromstring(pathways_svg(loaded.pack, "Pathways: diagram", "What feeds what.", HEADINGS))
    assert svg.get("role") == "img"
    assert svg.findtext(f"{SVG}title") == "Pathways: diagram"
    assert svg.findtext(f"{SVG}desc") == "What feeds what."
    # The panel, then: lending and hosting feed one pathway, which benefits councils and residents.
    assert len(svg.findall(f"{SVG}rect")) == 1 + 2 + 1 + 2
    assert len(svg.findall(f"{SVG}g/{SVG}path")) == 2 + 2
    texts = " ".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))
    assert "Functions" in texts and "Hosting groups" in texts and "Stronger connection" in texts


def test_a_long_column_heading_wraps_whole_and_the_boxes_move_below_it(loaded: LoadedPack) -> None:
    """Cut to fit, "The five functions of local civil society infrastructure" lost its subject."""
    long = ("The five functions of local civil society infrastructure", *HEADINGS[1:])
    short, wrapped = (ET.fromstring(pathways_svg(loaded.pack, "t", "d", h)) for h in (HEADINGS, long))
    heading = next(wrapped.iter(f"{SVG}text"))
    lines = [tspan.text for tspan in heading.iter(f"{SVG}tspan")]
    assert len(lines) > 1 and " ".join(lines) == long[0]

    def first_box_top(svg: ET.Element) -> float:
        return min(float(rect.get("y", "0")) for rect in svg.iter(f"{SVG}rect") if rect.get("y") != "0")

    assert first_box_top(wrapped) == first_box_top(short) + 19 * (len(lines) - 1)


def test_no_pathways_no_diagram(tmp_path: Path) -> None:
    pack = small_pack()
    pack["pathways"] = []
    assert pathways_svg(load_pack(write_pack(tmp_path / "s.yaml", pack)).pack, "t", "d", HEADINGS) == ""


def test_diagram_text_is_text_not_markup(tmp_path: Path) -> None:
    pack = small_pack()
    pack["functions"][0]["name"] = "<script>alert(1)</script> & co"
    svg_text = pathways_svg(load_pack(write_pack(tmp_path / "s.yaml", pack)).pack, "t", "d", HEADINGS)
    svg = ET.fromstring(svg_text)
    assert svg.find(f".//{SVG}script") is None
    assert "&lt;script&gt;" in svg_text
