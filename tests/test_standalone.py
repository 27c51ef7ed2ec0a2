"""Packs that stand alone: other research, another language, no series, their own glossary."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from lcsi_briefs.cli.build import build_all

from .conftest import make_project, one_audience_pack, shared_build
from .pdftext import pdf_text


def survey_pack() -> dict[str, Any]:
    """A German survey briefing with none of the LCSI parts: no series, functions or pathways."""
    return {
        "briefing": {
            "title": "Bibliotheken im ländlichen Raum: Ergebnisse einer Umfrage",
            "edition_date": "2026-02-01",
            "publisher": "Landesverband Beispiel",
            "contact": "bibliotheken@example.org",
            "language": "de",
            "summary": "Eine Umfrage unter 120 Bibliotheken auf dem Land.",
            "about_implications": "Die Folgerungen sind unsere eigene Lesart der Ergebnisse.",
        },
        "sources": [
            {
                "id": "umfrage",
                "title": "Umfrage 2025",
                "authors": ["Maria Muster", "Jan Beispiel"],
                "publisher": "Beispiel-Institut",
                "date": "2025-12",
            }
        ],
        "findings": [
            {
                "id": "oeffnung",
                "statement": "Längere Öffnungszeiten bringen mehr Besuche.",
                "explanation": "Wo die Library abends offen ist, kommen mehr Menschen.",
                # Two places in the one report: each citation says where.
                "sources": [
                    {"source": "umfrage", "location": "Abschnitt 3"},
                    {"source": "umfrage", "location": "Tabelle 2"},
                ],
                "quotes": [
                    {"text": "Abends ist hier am meisten los.", "person": "Anna Nowak", "role": "Bibliothekarin"},
                    {
                        "text": "Ich komme nach der Arbeit.",
                        "role": "eine Befragte",
                        "source": "umfrage",
                        "location": "S. 12",
                    },
                ],
            }
        ],
        "audiences": [
            {
                "id": "gemeinden",
                "name": "Gemeinden",
                "description": "Träger der Bibliotheken.",
                "implications": [
                    {"title": "Öffnungszeiten prüfen", "text": "Abends öffnen lohnt sich.", "findings": ["oeffnung"]}
                ],
            }
        ],
        "glossary": [
            {"term": "library", "definition": "Eine Bibliothek im Sinne dieser Umfrage: ein Ort mit Personal."}
        ],
    }


ENGLISH_DEFINITION = "A public lending and meeting place."
GERMAN_DEFINITION = "Eine Bibliothek im Sinne dieser Umfrage: ein Ort mit Personal."
LONELINESS_DEFINITION = "Feeling you have fewer connections than you want."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    def make(root: Path) -> None:
        # The small pack's second audience would add four PDFs no test reads.
        make_project(root, {"small": one_audience_pack(), "umfrage": survey_pack()})
        assert build_all(root) == 0

    return shared_build(tmp_path_factory, "alone", make) / "build", ""


def html(build: Path, *parts: str) -> BeautifulSoup:
    return BeautifulSoup(build.joinpath("html", *parts).read_text(encoding="utf-8"), "html.parser")


def test_a_pack_without_series_functions_or_pathways_builds_in_its_language(built: tuple[Path, str]) -> None:
    build, _ = built
    overview = html(build, "briefing", "umfrage", "index.html")
    assert overview.html is not None and overview.html["lang"] == "de"
    text = " ".join(overview.select_one("article").get_text(" ").split())
    assert "Bibliotheken im ländlichen Raum" in text and "number" not in text
    # No German catalogue: the interface falls back to English rather than failing.
    assert "Headline findings" in text


def test_each_pack_links_its_terms_to_its_own_definition(built: tuple[Path, str]) -> None:
    build, _ = built
    for slug, definition, other in (
        ("small", ENGLISH_DEFINITION, GERMAN_DEFINITION),
        ("umfrage", GERMAN_DEFINITION, ENGLISH_DEFINITION),
    ):
        overview = html(build, "briefing", slug, "index.html")
        links = [a["href"] for a in overview.select("article a") if "-term-" in a.get("href", "")]
        assert links and all(href.startswith(f"glossary.html#{slug}-term-") for href in links), (slug, links)
        glossary = html(build, "briefing", slug, "glossary.html").select_one("article").get_text(" ")
        assert definition in " ".join(glossary.split()) and other not in glossary


def test_each_pack_prints_its_own_definition(built: tuple[Path, str]) -> None:
    """Each edition prints its own pack's definitions, of the terms its text uses."""
    build, _ = built

    def text(name: str) -> str:
        return pdf_text(build / "pdf" / name)

    for name, definition, other in (
        ("umfrage.pdf", GERMAN_DEFINITION, ENGLISH_DEFINITION),
        ("umfrage--gemeinden.pdf", GERMAN_DEFINITION, ENGLISH_DEFINITION),
    ):
        printed = text(name)
        assert definition in printed and other not in printed, name
        assert printed.count(definition) == 1, name
    for name in ("small.pdf", "small--councils.pdf"):  # their text links "loneliness", not "library"
        printed = text(name)
        assert LONELINESS_DEFINITION in printed, name
        assert ENGLISH_DEFINITION not in printed and GERMAN_DEFINITION not in printed, name


