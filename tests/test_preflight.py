"""Preflight: every PDF measured as a publisher would, and the PDFs of every kind of pack pass it.

The measures are checked on small pages made to fail each rule (so each test can fail), then
``lcsi-briefs preflight --strict`` is run on real builds: the fixture packs, generated packs
and the bundled pack, in regular and large print. The fixture build is shared by this file's
tests; the bundled build by the whole suite.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.cli.main import main
from lcsi_briefs.cli.preflight import EXIT_USAGE, preflight
from lcsi_briefs.pdf.preflight.kinds import Kind, Measured
from lcsi_briefs.pdf.preflight.report import REPORT, summary
from lcsi_briefs.pdf.render import RenderJob, render_pdf

from .conftest import REPO, shared_build, small_pack, write_pack
from .packgen import write_generated
from .page_refs import wrong_page_numbers
from .pdftext import page_texts, pdf_text
from .pdfua import elements, pdfua_problems

FIXTURES = Path(__file__).parent / "fixtures" / "valid"
#: Torture packs built together once: a numbers-heavy survey, a one-finding Welsh pack with long
#: names, and generated packs (a 30-finding one among them).
TORTURE = ("numbers-survey.yaml", "welsh-long-names.yaml")
GENERATED = {
    7: {},
    21: {"findings": 30, "audiences": 1, "tables": 0.2, "charts": 0.1},
    # Welsh, long headings: two stranded before a keep could take a page more.
    13: {"language": "cy", "findings": 6, "audiences": 1},
    # A chart of 8 x 3 bars, 860 px tall, after a short key-figures box: its audience edition left
    # a page 17% full until charts were kept under two thirds of a page (about 1.5 s more build).
    6: {},
}

#: Small pages (120 x 80 mm) that break each rule once: a heading left at a page foot, a table
#: leaving one row on a page, a number cut in a narrow cell, italics and small text for large
#: print, and a page left nearly empty before a block too tall to share it.
CSS = """
@page { size: 120mm 80mm; margin: 10mm; }
html { font-size: 10pt; line-height: 12pt; }
p, h2 { margin: 0; }
h2 { break-after: auto; font-size: 10pt; }
p { orphans: 1; widows: 1; }
.fill { height: 50mm; }
.new { break-before: page; }
td { width: 6mm; overflow-wrap: anywhere; }
.large { font-size: 16pt; line-height: 20pt; }
.block { height: 58mm; break-inside: avoid; }
"""
ROWS = "".join(f"<tr><td>{n}</td><td>x</td></tr>" for n in range(12))
PAGE = f"""<html lang="en"><head><title>t</title></head><body>
<section id="heading"><div class="fill"></div><h2>A heading</h2><p>{"word " * 120}</p></section>
<section id="table" class="new"><div class="fill" style="height: 47mm"></div>
<table id="t"><thead><tr><th>H</th><th>I</th></tr></thead><tbody>{ROWS}</tbody></table></section>
<section id="number" class="new"><table><tbody><tr><td>1234567890</td></tr></tbody></table>
<p class="large"><i>slanted</i></p></section>
<section id="empty" class="new"><p>short</p><p class="block">a tall block</p></section>
</body></html>"""


def _measure(folder: Path, *, large_print: bool) -> list[Measured]:
    (folder / "page.css").write_text(CSS, encoding="utf-8")
    target = folder / f"page-{large_print}.pdf"
    sheets = (folder / "page.css",)
    job = RenderJob(PAGE, target, folder.as_uri() + "/", sheets, (folder,), large_print=large_print)
    return render_pdf(job).problems


def _found(problems: list[Measured], kind: Kind) -> list[tuple[int, tuple[str, ...]]]:
    return [(problem.page, problem.anchors) for problem in problems if problem.kind is kind]


def test_preflight_finds_each_problem_where_it_is(tmp_path: Path) -> None:
    problems = _measure(tmp_path, large_print=False)
    assert _found(problems, Kind.STRANDED) == [(1, ("heading",))]
    assert _found(problems, Kind.TABLE) == [(3, ("t", "table"))]
    table = next(problem for problem in problems if problem.kind is Kind.TABLE)
    assert "1 on page 3" in table.message
    broken = [problem.message for problem in problems if problem.kind is Kind.BROKEN]
    assert broken == ["the number '1234' is broken across two lines"], "one report per cell, naming the number"
    assert [page for page, _ in _found(problems, Kind.UNDERFULL)] == [7]
    assert _found(problems, Kind.LARGE_PRINT) == [], "regular print may use small text and italics"


def test_preflight_holds_large_print_to_16pt_without_italics(tmp_path: Path) -> None:
    problems = _measure(tmp_path, large_print=True)
    messages = [problem.message for problem in problems if problem.kind is Kind.LARGE_PRINT]
    assert any(message.startswith("10.0pt text") for message in messages)
    assert any(message.startswith("italic text: 'slanted'") for message in messages)


@pytest.fixture(scope="module")
def torture_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The torture packs built once, site and PDFs, exactly as ``lcsi-briefs build`` does."""

    def make(root: Path) -> None:
        shutil.copy2(REPO / "conf.py", root / "conf.py")
        shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("briefing"))
        (root / "briefings").mkdir()
        for name in TORTURE:
            shutil.copy2(FIXTURES / name, root / "briefings" / name)
        for seed, knobs in GENERATED.items():
            write_generated(root / "briefings", seed, **knobs)
        assert build_all(root) == 0

    return shared_build(tmp_path_factory, "torture", make)


