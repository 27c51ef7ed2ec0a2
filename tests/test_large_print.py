"""UKAAF large print: every character of every large-print PDF 16pt or more, and none italic.

The size, font and slant of each character are read from the PDF itself (``glyphs``, which walks
its content streams with pikepdf), running header, footer and page numbers included; a
standard-print rendering of the same page shows the check failing, and a PDF made by hand shows
the reader following scaled forms and skewed text.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from lcsi_briefs.model.figures import Chart
from lcsi_briefs.pages.charts import chart_drawings
from lcsi_briefs.pdf.print_setup import HERE as PDF_PACKAGE
from lcsi_briefs.pdf.print_setup import print_stylesheets
from lcsi_briefs.pdf.render import RenderJob, render_pdf

from . import glyphs

#: What a briefing prints that used to come out small or italic in large print.
PAGE = """<html lang="en-GB"><head><title>Large print</title>
<style>html { string-set: page-before "Page ", page-between " of ", page-after "" }</style></head><body>
<section class="cover"><p class="cover-series">Series</p><h1 class="cover-title" data-running-head="Title">Title</h1>
<p class="cover-subtitle">The subtitle</p><p class="cover-date">1 May 2026</p></section>
<h2>Findings</h2><p>Body with <em>emphasis</em> and a note<sup>1</sup>.</p>
<blockquote><p>A quotation.</p></blockquote>
<figure><figcaption>A caption</figcaption></figure><p class="lcsi-affects">Implications for: everyone</p>
<figure class="lcsi-chart"><figcaption>Visits by year</figcaption>
<img class="lcsi-chart-image lcsi-chart-print" src="chart-print.svg" alt="Visits by year">
<img class="lcsi-chart-image lcsi-chart-large-print" src="chart-large-print.svg" alt="Visits by year">
<p class="lcsi-chart-summary">Visits rose from 10 to 12.</p></figure>
</body></html>"""
#: A chart as lcsi_briefs.pages.charts draws it for print and for large print.
CHART = Chart.model_validate(
    {
        "title": "Visits by year",
        "category_label": "Year",
        "categories": ["2024visits"],
        "series": [{"name": "Visits", "values": [10]}],
        "source": "report",
    }
)


def render(folder: Path, *, large_print: bool) -> Path:
    target = folder / f"page-{large_print}.pdf"
    for drawn in chart_drawings(CHART, "en-GB", "chart", printed=True):
        assert drawn.svg is not None
        (folder / f"chart-{drawn.size.name}.svg").write_text(drawn.svg, encoding="utf-8")
    sheets = print_stylesheets(large_print=large_print)
    job = RenderJob(PAGE, target, folder.as_uri() + "/", sheets, (folder, PDF_PACKAGE))
    assert render_pdf(job).warnings == []
    return target


def test_large_print_fixture_has_nothing_small_or_italic(tmp_path: Path) -> None:
    large = render(tmp_path, large_print=True)
    assert glyphs.large_print_problems(large) == []
    assert "2024visits" in "".join(run.text for run in glyphs.shown(large))  # the chart prints
    standard = "\n".join(glyphs.large_print_problems(render(tmp_path, large_print=False)))
    assert "9.0pt Atkinson-Hyperlegible: 'Title1May2026Page2of2'" in standard  # header and footer
    assert "Italic" in standard
    assert "2024visits" in standard  # the chart's label, 11pt in standard print


@pytest.fixture(scope="module")
def large_print_pdfs(bundled_build: Path) -> list[Path]:
    pdfs = sorted((bundled_build / "build" / "pdf").glob("*--large-print.pdf"))
    assert pdfs
    return pdfs


def test_every_character_of_every_large_print_pdf_is_16pt_and_upright(large_print_pdfs: list[Path]) -> None:
    problems = {path.name: found[:5] for path in large_print_pdfs if (found := glyphs.large_print_problems(path))}
    assert problems == {}


def test_large_print_leaves_out_the_diagram_whose_labels_cannot_be_16pt(large_print_pdfs: list[Path]) -> None:
    """Its text alternative (the pathways' "Fed by" and "Who benefits" lines) still prints."""
    full = next(path for path in large_print_pdfs if path.name.count("--") == 1)
    fonts = {run.font for run in glyphs.shown(full)}
    assert not any("DejaVu-Sans" in font and "Bundled" not in font for font in fonts)
    text = "".join(run.text for run in glyphs.shown(full))
    assert "Fedby:" in text


def test_the_reader_follows_scaled_forms_and_sees_skewed_text(tmp_path: Path) -> None:
    """20pt drawn through a form at half size is 10pt; a skewed text matrix leans; turned or
    narrowed text keeps its size."""
    pdf = pikepdf.new()
    to_unicode = b"1 begincodespacerange <00> <ff> endcodespacerange 1 beginbfrange <20> <7e> <0020> endbfrange"
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            ToUnicode=pikepdf.Stream(pdf, to_unicode),
        )
    )
    resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    form = pikepdf.Stream(
        pdf,
        b"BT /F1 20 Tf 72 650 Td (Half) Tj ET",
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form,
        BBox=[0, 0, 612, 792],
        Resources=resources,
        Matrix=[0.5, 0, 0, 0.5, 0, 0],
    )
    content = (
        b"q 1 0 0 1 0 0 cm BT /F1 20 Tf 1 0 0 1 72 700 Tm (Whole) Tj ET /Fm Do Q"
        b" BT /F1 20 Tf 1 0 0.2126 1 72 600 Tm (Lean) Tj ET"
        b" BT /F1 20 Tf 0 1 -1 0 300 300 Tm (Turned) Tj 0.5 0 0 1 72 500 Tm [(Nar) -20 (row)] TJ ET"
    )
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 612, 792],
        Resources=pikepdf.Dictionary(Font=resources.Font, XObject=pikepdf.Dictionary(Fm=form)),
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(tmp_path / "made.pdf")
    assert "".join(run.text for run in glyphs.shown(tmp_path / "made.pdf")) == "WholeHalfLeanTurnedNarrow"
    assert glyphs.large_print_problems(tmp_path / "made.pdf") == [
        "page 1: 10.0pt Helvetica: 'Half'",
        "page 1: 20.0pt Helvetica slanted 12°: 'Lean'",
    ]
