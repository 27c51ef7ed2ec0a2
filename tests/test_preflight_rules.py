"""Each preflight rule fires where its fault is, and not on the same page made right.

Small pages (120 x 80 mm, lines of exactly 12pt, every line a ``<br>`` apart) are laid out by
WeasyPrint and measured as the render measures them (:func:`lcsi_briefs.pdf.preflight.measure.measure`),
without the keep passes of ``render_pdf``, which would mend a widow or an orphan before it was
seen. The tagging rules read the structure tree: a render repairs most faults before they are
checked (tables joined, header cells scoped, empty elements dropped), so they are given a
hand-made tree, and the one a render leaves (a picture without words) is rendered.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import weasyprint

from lcsi_briefs.model.running_head import RUNNING_HEAD_ID
from lcsi_briefs.pdf.preflight.kinds import Kind, Measured
from lcsi_briefs.pdf.preflight.measure import measure
from lcsi_briefs.pdf.preflight.tags import tag_problems
from lcsi_briefs.pdf.render import RenderJob, render_pdf

#: 60 mm of text height: 14 lines of 12pt (170.08pt) to a page.
CSS = """
@page { size: 120mm 80mm; margin: 10mm; }
html { font-size: 10pt; line-height: 12pt; font-family: sans-serif; }
body, p, h1, h2, h3, h4 { margin: 0; }
h1, h2, h3, h4 { font-size: 10pt; }
p { orphans: 1; widows: 1; }
.fill { height: 158pt; }
"""
LINES_PER_PAGE = 14


def _lines(count: int) -> str:
    return " <br>".join(f"line {number}" for number in range(1, count + 1))


def _measured(body: str, css: str = "") -> list[Measured]:
    html = f'<html lang="en"><head><title>t</title></head><body>{body}</body></html>'
    sheets = [weasyprint.CSS(string=CSS + css)]
    document = weasyprint.HTML(string=html).render(stylesheets=sheets)
    return measure(document, large_print=False).problems


def _found(problems: list[Measured], kind: Kind) -> list[tuple[int, tuple[str, ...]]]:
    return [(problem.page, problem.anchors) for problem in problems if problem.kind is kind]


@pytest.mark.parametrize(
    ("count", "expected"),
    [(LINES_PER_PAGE + 1, [(2, ("w",))]), (LINES_PER_PAGE + 2, []), (LINES_PER_PAGE, [])],
    ids=["last-line-alone", "two-lines-over", "one-page"],
)
def test_a_last_line_alone_at_a_page_top_is_a_widow(count: int, expected: list[tuple[int, tuple[str, ...]]]) -> None:
    problems = _measured(f'<p id="w">{_lines(count)}</p>')
    assert _found(problems, Kind.WIDOW) == expected
    assert _found(problems, Kind.ORPHAN) == []


@pytest.mark.parametrize(("fill", "expected"), [("158pt", [(1, ("o",))]), ("146pt", [])], ids=["one-line", "two-lines"])
def test_a_first_line_alone_at_a_page_foot_is_an_orphan(fill: str, expected: list[tuple[int, tuple[str, ...]]]) -> None:
    problems = _measured(f'<div style="height: {fill}"></div><p id="o">{_lines(6)}</p>')
    assert _found(problems, Kind.ORPHAN) == expected
    assert _found(problems, Kind.WIDOW) == []
    if expected:
        message = next(problem.message for problem in problems if problem.kind is Kind.ORPHAN)
        words = " ".join(f"line {number}" for number in range(1, 7))
        assert message == f"the first line of {words!r} is alone at the foot of the page"


def test_heading_levels_that_skip_or_run_backwards_are_found_at_the_heading() -> None:
    problems = _measured(
        '<h1 id="a">Title</h1><h3 id="skip">Skipped a level</h3>'
        '<section id="s"><h3>Part</h3><section id="back"><h2>Backwards</h2><p>text</p></section></section>'
    )
    messages = {problem.anchors[0]: problem.message for problem in problems if problem.kind is Kind.HEADINGS}
    assert messages == {
        "skip": "the heading 'Skipped a level' is H3 after an H1: levels skip",
        "back": "the heading 'Backwards' is H2 inside the section of the H3 'Part'",
    }


def test_a_long_heading_is_quoted_cut_with_dots_as_every_message_quotes_what_an_editor_wrote() -> None:
    """Preflight quotes text with model.problems.quoted: a reader sees that the text goes on."""
    long = "A heading that goes on and on well past what a message can quote"
    problems = _measured(f'<h1>Title</h1><h3 id="skip">{long}</h3>')
    [message] = [problem.message for problem in problems if problem.kind is Kind.HEADINGS]
    assert message == f"the heading {long[:57] + '...'!r} is H3 after an H1: levels skip"


def test_a_heading_printed_larger_than_its_sections_is_found() -> None:
    problems = _measured(
        '<section id="s"><h2>Part</h2><section id="big"><h3 style="font-size: 14pt">Larger</h3><p>t</p></section>'
        "</section>"
    )
    [(page, anchors)] = _found(problems, Kind.HEADINGS)
    assert (page, anchors[0]) == (1, "big")


def test_headings_in_order_pass() -> None:
    problems = _measured(
        "<h1>Title</h1><section><h2>Part</h2><p>t</p><section><h3>Sub</h3><p>t</p></section></section><h2>Next</h2>"
    )
    assert _found(problems, Kind.HEADINGS) == []
    assert _found(problems, Kind.BOOKMARKS) == []


def test_a_bookmark_nested_apart_from_its_heading_level_is_found() -> None:
    problems = _measured('<h1>Title</h1><h2 style="bookmark-level: 3">Part</h2><p>t</p>')
    assert [problem.message for problem in problems if problem.kind is Kind.BOOKMARKS] == [
        "the bookmark 'Part' is at level 3, its heading at level 2"
    ]


def test_a_heading_without_a_bookmark_is_no_bookmark_problem() -> None:
    problems = _measured('<h1>Title</h1><h2 style="bookmark-level: none">Part</h2><p>t</p>')
    assert _found(problems, Kind.BOOKMARKS) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '<table style="table-layout: fixed; width: 20mm"><tr><td id="c" style="white-space: nowrap">'
            "Organisations</td></tr></table>",
            ("c", "wider than the box it is set in"),
        ),
        ('<p id="e" style="white-space: nowrap">' + "word " * 40 + "</p>", ("e", "beyond the page's edge")),
        ('<p id="l" style="margin-left: -15mm">Pushed left</p>', ("l", "beyond the page's edge")),
    ],
    ids=["wider-than-its-cell", "past-the-right-edge", "past-the-left-edge"],
)
def test_text_outside_its_box_or_the_page_is_found(body: str, expected: tuple[str, str]) -> None:
    [problem] = [problem for problem in _measured(body) if problem.kind is Kind.OUTSIDE]
    assert (problem.anchors[0], problem.message.endswith(f"runs {expected[1]}")) == (expected[0], True), problem


def test_text_inside_its_boxes_passes() -> None:
    body = '<table style="width: 40mm"><tr><td>Organisations</td></tr></table><p>' + "word " * 40 + "</p>"
    assert _found(_measured(body), Kind.OUTSIDE) == []


@pytest.mark.parametrize(
    ("box", "where"),
    [
        ("@top-left", "runs above the page's top edge"),
        # Set in the middle of its margin, a tall footer runs both ways: its first line is up in the text.
        ("@bottom-left", "runs up into the page's text"),
    ],
    ids=["header", "footer"],
)
def test_a_margin_box_taller_than_its_margin_is_found(box: str, where: str) -> None:
    title = " ".join(["A"] + ["long running title"] * 20)
    css = f"@page {{ {box} {{ content: string(t); font-size: 16pt; line-height: 20pt; }} }}"
    css += "h1 { string-set: t content() }"
    problems = _measured(f'<h1 id="{RUNNING_HEAD_ID}">{title}</h1><p style="break-before: page">t</p>', css)
    outside = [problem for problem in problems if problem.kind is Kind.OUTSIDE]
    what = "running header" if box == "@top-left" else "footer"
    message = f"the {what} text 'A long running title long running' {where}"
    assert [(problem.page, problem.message) for problem in outside] == [(1, message), (2, message)], "once a page"
    # Located at the title that sets the running head; a footer's text has no field to name.
    assert outside[0].anchors == ((RUNNING_HEAD_ID,) if box == "@top-left" else ())
    short = _measured('<h1>A short title</h1><p style="break-before: page">t</p>', css)
    assert _found(short, Kind.OUTSIDE) == []


# The structure tree as lcsi_briefs.pdf.tagging reads it: dictionaries of /S, /K, /A, /Pg, /Alt.
def _element(role: str, kids: list[Any] | None = None, **entries: Any) -> dict[str, Any]:
    return {"S": f"/{role}", "K": [1] if kids is None else kids, "Pg": "page2"} | entries


def _tags(elements: list[dict[str, Any]], tables: int = 1) -> list[str]:
    problems = tag_problems(elements, lambda value: value, {"page2": 2}, tables)
    assert all(problem.kind is Kind.TAGS and problem.page == 2 for problem in problems)
    return [problem.message for problem in problems]


def test_a_table_tagged_as_two_is_found() -> None:
    assert _tags([_element("Table"), _element("Table")]) == [
        "1 tables are tagged as 2 Table elements: a table split over pages is one table"
    ]
    assert _tags([_element("Table"), _element("Table")], tables=2) == []


def test_a_header_cell_without_a_scope_is_found() -> None:
    assert _tags([_element("TH")]) == ["a header cell (TH) has no /Scope"]
    assert _tags([_element("TH", A={"Scope": "/Column"})]) == []


def test_a_figure_without_alt_text_is_found() -> None:
    assert _tags([_element("Figure")]) == ["a Figure has no /Alt text"]
    assert _tags([_element("Figure", Alt=SimpleNamespace(string="  "))]) == ["a Figure has no /Alt text"]
    assert _tags([_element("Figure", Alt=SimpleNamespace(string="Visits by year"))]) == []


def test_an_empty_structure_element_is_found() -> None:
    assert _tags([_element("P", kids=[])]) == ["an empty P element"]
    assert _tags([_element("P", kids=5)]) == [], "one kid, not in a list"


def test_a_rendered_picture_without_words_is_a_figure_without_alt(tmp_path: Path) -> None:
    (tmp_path / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "utf-8")

    def problems(alt: str) -> list[Measured]:
        body = f'<figure><img src="a.svg"{alt}></figure>'
        html = f'<html lang="en"><head><title>t</title></head><body>{body}</body></html>'
        job = RenderJob(html, tmp_path / "x.pdf", tmp_path.as_uri() + "/", (), (tmp_path,))
        return [problem for problem in render_pdf(job).problems if problem.kind is Kind.TAGS]

    assert [problem.message for problem in problems("")] == ["a Figure has no /Alt text"]
    assert problems(' alt="A square"') == []