def test_torture_packs_pass_preflight_strict(torture_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["preflight", "--project", str(torture_build), "--strict"])
    out = capsys.readouterr().out
    pdfs = len(list((torture_build / "build" / "pdf").glob("*.pdf")))
    assert out.splitlines() == [f"preflight: 0 problems in {pdfs} PDFs"]
    assert status == 0


def test_a_table_too_wide_for_large_print_is_stacked_and_stays_one_table(torture_build: Path) -> None:
    """Six columns of long words cannot fit at 16pt: the table is printed one block per row, each
    value after its column's header, never a word cut or run past the page, and is still tagged
    as one Table per table however many pages it takes."""
    path = torture_build / "build" / "pdf" / "generated-21--large-print.pdf"
    text = " ".join(page_texts(path))
    assert "Telecommunications: " in text, "a value follows its column's header"
    regular = torture_build / "build" / "pdf" / "generated-21.pdf"
    assert "Telecommunications: " not in " ".join(page_texts(regular)), "regular print keeps the table a grid"
    tables = []
    for pdf_path in (path, regular):
        with pikepdf.open(pdf_path) as pdf:
            assert pdfua_problems(pdf) == []
            tables.append([element.role for element in elements(pdf)].count("/Table"))
    assert tables[0] == tables[1] > 0, "the same tables, each one Table element"


def test_a_table_over_several_pages_is_one_tagged_table(torture_build: Path) -> None:
    """The survey's tables run over pages in large print; each is still one Table, its header
    cells scoped, and the whole tree passes the PDF/UA checks."""
    path = torture_build / "build" / "pdf" / "numbers-survey--large-print.pdf"
    with pikepdf.open(path) as pdf:
        roles = [element.role for element in elements(pdf)]
        assert pdfua_problems(pdf) == []
        # Three data tables and the data tables of three charts.
        assert roles.count("/Table") == 6
        assert len(pdf.pages) > 10


def test_the_bundled_pack_passes_preflight_strict(bundled_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["preflight", "--project", str(bundled_build), "--strict"])
    out = capsys.readouterr().out
    assert out.splitlines() == ["preflight: 0 problems in 30 PDFs"]
    assert status == 0


