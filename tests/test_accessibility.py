"""The accessibility statement says only what the build checked, and the PDF checks bite."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pydyf
import pytest
from bs4 import BeautifulSoup

from lcsi_briefs.model.colour import contrast
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.pdf.pool import render_all
from lcsi_briefs.pdf.reader_checks import reader_facts
from lcsi_briefs.pdf.render import RenderJob
from lcsi_briefs.sphinx_ext.accessibility import MINIMUM_CONTRAST, lowest_print_contrast, render_accessibility
from lcsi_briefs.sphinx_ext.editorial import _verify_pdfs, keep_checks
from lcsi_briefs.sphinx_ext.errors import PdfRenderError
from lcsi_briefs.text.catalogue import translator_for

from .pdfua import catalog_problems

REPO = Path(__file__).resolve().parents[1]


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_every_print_text_colour_meets_aa_on_every_print_background() -> None:
    ratio, colour, background = lowest_print_contrast()
    assert ratio >= MINIMUM_CONTRAST, f"{colour} on {background}"


def test_the_pdf_checks_find_what_a_pdf_lacks() -> None:
    """An empty PDF has none of the features; a font without its program is named."""
    pdf = pydyf.PDF()
    pdf.add_object(pydyf.Dictionary({"Type": "/Font", "Subtype": "/TrueType", "BaseFont": "/Bare"}))
    facts = reader_facts(pdf, [[16.0] * 3, [12.0 * 4 / 3] * 9], large_print=True)
    assert facts.problems == (
        "it is not a tagged PDF (no structure tree, or not marked)",
        "it declares no language",
        "it does not show its title in place of the file name",
        "it has no bookmarks",
        "the font Bare is not embedded",
        "its body text is 12.0 pt, under the 16 pt of large print",
    )
    assert reader_facts(pdf, [], large_print=True).problems[-1].startswith("its body text is None pt")
    assert "the font Bare is not embedded" in reader_facts(pdf, [], large_print=False).problems


def _app(tmp_path: Path, checked: dict[Path, tuple[str, ...]]) -> SimpleNamespace:
    return SimpleNamespace(builder=SimpleNamespace(name="briefing-pdf", checked_pdfs=checked), outdir=str(tmp_path))


def test_a_pdf_build_fails_when_a_pdf_it_printed_fails_the_checks(tmp_path: Path) -> None:
    printed = {tmp_path / "x--large-print.pdf": ("it declares no language",), tmp_path / "y.pdf": ()}
    with pytest.raises(PdfRenderError, match=r"x--large-print\.pdf: it declares no language"):
        _verify_pdfs(_app(tmp_path, printed), None)  # type: ignore[arg-type]
    _verify_pdfs(_app(tmp_path, {tmp_path / "y.pdf": ()}), None)  # type: ignore[arg-type]


def test_each_render_checks_the_pdf_it_writes_and_the_build_keeps_what_it_found(tmp_path: Path) -> None:
    """The worker that writes a PDF checks it; a large-print job set in small type fails."""
    page = '<html lang="en"><head><title>t</title></head><body><h1>A</h1><p>B</p><p>C</p></body></html>'
    jobs = [
        RenderJob(page, tmp_path / "a.pdf", tmp_path.as_uri() + "/", (), (tmp_path,)),
        RenderJob(page, tmp_path / "b--large-print.pdf", tmp_path.as_uri() + "/", (), (tmp_path,), large_print=True),
    ]
    checked: dict[Path, tuple[str, ...]] = {}
    results = list(keep_checks(render_all(jobs, workers=2, timeout=120), checked))
    assert {result.job.target.name: result.checked for result in results} == {
        "a.pdf": (),
        # WeasyPrint's default type: 16px paragraphs and a 32px heading, 12pt and 24pt.
        "b--large-print.pdf": ("its body text is 12.0 pt, under the 16 pt of large print",),
    }
    assert set(checked) == {job.target.resolve() for job in jobs}
    with pytest.raises(PdfRenderError, match=r"b--large-print\.pdf: its body text"):
        _verify_pdfs(_app(tmp_path, checked), None)  # type: ignore[arg-type]


def test_every_bundled_pdf_passes_the_checks_read_back_from_the_file(bundled_build: Path) -> None:
    """What each render checked, read from the written files by another reader (pikepdf).

    Large print's 16pt is read back glyph by glyph by tests/test_large_print.py."""
    pdfs = sorted((bundled_build / "build" / "pdf").glob("*.pdf"))
    assert pdfs
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            assert catalog_problems(pdf) == [], path.name
            assert "/Outlines" in pdf.Root, path.name
            assert str(pdf.docinfo.get("/Title", "")).strip(), path.name
            for page in pdf.pages:
                for font in page.Resources.get("/Font", {}).values():
                    descendants = font.get("/DescendantFonts")
                    descriptor = (descendants[0] if descendants else font).FontDescriptor
                    assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), path.name


def test_the_statement_claims_pdf_checks_only_when_the_build_makes_the_pdfs() -> None:
    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    # MyST escapes every punctuation mark of the text; read it without them.
    with_pdfs = render_accessibility([loaded], pdfs_checked=True).replace("\\", "")
    without = render_accessibility([loaded], pdfs_checked=False).replace("\\", "")
    assert "What is checked in every printed edition" in with_pdfs
    assert "What is checked in every printed edition" not in without
    assert "This build did not make the PDF editions, so it did not check them." in without
    for text in (with_pdfs, without):
        assert "## What is not done yet" in text
        assert "contact Northway Network for Local Infrastructure." in text


def test_the_statement_is_in_the_site_language() -> None:
    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    welsh = render_accessibility([loaded], pdfs_checked=True, _=translator_for("cy")).replace("\\", "")
    assert "## Beth sydd heb ei wneud eto" in welsh
    assert "Local communities | 12 neu'n is |" in welsh


def test_the_published_statement_lists_each_edition_s_reading_age_and_how_to_ask(bundled_build: Path) -> None:
    page = BeautifulSoup(
        (bundled_build / "build" / "html" / "accessibility.html").read_text(encoding="utf-8"), "html.parser"
    )
    main = page.select_one("article[role=main]")
    assert main is not None
    text = " ".join(main.get_text(" ").split())
    pack = load_pack(REPO / "briefings" / "lcsi-2025.yaml").pack
    rows = [" ".join(row.get_text(" ").split()) for row in main.select("table tbody tr")]
    assert [row.split(" 1")[0] for row in rows] == [a.name for a in pack.audiences]
    assert "Local communities 12 or lower" in rows[-1]
    assert "every font it uses is embedded" in text
    assert "If you need a briefing in another format" in text


def test_the_statement_counts_in_the_catalogue_s_plural_forms_and_raises_no_false_alarm() -> None:
    """One unexplained abbreviation reads as one; a line in capitals and years in a period count as none."""
    check_fixtures = Path(__file__).parent / "fixtures" / "check"
    one = render_accessibility([load_pack(check_fixtures / "abbreviation-before-explained.yaml")], pdfs_checked=False)
    assert "1 other use of an abbreviation is not yet explained." in one.replace("\\", "")
    welsh = render_accessibility(
        [load_pack(check_fixtures / "abbreviation-before-explained.yaml")], pdfs_checked=False, _=translator_for("cy")
    )
    assert "nid yw 1 defnydd arall o fyrfodd wedi'i egluro eto." in welsh.replace("\\", "")
    shouting = render_accessibility([load_pack(check_fixtures / "no-false-alarms.yaml")], pdfs_checked=False)
    assert "no other abbreviation is left unexplained" in shouting.replace("\\", "")
    assert "(s)" not in one + shouting
