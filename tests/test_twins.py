"""Language twins: a pack and its translation link each other everywhere and are kept in step."""

from __future__ import annotations

import copy
import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.model.loader import load_pack, load_packs
from lcsi_briefs.model.problems import PackError
from lcsi_briefs.model.twins import landing_order, parity_gaps, twins

from .conftest import make_project, one_audience_pack, shared_build, small_pack, write_pack


def welsh_twin(pack: dict[str, Any] | None = None) -> dict[str, Any]:
    """The translation of ``pack``, the small pack by default (its text is left in English: only
    the structure matters here)."""
    pack = pack or small_pack()
    pack["briefing"]["title"] = "Llyfrgelloedd ac unigrwydd: beth ganfu'r astudiaeth"
    pack["briefing"]["language"] = "cy"
    pack["briefing"]["translation_of"] = "small"
    return pack


def test_twins_pair_both_ways_and_put_welsh_first(tmp_path: Path) -> None:
    write_pack(tmp_path / "small.yaml", small_pack())
    write_pack(tmp_path / "bach.yaml", welsh_twin())
    packs = load_packs([tmp_path])
    pairs = twins(packs)
    assert pairs["small"].slug == "bach" and pairs["bach"].slug == "small"
    assert [p.slug for p in landing_order(packs)] == ["bach", "small"]


def test_a_twin_gap_is_named_both_ways(tmp_path: Path) -> None:
    original = load_pack(write_pack(tmp_path / "small.yaml", small_pack()))
    twin = welsh_twin()
    twin["findings"].pop()
    twin["audiences"][1]["implications"][0]["findings"] = ["regular-visits"]
    twin["sources"].append({**copy.deepcopy(twin["sources"][0]), "id": "extra"})
    twin["audiences"][0]["implications"].append(copy.deepcopy(twin["audiences"][0]["implications"][0]))
    twin["briefing"]["series"]["number"] = 4
    gaps = parity_gaps(load_pack(write_pack(tmp_path / "bach.yaml", twin)), original)
    assert gaps == [
        "bach is number 4 and small number 3; a translation shares its original's number",
        "small has the finding 'staff-matter', which bach lacks",
        "bach has the source 'extra', which small lacks",
        "the implications for 'councils' differ: bach has 2 and small 1, or they rest on different findings",
        "the implications for 'residents' differ: bach has 1 and small 1, or they rest on different findings",
    ]


@pytest.mark.parametrize(
    ("original", "message"),
    [
        ("nowhere", "the file name (without .yaml) of a pack in the same folder (small), found 'nowhere'"),
        ("bach", "the file name of another pack, found this pack's own name"),
    ],
)
def test_a_translation_must_name_another_pack(tmp_path: Path, original: str, message: str) -> None:
    write_pack(tmp_path / "small.yaml", small_pack())
    twin = welsh_twin()
    twin["briefing"]["translation_of"] = original
    write_pack(tmp_path / "bach.yaml", twin)
    with pytest.raises(PackError) as caught:
        load_packs([tmp_path])
    [problem] = caught.value.problems
    assert (problem.path.name, problem.field, problem.message) == ("bach.yaml", "briefing.translation_of", message)
    assert "translation_of:" in problem.path.read_text(encoding="utf-8").splitlines()[problem.line - 1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def make(root: Path) -> None:
        # One audience each: every kind of page, PDF and email, in two thirds of the build.
        make_project(root, {"small": one_audience_pack(), "bach": welsh_twin(one_audience_pack())})
        with (root / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write('\nhtml_baseurl = "https://briefings.example.org/"\n')
        assert build_all(root) == 0

    return shared_build(tmp_path_factory, "twins", make) / "build"


#: Each language's site: the English at the root, the Welsh under cy/ (see test_languages.py).
SITE = {"small": "", "bach": "cy/"}


def page(built: Path, slug: str, name: str) -> BeautifulSoup:
    path = built / "html" / SITE[slug] / "briefing" / slug / f"{name}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", ["index", "sources", "audiences/councils"])
def test_every_page_links_its_twin_both_ways(built: Path, name: str) -> None:
    for slug, other, language in (("small", "bach", "cy"), ("bach", "small", "en-GB")):
        soup = page(built, slug, name)
        switch = soup.select_one("nav.lcsi-languages a")
        assert switch is not None
        assert switch["href"].split("#")[0].endswith(f"{SITE[other]}briefing/{other}/{name}.html")
        assert switch["lang"] == language
        alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert set(alternates) == {"cy", "en-GB"}
        assert alternates[language].endswith(f"{other}/{name}.html")


def test_each_landing_page_lists_its_own_language(built: Path) -> None:
    def titles(path: Path) -> list[str]:
        landing = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return [card.get_text(" ", strip=True) for card in landing.select(".lcsi-series .sd-card-header")]

    assert titles(built / "html" / "cy" / "index.html") == ["Llyfrgelloedd ac unigrwydd: beth ganfu'r astudiaeth"]
    assert titles(built / "html" / "index.html") == ["Libraries and loneliness: what the study found"]


def test_covers_name_the_twin(built: Path) -> None:
    def cover(name: str) -> str:
        return " ".join(PdfReader(built / "pdf" / name).pages[0].extract_text().split())

    assert "Cymraeg: Llyfrgelloedd ac unigrwydd: beth ganfu'r astudiaeth" in cover("small.pdf")
    assert "English: Libraries and loneliness: what the study found" in cover("bach--councils.pdf")


def test_briefs_name_the_twin_and_give_its_address(built: Path) -> None:
    reader = PdfReader(built / "pdf" / "small--councils--brief.pdf")
    # The brief flows: a short one may end on its first page, so read them all.
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Cymraeg: Llyfrgelloedd ac unigrwydd: beth ganfu'r astudiaeth" in text
    twin_page = "https://briefings.example.org/cy/briefing/bach/audiences/councils.html"
    assert f"Cymraeg: {twin_page}" in text
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert twin_page in links
    welsh = " ".join(PdfReader(built / "pdf" / "bach--councils--brief.pdf").pages[0].extract_text().split())
    assert "English: Libraries and loneliness: what the study found" in welsh


def test_emails_link_the_twin(built: Path) -> None:
    message = email.message_from_bytes((built / "newsletter" / "bach.eml").read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    html, plain = message.get_body(preferencelist=("html",)), message.get_body(preferencelist=("plain",))
    assert html is not None and plain is not None
    link = BeautifulSoup(html.get_content(), "html.parser").select_one('a[hreflang="en-GB"]')
    assert link is not None and link["href"] == "https://briefings.example.org/briefing/small/index.html"
    assert "<https://briefings.example.org/briefing/small/index.html>" in plain.get_content()
