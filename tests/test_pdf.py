"""The PDF editions, opened and read: files, metadata, tags, outline, footers, fonts, text."""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.editions import editions
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pdf.print_setup import HERE as PDF_PACKAGE
from lcsi_briefs.pdf.print_setup import print_stylesheets
from lcsi_briefs.pdf.render import RenderFailedError, RenderJob, render_pdf
from lcsi_briefs.text.first_use import expansions

from .pdftext import page_texts, pdf_text


@pytest.fixture(scope="module")
def pdf_dir(bundled_build: Path) -> Path:
    return bundled_build / "build" / "pdf"


def fold(text: str) -> str:
    return " ".join(text.split())


def outline_titles(outline: list[Any]) -> list[str]:
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles += outline_titles(item)
        else:
            titles.append(fold(item.title))
    return titles


def test_every_edition_is_written(pdf_dir: Path, bundled: LoadedPack) -> None:
    expected = {edition.filename for edition in editions(bundled)}
    assert {path.name for path in pdf_dir.glob("*.pdf")} == expected
    # The full briefing, then per audience its edition and its one-sheet brief, each in two sizes.
    assert len(expected) == 2 + 4 * len(bundled.pack.audiences)


def test_metadata_language_and_tags(pdf_dir: Path, bundled: LoadedPack) -> None:
    briefing = bundled.pack.briefing
    for path in pdf_dir.glob("*.pdf"):
        with pikepdf.open(path) as pdf:
            info = pdf.docinfo
            assert str(info["/Title"]).startswith(briefing.title)
            assert str(info["/Author"]) == briefing.publisher
            assert "LCSI" in str(info["/Keywords"])
            assert str(info["/Subject"])
            assert str(pdf.Root.Lang) == "en-GB"
            assert bool(pdf.Root.MarkInfo.Marked)
            assert "/StructTreeRoot" in pdf.Root
            with pdf.open_metadata() as xmp:
                assert xmp.get("pdfuaid:part") == "1"
                assert xmp.get("dc:title") == str(info["/Title"])


def test_audience_edition_title_names_the_audience(pdf_dir: Path, bundled: LoadedPack) -> None:
    audience = bundled.pack.audiences[2]
    reader = PdfReader(pdf_dir / f"lcsi-2025--{audience.id}.pdf")
    assert reader.metadata is not None
    assert reader.metadata.title == f"{bundled.pack.briefing.title}: for {audience.in_text}"
    cover = page_texts(pdf_dir / f"lcsi-2025--{audience.id}.pdf")[0]
    assert f"For {audience.in_text}" in cover


def test_outline_follows_the_headings(pdf_dir: Path, bundled: LoadedPack) -> None:
    titles = outline_titles(PdfReader(pdf_dir / "lcsi-2025.pdf").outline)
    assert "Headline findings" in titles
    assert "Sources" in titles and "Glossary" in titles
    for audience in bundled.pack.audiences:
        assert audience.name in titles
    assert "Contents" not in titles
    # The parts of the briefing are siblings under its title: the sources and the glossary close
    # the briefing beside "What it means for you", not inside it.
    [title, parts] = PdfReader(pdf_dir / "lcsi-2025.pdf").outline
    top = [fold(item.title) for item in parts if not isinstance(item, list)]
    assert top[-3:] == ["What it means for you", "Sources", "Glossary"], top
    assert fold(title.title) == fold(bundled.pack.briefing.title)


def test_footer_says_page_x_of_y_and_the_edition_date(pdf_dir: Path) -> None:
    pages = page_texts(pdf_dir / "lcsi-2025.pdf")
    total = len(pages)
    for number in (2, total):
        text = pages[number - 1]
        assert f"Page {number} of {total}" in text
        assert "25 November 2026" in text


def test_contents_has_page_numbers(pdf_dir: Path) -> None:
    pages = page_texts(pdf_dir / "lcsi-2025.pdf")
    contents = pages[1]
    numbers = {title: int(page) for title, page in re.findall(r"(Headline findings|Outcome pathways) (\d+)", contents)}
    assert set(numbers) == {"Headline findings", "Outcome pathways"}
    target = pages[numbers["Outcome pathways"] - 1]
    assert "Outcome pathways" in target


def test_fonts_are_embedded(pdf_dir: Path) -> None:
    with pikepdf.open(pdf_dir / "lcsi-2025.pdf") as pdf:
        fonts = [font for page in pdf.pages for font in page.Resources.get("/Font", {}).values()]
        assert fonts
        for font in fonts:
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0] if descendants else font).FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def without_expansions(text: str, pack: Any) -> str:
    """The text with each first-use expansion, "full name (ABBR)", read back as "ABBR"."""
    for abbreviation, expansion in expansions(pack.glossary).items():
        text = re.sub(rf"{re.escape(expansion)} \({re.escape(abbreviation)}\)", abbreviation, text, flags=re.IGNORECASE)
    return text


