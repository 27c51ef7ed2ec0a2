"""Every printed edition spells out each abbreviation at or before its first use.

Read from the PDFs themselves, in page order: the cover, the contents, every page. The
bundled pack's glossary gives each abbreviation's expansion.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lcsi_briefs.first_use import expansions
from lcsi_briefs.loader import load_pack
from lcsi_briefs.text import fold

from .test_pdf import all_text

REPO = Path(__file__).resolve().parents[1]


def first_use_problems(text: str, expanded: dict[str, str], as_published: tuple[str, ...] = ()) -> list[str]:
    """Each abbreviation whose first use comes before any spelling out of it.

    Sources' titles are printed exactly as published, abbreviations and all, so they are left
    out of the reading.
    """
    for name in sorted(as_published, key=len, reverse=True):
        text = text.replace(fold(name), " ")
    problems = []
    for abbreviation, expansion in expanded.items():
        first = re.search(rf"(?<![\w.&]){re.escape(abbreviation)}s?(?![\w&]|\.\w)", text)
        if first and expansion.casefold() not in text[: first.start()].casefold():
            problems.append(f"{abbreviation} at {text[max(0, first.start() - 60) : first.end() + 20]!r}")
    return problems


def test_the_test_catches_an_abbreviation_used_before_its_expansion() -> None:
    expanded = {"ICB": "integrated care board"}
    assert first_use_problems("Ask the ICB. An integrated care board (ICB) plans.", expanded)
    assert not first_use_problems("An integrated care board (ICB) plans. Ask the ICB.", expanded)


@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large-print"])
def test_each_pdf_edition_spells_out_each_abbreviation_at_or_before_its_first_use(
    bundled_build: Path, large_print: bool
) -> None:
    pack = load_pack(REPO / "briefings" / "lcsi-2025.yaml").pack
    expanded = expansions(pack.glossary)
    pdfs = [
        p
        for p in sorted((bundled_build / "build" / "pdf").glob("lcsi-2025*.pdf"))
        if p.stem.endswith("large-print") == large_print
    ]
    assert len(pdfs) >= 8
    found = {
        pdf.name: first_use_problems(all_text(PdfReader(pdf)), expanded, tuple(s.title for s in pack.sources))
        for pdf in pdfs
    }
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_each_web_page_of_a_briefing_spells_out_each_abbreviation_at_or_before_its_first_use(
    bundled_build: Path,
) -> None:
    """A reader may land on any page: each page explains its own abbreviations."""
    from bs4 import BeautifulSoup  # noqa: PLC0415

    pack = load_pack(REPO / "briefings" / "lcsi-2025.yaml").pack
    expanded = expansions(pack.glossary)
    pages = sorted((bundled_build / "build" / "html").rglob("lcsi-2025/**/*.html"))
    assert len(pages) >= 9
    found = {}
    for page in pages:
        main = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article[role=main]")
        assert main is not None
        # The page's own title (h1) is the briefing's or the audience's name, never spelled out;
        # a glossary defines each abbreviation where it lists it.
        for title in main.select("h1, .lcsi-glossary"):
            title.decompose()
        found[page.name] = first_use_problems(fold(main.get_text(" ")), expanded, tuple(s.title for s in pack.sources))
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_each_email_spells_out_each_abbreviation_at_or_before_its_first_use(bundled_build: Path) -> None:
    """Both bodies of every email as the build writes them: the plain text and the HTML.

    The bundled build has no site address, so it writes the two bodies but no ``.eml``; an
    ``.eml`` holds exactly these bodies (tests/test_newsletter.py parses one).
    """
    from bs4 import BeautifulSoup  # noqa: PLC0415

    pack = load_pack(REPO / "briefings" / "lcsi-2025.yaml").pack
    expanded = expansions(pack.glossary)
    folder = bundled_build / "build" / "newsletter"
    bodies = sorted(folder.glob("lcsi-2025*.txt"))
    assert len(bodies) == len(pack.audiences) + 1
    found = {}
    for plain in bodies:
        html = plain.with_suffix(".html")
        for kind, text in (
            ("text", plain.read_text(encoding="utf-8")),
            # What the reader sees: the body (the <title> repeats the subject, a title like the PDF's).
            ("html", BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").body.get_text(" ")),
        ):
            found[f"{plain.stem} ({kind})"] = first_use_problems(fold(text), expanded)
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_a_glossary_lists_its_terms_as_written_not_spelled_out(bundled_build: Path) -> None:
    """The term "CVS" heads its own definition ("Council for voluntary service: …"): spelling it
    out there as "Council for voluntary service (CVS)" only says it twice."""
    from bs4 import BeautifulSoup  # noqa: PLC0415

    pack = load_pack(REPO / "briefings" / "lcsi-2025.yaml").pack
    page = bundled_build / "build" / "html" / "briefing" / "lcsi-2025" / "glossary.html"
    terms = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(".lcsi-glossary dt")
    assert [fold(dt.get_text("")).rstrip("¶") for dt in terms] == sorted(
        (entry.term for entry in pack.glossary), key=str.casefold
    )