def test_the_preflight_command_reports_and_fails_only_when_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy2(REPO / "conf.py", tmp_path / "conf.py")
    assert main(["preflight", "--project", str(tmp_path)]) == 2
    assert "run `lcsi-briefs build` first" in capsys.readouterr().err
    folder = tmp_path / "build" / "pdf"
    folder.mkdir(parents=True)
    line = "briefings/x.yaml:12:5: findings[0].tables[0]: x.pdf, page 3: the table ... [table-split]"
    (folder / REPORT).write_text(f'{{"x.pdf": ["{line}"], "y.pdf": []}}', encoding="utf-8")
    assert main(["preflight", "--project", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [line, "preflight: 1 problem in 2 PDFs"]
    assert main(["preflight", "--project", str(tmp_path), "--strict"]) == 1


def test_preflight_of_a_pack_the_last_build_did_not_print_names_its_first_pdfs_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "build" / "pdf"
    folder.mkdir(parents=True)
    (folder / REPORT).write_text('{"other.pdf": []}', encoding="utf-8")
    pack = write_pack(tmp_path / "briefings" / "small.yaml", small_pack())
    assert preflight(folder, [pack], strict=False) == EXIT_USAGE
    message = capsys.readouterr().err.strip()
    assert message.startswith("error: the last build has no small.pdf, small--large-print.pdf, ")
    assert message.endswith(" and 7 more; build these packs first")


def test_summary_counts_problems_and_pdfs() -> None:
    assert summary({"a.pdf": [], "b.pdf": ["x", "y"]}) == "preflight: 2 problems in 2 PDFs"
    assert summary({"a.pdf": []}) == "preflight: 0 problems in 1 PDF"


#: A word long enough that a break inside it is no accident of short words (letters only).
_LONG_WORD = re.compile(r"[^\W\d_]{10,}")
#: A number cut where its digits run on: "2,48 0" (a comma group of fewer than three digits).
_CUT_NUMBER = re.compile(r"\d,\d{1,2}\s+\d")


def _printed_words(pack: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The pack's long words as printed in every edition, and those of its tables' column headers."""
    texts: list[str] = []
    headers: list[str] = []
    for finding in pack["findings"]:
        texts += [finding["statement"], finding.get("explanation", "")]
        for table in finding.get("tables", []):
            headers += [str(column) for column in table["columns"]]
            texts += [str(cell) for row in table["rows"] for cell in row if isinstance(cell, str)]
    for audience in pack["audiences"]:
        texts += [audience["name"], *(implication["text"] for implication in audience["implications"])]
    words = {word for text in texts + headers for word in _LONG_WORD.findall(text)}
    return words, {word for text in headers for word in _LONG_WORD.findall(text)}


def test_an_independent_reading_finds_no_word_or_number_cut_across_lines(torture_build: Path) -> None:
    """Read back from the PDFs (pypdf, not preflight's boxes): in large print every long word of
    the pack prints whole, and in both sizes every column header and every number."""
    for path in sorted((torture_build / "briefings").glob("*.yaml")):
        pack = yaml.safe_load(path.read_text(encoding="utf-8"))
        words, headers = _printed_words(pack)
        assert words, path.name
        for size, wanted in (("--large-print", words), ("", headers)):
            text = pdf_text(torture_build / "build" / "pdf" / f"{path.stem}{size}.pdf")
            assert [word for word in sorted(wanted) if word not in text] == [], f"{path.stem}{size}"
            assert _CUT_NUMBER.findall(text) == [], f"{path.stem}{size}"


@pytest.mark.parametrize("name", ["generated-6--large-print.pdf", "generated-13--large-print.pdf"])
def test_every_page_printed_for_a_link_is_the_page_it_goes_to(torture_build: Path, name: str) -> None:
    """In these two Welsh large-print editions WeasyPrint's target-counter() stopped with pages a
    later page had moved (contents giving 7, 8 and 13 for sections on pages 8, 9 and 14): the
    render checks every layout's printed pages against where the targets fell."""
    assert wrong_page_numbers(torture_build / "build" / "pdf" / name) == []