def test_full_briefing_has_every_part(pdf_dir: Path, bundled: LoadedPack) -> None:
    pack = bundled.pack
    text = without_expansions(pdf_text(pdf_dir / "lcsi-2025.pdf"), pack)
    for finding in pack.findings:
        assert fold(finding.statement)[:60] in text
    for audience in pack.audiences:
        for implication in audience.implications:
            assert fold(implication.title)[:50] in text
    for source in pack.sources:
        assert source.url[:50] in text.replace(" ", "") or source.url[:40] in text
    assert "LCSI" in text and "Glossary" in text


def test_audience_edition_keeps_only_its_own_implications(pdf_dir: Path, bundled: LoadedPack) -> None:
    mine, other = bundled.pack.audiences[0], bundled.pack.audiences[1]
    text = pdf_text(pdf_dir / f"lcsi-2025--{mine.id}.pdf")
    for implication in mine.implications:
        assert fold(implication.title)[:50] in text
    for implication in other.implications:
        assert fold(implication.title)[:50] not in text
    assert fold(bundled.pack.findings[0].statement)[:60] in text


def body_font_sizes(path: Path) -> list[float]:
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            sizes.append(round(size * abs(tm[3]) * abs(cm[3] or 1), 1))

    reader = PdfReader(path)
    for page in reader.pages[2:6]:
        page.extract_text(visitor_text=visit)
    return sizes


def test_large_print_body_text_is_at_least_16pt(pdf_dir: Path) -> None:
    standard = statistics.median(body_font_sizes(pdf_dir / "lcsi-2025.pdf"))
    large = statistics.median(body_font_sizes(pdf_dir / "lcsi-2025--large-print.pdf"))
    assert 10 <= standard < 13
    assert large >= 16


def test_creation_date_comes_from_source_date_epoch(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built without it first (so dated from the edition date), then again with it: the PDFs
    are printed again with its date, not kept from the last build."""
    root = project(pdf=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_all(root) == 0
    reader = PdfReader(root / "build" / "pdf" / "small.pdf")
    assert reader.metadata is not None
    assert reader.metadata.creation_date is not None
    assert reader.metadata.creation_date.timestamp() == 1700000000


def job(tmp_path: Path, body: str, css: str = "") -> RenderJob:
    sheet = tmp_path / "sheet.css"
    sheet.write_text(css, encoding="utf-8")
    return RenderJob(
        html=f"<html lang='en'><head><title>t</title></head><body>{body}</body></html>",
        target=tmp_path / "out.pdf",
        base_url=tmp_path.as_uri() + "/",
        stylesheets=(sheet,),
        allowed_roots=(tmp_path,),
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("file:///etc/passwd", "outside the project"),
        ("http://example.org/picture.png", "never uses the network"),
        ("https://example.org/picture.png", "never uses the network"),
        ("../../../etc/hostname", "outside the project"),
    ],
)
def test_renderer_reads_nothing_outside_the_project(tmp_path: Path, source: str, message: str) -> None:
    previous = tmp_path / "out.pdf"
    previous.write_bytes(b"previous good PDF")
    with pytest.raises(RenderFailedError, match=message):
        render_pdf(job(tmp_path, f'<img src="{source}" alt="x">'))
    assert previous.read_bytes() == b"previous good PDF"
    assert not list(tmp_path.glob(".*.tmp"))


def test_weasyprint_warnings_are_returned(tmp_path: Path) -> None:
    warnings = render_pdf(job(tmp_path, "<p>hello</p>", css="p { colour: red; margin: banana; }")).warnings
    assert any("margin" in warning for warning in warnings)
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_font_subsetting_with_fonttools_is_not_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Without HarfBuzz-Subset WeasyPrint falls back to fontTools and says so; that is about the
    machine, not the briefing, so it must not fail a build or clutter the terminal."""
    monkeypatch.setattr("weasyprint.pdf.fonts.harfbuzz_subset", None)
    rendered = RenderJob(
        html="<html lang='en'><head><title>t</title></head><body><p>Civil society</p></body></html>",
        target=tmp_path / "out.pdf",
        base_url=tmp_path.as_uri() + "/",
        stylesheets=print_stylesheets(large_print=False),
        allowed_roots=(tmp_path, PDF_PACKAGE),
    )
    assert render_pdf(rendered).warnings == []
    fonts = {
        str(font.get("/BaseFont"))
        for page in pikepdf.open(rendered.target).pages
        for font in page.Resources.Font.values()
    }
    assert any(font.endswith("+Atkinson-Hyperlegible") for font in fonts), fonts  # embedded, subset
    captured = capfd.readouterr()
    assert "fontTools" not in captured.err + captured.out


def test_glossary_terms_print_bold_above_their_definitions(pdf_dir: Path, bundled: LoadedPack) -> None:
    import pdfplumber  # noqa: PLC0415

    definition = fold(bundled.pack.glossary[0].definition)[:30]
    with pdfplumber.open(pdf_dir / "lcsi-2025.pdf") as pdf:
        page = next(p for p in reversed(pdf.pages) if definition in " ".join((p.extract_text() or "").split()))
        lines = page.extract_text_lines(return_chars=True)
    term = bundled.pack.glossary[0].term
    term_line = next(line for line in lines if line["text"].strip() == term)
    assert all("Bold" in char["fontname"] for char in term_line["chars"] if char["text"].strip())
