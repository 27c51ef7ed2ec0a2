"""UKAAF large print: every character of every large-print PDF 16pt or more, and none italic.

The size and font of each character are read from the PDF itself (pdfplumber), running header,
footer and page numbers included; a standard-print rendering of the same page shows the check
failing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lcsi_briefs.model.figures import Chart
from lcsi_briefs.pages.charts import chart_drawings
from lcsi_briefs.pdf.print_setup import HERE as PDF_PACKAGE
from lcsi_briefs.pdf.print_setup import print_stylesheets
from lcsi_briefs.pdf.render import RenderJob, render_pdf

from . import pdfua

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
    assert pdfua.large_print_problems(large) == []
    assert "2024visits" in "".join(char for _, char, _, _ in pdfua.character_styles(large))  # the chart prints
    standard = "\n".join(pdfua.large_print_problems(render(tmp_path, large_print=False)))
    assert "9.0pt Atkinson-Hyperlegible: 'Title1May2026Page2of2'" in standard  # header and footer
    assert "Italic" in standard
    assert "2024visits" in standard  # the chart's label, 11pt in standard print


@pytest.fixture(scope="module")
def large_print_pdfs(bundled_build: Path) -> list[Path]:
    pdfs = sorted((bundled_build / "build" / "pdf").glob("*--large-print.pdf"))
    assert pdfs
    return pdfs


def test_every_character_of_every_large_print_pdf_is_16pt_and_upright(large_print_pdfs: list[Path]) -> None:
    problems = {path.name: found[:5] for path in large_print_pdfs if (found := pdfua.large_print_problems(path))}
    assert problems == {}


def test_large_print_leaves_out_the_diagram_whose_labels_cannot_be_16pt(large_print_pdfs: list[Path]) -> None:
    """Its text alternative (the pathways' "Fed by" and "Who benefits" lines) still prints."""
    full = next(path for path in large_print_pdfs if path.name.count("--") == 1)
    fonts = {font for _, _, _, font in pdfua.character_styles(full)}
    assert not any("DejaVu-Sans" in font and "Bundled" not in font for font in fonts)
    text = "".join(char for _, char, _, _ in pdfua.character_styles(full))
    assert "Fedby:" in text
