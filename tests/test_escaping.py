"""Text from a pack is text: markup in any field is shown literally and injects nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp

from .conftest import minimal_docs, one_audience_pack, small_pack, write_pack


def hostile_line(field: str) -> str:
    """One line with every kind of markup MyST, Sphinx, HTML or Jinja might act on."""
    return (
        f"[{field}] <script>alert('{field}')</script> ```{{raw}} html <b>bold-{field}</b> ``` "
        "{eval-rst} {ref}`x` $x+1$ |sub| *em* _u_ __dunder__ &amp; &lt; {{ jinja }} {% tag %} "
        "\\back [link](https://evil.example) <https://evil.example> <!-- c --> :::{note} x"
    )


def hostile_text(field: str) -> str:
    """Several paragraphs whose lines start with block markup."""
    return (
        f"# [{field}] not a heading\n\n```{{raw}} html\n<script>alert('{field}-raw')</script>\n```\n\n"
        f"- not a list {field}\n1. not numbered\n> not a quote\n\n| a | b |\n|---|---|\n\n"
        f":::{{eval-rst}}\n.. raw:: html\n\n   <i>{field}</i>\n:::"
    )


def fold(text: str) -> str:
    return " ".join(text.split())


def paragraphs(text: str) -> list[str]:
    return [fold(block) for block in text.split("\n\n") if block.strip()]


def hostile_pack(pack: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    """``pack`` (the small pack by default) with markup in every prose field, and the texts that
    must appear."""
    pack = pack or small_pack()
    expected: list[str] = []

    def line(field: str) -> str:
        value = hostile_line(field)
        expected.append(fold(value))
        return value

    def text(field: str) -> str:
        value = hostile_text(field)
        expected.extend(paragraphs(value))
        return value

    briefing = pack["briefing"]
    briefing.update(
        title=line("title"),
        subtitle=line("subtitle"),
        publisher=line("publisher"),
        summary=text("summary"),
        about_implications=text("about"),
    )
    briefing["series"]["name"] = line("series")
    source = pack["sources"][0]
    source.update(title=line("source-title"), section=line("section"), description=text("source-description"))
    finding = pack["findings"][0]
    finding.update(statement=line("statement"), explanation=text("explanation"))
    finding["quote"] = {"text": text("quote"), "source": "main-report"}
    function = pack["functions"][0]
    function.update(name=line("function"), description=text("function-description"), examples=[line("example")])
    pathway = pack["pathways"][0]
    pathway.update(name=line("pathway"), description=text("pathway-description"))
    audience = pack["audiences"][0]
    audience.update(name=line("audience"), description=text("audience-description"))
    implication = audience["implications"][0]
    implication.update(
        title=line("implication"), text=text("implication-text"), actions=[line("action")], questions=[line("question")]
    )
    pack["glossary"].append({"term": "R&D <i>x</i> *y* `z`", "definition": text("definition")})
    expected.append("R&D <i>x</i> *y* `z`")
    return pack, expected


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("hostile")
    pack, expected = hostile_pack()
    write_pack(root / "briefings" / "hostile.yaml", pack)
    docs = minimal_docs(root, 'nitpicky = True\nmyst_enable_extensions = ["colon_fence"]\n')
    app = SphinxTestApp("html", srcdir=docs)
    try:
        app.build()
        warnings = app.warning.getvalue()
    finally:
        app.cleanup()
    assert "WARNING" not in warnings, warnings
    return root / "docs" / "_build" / "html", expected


def page_texts(site: Path) -> dict[Path, BeautifulSoup]:
    pages = {}
    for path in sorted((site / "briefing").rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        pages[path] = page.select_one("div.body") or page
    pages[site / "index.html"] = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    return pages


def test_every_field_appears_literally(hostile_site: tuple[Path, list[str]]) -> None:
    site, expected = hostile_site
    text = "\n".join(fold(body.get_text("")) for body in page_texts(site).values())
    missing = [value for value in expected if value not in text]
    assert missing == []


def test_no_markup_from_the_data_reaches_the_page(hostile_site: tuple[Path, list[str]]) -> None:
    site, _ = hostile_site
    for path, body in page_texts(site).items():
        assert [s for s in body.find_all("script") if not s.get("src") and "alert" in s.get_text()] == [], path
        assert body.find("b", string=lambda s: bool(s and s.startswith("bold-"))) is None, path
        assert body.find("i", string=lambda s: bool(s and s.startswith(("x", "summary")))) is None, path
        assert not body.select(".math, .admonition-note, table.docutils:not(.glossary)"), path
        assert body.find("a", href="https://evil.example") is None, path
        assert "not a heading" not in " ".join(h.get_text() for h in body.find_all(["h1", "h2", "h3"])), path


def test_glossary_term_with_markup_is_literal(hostile_site: tuple[Path, list[str]]) -> None:
    site, _ = hostile_site
    glossary = BeautifulSoup((site / "briefing" / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    terms = [fold(dt.get_text("")).rstrip("¶") for dt in glossary.select(".lcsi-glossary dt")]
    assert "R&D <i>x</i> *y* `z`" in terms


def test_hostile_text_prints_literally_in_the_pdf(project: Any) -> None:
    # The markup is in the first audience's text: the second's editions would print none of it.
    pack, _ = hostile_pack(one_audience_pack())
    root = project({"hostile": pack}, pdf=True)
    reader = PdfReader(root / "build" / "pdf" / "hostile.pdf")
    text = fold(" ".join(page.extract_text() for page in reader.pages))
    for token in ("<script>alert('statement')</script>", "{eval-rst}", "{{ jinja }}", "$x+1$", "|sub|"):
        assert token in text