def test_the_site_glossary_lists_each_pack_apart(built: tuple[Path, str]) -> None:
    build, _ = built
    page = html(build, "briefing", "glossary.html").select_one("article")
    assert [h.get_text(" ", strip=True).rstrip("#¶ ") for h in page.select("h2")] == [
        "Bibliotheken im ländlichen Raum: Ergebnisse einer Umfrage",
        "Libraries and loneliness: what the study found",
    ]
    german = page.select_one('[lang="de"]')
    assert german is not None and GERMAN_DEFINITION in " ".join(german.get_text(" ").split())


def test_a_printed_source_with_authors_and_a_month(built: tuple[Path, str]) -> None:
    build, _ = built
    page = html(build, "briefing", "umfrage", "sources.html").select_one("article")
    text = " ".join(page.get_text(" ").split())
    assert "Maria Muster, Jan Beispiel. Beispiel-Institut, Dezember 2025." in text
    assert not page.select("a.reference.external")


def test_quotes_by_a_person_or_a_role_several_per_finding(built: tuple[Path, str]) -> None:
    build, _ = built
    quotes = html(build, "briefing", "umfrage", "index.html").select("article blockquote")
    said = [" ".join(q.get_text(" ").split()).replace(" ,", ",") for q in quotes]
    assert said == [
        "Abends ist hier am meisten los. — Anna Nowak, Bibliothekarin",
        "Ich komme nach der Arbeit. — eine Befragte, quoted in Umfrage 2025, S. 12",
    ]


def test_each_citation_says_where_in_the_source(built: tuple[Path, str]) -> None:
    build, _ = built
    overview = html(build, "briefing", "umfrage", "index.html").select_one("article")
    cited = next(p for p in overview.select("p") if p.get_text().startswith("Sources:"))
    assert " ".join(cited.get_text(" ").split()).replace(" ,", ",").replace(" ;", ";") == (
        "Sources: Umfrage 2025, Abschnitt 3; Umfrage 2025, Tabelle 2"
    )
    assert [a["href"] for a in cited.select("a")] == ["sources.html#umfrage-source-umfrage"] * 2
    sources = html(build, "briefing", "umfrage", "sources.html").select_one("article")
    resting = " ".join(sources.select_one("li").get_text(" ").split())
    assert resting.endswith("(Abschnitt 3; Tabelle 2)")
    printed = pdf_text(build / "pdf" / "umfrage.pdf")
    # On paper each source names the page it is listed on (pdf/assemble.py: _page_references).
    assert re.search(r"Umfrage 2025, Abschnitt 3 \(see page \d+\); Umfrage 2025, Tabelle 2 \(see page \d+\)", printed)
    assert "quoted in Umfrage 2025, S. 12" in printed


def test_the_publishers_contact_is_on_the_cover_the_brief_and_the_page(built: tuple[Path, str]) -> None:
    build, _ = built
    cover = " ".join(PdfReader(build / "pdf" / "umfrage.pdf").pages[0].extract_text().split())
    assert "Contact bibliotheken@example.org" in cover
    back = " ".join(PdfReader(build / "pdf" / "umfrage--gemeinden--brief.pdf").pages[-1].extract_text().split())
    assert "Contact: bibliotheken@example.org" in back
    overview = html(build, "briefing", "umfrage", "index.html").select_one("article")
    assert "bibliotheken@example.org" in overview.get_text()
    small = " ".join(PdfReader(build / "pdf" / "small.pdf").pages[0].extract_text().split())
    assert "Contact" not in small, "no contact given, no empty label"
