"""Every output spells out each abbreviation at or before its first use, in a sentence that reads.

Read from the outputs themselves: the PDFs in page order (the cover, the contents, every page)
and their Subject, each web page of a briefing, and both bodies of every email. The bundled
pack's glossary gives each abbreviation's expansion.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.text.first_use import Grammar, expansions, written_forms
from lcsi_briefs.text.paragraphs import fold

from .pdftext import pdf_text

REPO = Path(__file__).resolve().parents[1]


def first_use_problems(
    text: str, expanded: dict[str, str], as_published: tuple[str, ...] = (), language: str = "en-GB"
) -> list[str]:
    """Each abbreviation whose first use comes before any spelling out of it.

    A spelling out is the expansion's words, in the singular or the plural; its article may have
    given way to the text's own determiner ("the DCMS research"), so it is not looked for.
    Sources' titles are printed exactly as published, abbreviations and all, so they are left
    out of the reading.
    """
    for name in sorted(as_published, key=len, reverse=True):
        text = text.replace(fold(name), " ")
    problems = []
    for abbreviation, expansion in expanded.items():
        first = re.search(rf"(?<![\w.&]){re.escape(abbreviation)}s?(?![\w&]|\.\w)", text)
        read = text[: first.start()].casefold() if first else ""
        if first and not any(form.casefold() in read for form in written_forms(expansion, language)):
            problems.append(f"{abbreviation} at {text[max(0, first.start() - 60) : first.end() + 20]!r}")
    return problems


def test_the_test_catches_an_abbreviation_used_before_its_expansion() -> None:
    expanded = {"ICB": "integrated care board", "DCMS": "the Department for Culture, Media and Sport"}
    assert first_use_problems("Ask the ICB. An integrated care board (ICB) plans.", expanded)
    assert not first_use_problems("Two integrated care boards (ICBs) plan. Ask the ICB.", expanded)
    assert first_use_problems("Ask DCMS. The Department for Culture, Media and Sport (DCMS) funds it.", expanded)
    assert first_use_problems("Ask the Department for Culture (DCMS).", expanded)
    assert not first_use_problems("Its Department for Culture, Media and Sport (DCMS) grant. Ask DCMS.", expanded)


def article_problems(text: str, expanded: dict[str, str], language: str = "en-GB") -> list[str]:
    """Each spelled-out name printed in a way that breaks its sentence.

    A name whose glossary expansion starts with an article ("the Department for …") must stand
    right after one determiner: its own article or the text's ("its"), never none ("of National
    Association for … (NAVCA)", "findings National Association … gave") and never two ("the the
    Department"). A possessive goes on the name, not after the parenthesis ("(NAVCA)'s").
    """
    grammar = Grammar.of(language)
    problems = []
    for abbreviation, expansion in expanded.items():
        written = rf"\({re.escape(abbreviation)}s?(?:['\u2019]s?)?\)"
        # get_text(" ") puts a space between a link and the "'s" after it.
        stranded = rf".{{0,40}}{written} ?['\u2019](?:s\b|\s)"
        problems += [repr(m.group(0)) for m in re.finditer(stranded, text)]
        article, name = grammar.split_article(expansion)
        if not article:
            continue
        words = r"\s+".join(re.escape(word) for word in name.split())
        spelled = rf"(?P<article>(?i:{re.escape(article.strip())})\s+)?(?i:{words})(?:['\u2019]s?)?\s+{written}"
        for match in re.finditer(spelled, text):
            determiners = int(bool(match.group("article")))
            determiners += grammar.determiner_before(text[: match.start()]) is not None
            if determiners != 1:
                problems.append(repr(text[max(0, match.start() - 30) : match.start() + len(expansion) + 2]))
    return problems


def test_the_test_catches_a_name_without_its_article() -> None:
    expanded = {"DCMS": "the Department for Culture, Media and Sport", "ICB": "integrated care board"}
    for broken in [
        "published at Department for Culture, Media and Sport (DCMS).",
        "the findings Department for Culture, Media\nand Sport (DCMS) gave",
        "Department for Culture, Media and Sport's (DCMS's) staff",
        "read the the Department for Culture, Media and Sport (DCMS) report",
        "the Department for Culture, Media and Sport (DCMS)'s staff",
        "two integrated care boards (ICBs)' plans",
        "the Department for Culture, Media and Sport (DCMS) 's staff",
    ]:
        assert article_problems(broken, expanded), broken
    for whole in [
        "published at the Department for Culture, Media and Sport (DCMS).",
        "The Department for Culture, Media and Sport's (DCMS's) staff",
        "its Department for Culture, Media and Sport (DCMS) grant, from an integrated care board (ICB)",
        "Published by Department for Culture, Media and Sport, 2025.",  # a citation as the data writes it
    ]:
        assert not article_problems(whole, expanded), whole


def bundled_outputs(build: Path) -> dict[str, str]:
    """The reader's text of every output of the bundled pack: each briefing web page, each
    PDF (its pages and its Subject) and both bodies of each email."""
    from bs4 import BeautifulSoup  # noqa: PLC0415

    texts = {}
    for page in sorted((build / "html").rglob("lcsi-2025/**/*.html")):
        main = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article[role=main]")
        assert main is not None
        texts[str(page.relative_to(build))] = fold(main.get_text(" "))
    for pdf in sorted((build / "pdf").glob("lcsi-2025*.pdf")):
        texts[pdf.name] = pdf_text(pdf)
        with pikepdf.open(pdf) as document:
            texts[f"{pdf.name} Subject"] = fold(str(document.docinfo.get("/Subject", "")))
    for plain in sorted((build / "newsletter").glob("lcsi-2025*.txt")):
        html = BeautifulSoup(plain.with_suffix(".html").read_text(encoding="utf-8"), "html.parser")
        texts[plain.name] = fold(plain.read_text(encoding="utf-8"))
        texts[plain.with_suffix(".html").name] = fold(html.body.get_text(" "))
    return texts


def test_no_output_prints_a_name_without_the_article_it_takes(bundled_build: Path) -> None:
    """The review found "of National Association for … (NAVCA)" and "at Department for … (DCMS)"
    in the site, the PDFs, their Subject and the emails."""
    pack = load_pack(REPO / "briefings" / "lcsi-2025.yaml").pack
    expanded = expansions(pack.glossary)
    assert any(Grammar.of(pack.briefing.language).split_article(e)[0] for e in expanded.values())
    texts = bundled_outputs(bundled_build / "build")
    assert len(texts) >= 9 + 30 * 2 + 8 * 2
    assert all(texts.values())
    found = {name: article_problems(text, expanded, pack.briefing.language) for name, text in texts.items()}
    assert {name: problems for name, problems in found.items() if problems} == {}


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
    # The running head (the short title, atop every page but the first) is page furniture, an
    # artifact a screen reader skips, like a book's; the rule is the text's.
    head = fold(pack.briefing.short_title or pack.briefing.title)
    found = {
        pdf.name: first_use_problems(pdf_text(pdf).replace(head, " "), expanded, tuple(s.title for s in pack.sources))
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
