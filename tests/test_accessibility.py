"""The accessibility statement says only what the build checked, and the PDF checks bite."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfWriter

from lcsi_briefs.model.colour import contrast
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.pdf.pool import render_all
from lcsi_briefs.pdf.render import RenderJob
from lcsi_briefs.sphinx_ext.accessibility import (
    LARGE_PRINT_POINTS,
    MINIMUM_CONTRAST,
    lowest_print_contrast,
    render_accessibility,
    verify_pdf,
)
from lcsi_briefs.sphinx_ext.editorial import _verify_pdfs, pdf_problems
from lcsi_briefs.sphinx_ext.errors import PdfRenderError
from lcsi_briefs.text.catalogue import translator_for

REPO = Path(__file__).resolve().parents[1]


def blank_pdf(path: Path) -> Path:
    """A PDF with none of the accessibility features: untagged, no language, title or bookmarks."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as out:
        writer.write(out)
    return path


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_every_print_text_colour_meets_aa_on_every_print_background() -> None:
    ratio, colour, background = lowest_print_contrast()
    assert ratio >= MINIMUM_CONTRAST, f"{colour} on {background}"


def test_the_pdf_checks_find_what_a_pdf_lacks(tmp_path: Path) -> None:
    facts = verify_pdf(blank_pdf(tmp_path / "blank.pdf"), large_print=True)
    assert "it is not a tagged PDF (no structure tree, or not marked)" in facts.problems
    assert "it declares no language" in facts.problems
    assert "it has no bookmarks" in facts.problems
    assert any(problem.startswith("its body text is None pt") for problem in facts.problems)


def test_a_pdf_build_fails_when_a_pdf_it_wrote_fails_the_checks(tmp_path: Path) -> None:
    app = SimpleNamespace(builder=SimpleNamespace(name="briefing-pdf"), outdir=str(tmp_path), lcsi_briefs_started=0.0)
    blank_pdf(tmp_path / "x--large-print.pdf")
    with pytest.raises(PdfRenderError, match=r"x--large-print\.pdf: it is not a tagged PDF"):
        _verify_pdfs(app, None)  # type: ignore[arg-type]
    app.lcsi_briefs_started = time.time() + 60  # PDFs this build did not write are left alone
    _verify_pdfs(app, None)  # type: ignore[arg-type]


def test_the_checks_run_in_the_worker_that_wrote_the_pdf_and_the_build_uses_what_it_found(tmp_path: Path) -> None:
    """The workers check each PDF as they write it; the build reads only a PDF they did not check."""
    page = '<html lang="en"><head><title>t</title></head><body><h1>A</h1><p>B</p></body></html>'
    jobs = [RenderJob(page, tmp_path / f"{n}.pdf", tmp_path.as_uri() + "/", (), (tmp_path,)) for n in "ab"]
    results = list(render_all(jobs, workers=2, timeout=120, check=pdf_problems))
    assert {result.job.target.name: result.checked for result in results} == {"a.pdf": (), "b.pdf": ()}
    checked = {jobs[0].target.resolve(): ("what the worker found",)}
    builder = SimpleNamespace(name="briefing-pdf", checked_pdfs=checked)
    app = SimpleNamespace(builder=builder, outdir=str(tmp_path), lcsi_briefs_started=0.0)
    blank_pdf(tmp_path / "b.pdf")  # not as the worker wrote it: read here
    with pytest.raises(PdfRenderError) as failed:
        _verify_pdfs(app, None)  # type: ignore[arg-type]
    assert "a.pdf: what the worker found" in str(failed.value)
    assert "a.pdf: it is not" not in str(failed.value)
    assert "b.pdf: it is not a tagged PDF" in str(failed.value)


def test_every_bundled_pdf_passes_the_checks(bundled_build: Path) -> None:
    pdfs = sorted((bundled_build / "build" / "pdf").glob("*.pdf"))
    assert pdfs
    for path in pdfs:
        facts = verify_pdf(path, large_print=path.stem.endswith("--large-print"))
        assert facts.problems == ()
        if path.stem.endswith("--large-print"):
            assert facts.body_points is not None and facts.body_points >= LARGE_PRINT_POINTS


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
