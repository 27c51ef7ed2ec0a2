"""The running head: a short form of the title, one line in the top margin, whatever the title.

A 181-character title wrapped to four lines in large print's running header, the first above
the page and the last over the text, and preflight said nothing. Each brief here is built from
the pack alone (no Sphinx) and rendered with the print stylesheets: its second page carries the
running head.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from lcsi_briefs.cli.main import main
from lcsi_briefs.model import running_head as head
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pdf.brief import brief_context, fill_brief
from lcsi_briefs.pdf.preflight.kinds import Kind
from lcsi_briefs.pdf.preflight.report import locate
from lcsi_briefs.pdf.print_setup import HERE, print_stylesheets
from lcsi_briefs.pdf.render import Rendered, RenderJob, render_pdf
from lcsi_briefs.sphinx_ext.directives import continued
from lcsi_briefs.text.measure import text_width

from .conftest import one_audience_pack, write_pack

LONG_TITLE = (
    "What the national evaluation of community libraries, reading groups and neighbourhood learning "
    "schemes found about loneliness, isolation and wellbeing among older residents in towns"
)
_MM = 72 / 25.4


def _pack(folder: Path, **briefing: Any) -> LoadedPack:
    pack = one_audience_pack()
    pack["briefing"].pop("short_title", None)
    pack["briefing"] |= briefing
    # Long enough for the brief to turn over to a second page, where the running head prints.
    pack["briefing"]["summary"] += " Readers met weekly in the library, and said so." * 40
    return load_pack(write_pack(folder / "briefings" / "long.yaml", pack))


def _brief(folder: Path, loaded: LoadedPack, *, large_print: bool) -> tuple[Path, Rendered]:
    audience = loaded.pack.audiences[0].id
    html = fill_brief(brief_context(loaded, audience, url="", created="2026-01-15T00:00:00Z"), large_print=large_print)
    target = folder / f"brief-{large_print}.pdf"
    stylesheets = print_stylesheets(large_print=large_print, brief=True)
    job = RenderJob(html, target, folder.as_uri() + "/", stylesheets, (folder, HERE), large_print=large_print)
    return target, render_pdf(job)


def _header_lines(path: Path) -> list[tuple[float, float]]:
    """The top and bottom (points) of each line of page 2's running header (drawn as an Artifact)."""
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[1]
        chars = [c for c in page.chars if c.get("tag") == "Artifact" and c["top"] < page.height / 2]
    lines: dict[int, tuple[float, float]] = {}
    for char in chars:
        top, bottom = lines.get(round(char["top"]), (char["top"], char["bottom"]))
        lines[round(char["top"])] = (min(top, char["top"]), max(bottom, char["bottom"]))
    return sorted(lines.values())


@pytest.mark.pure
def test_a_head_that_fits_is_whole_and_a_long_one_is_cut_at_a_word_to_fit() -> None:
    assert head.fit("Libraries and loneliness", 300, 16) == "Libraries and loneliness"
    cut = head.fit(LONG_TITLE, 300, 16)
    assert cut == "What the national evaluation of\u2026"
    assert text_width(cut, 16) <= 300
    assert LONG_TITLE.startswith(cut.removesuffix("\u2026"))
    assert head.fit("community libraries, reading", 150, 16) == "community\u2026", "no comma before the ellipsis"


@pytest.mark.pure
def test_the_short_title_runs_and_a_continued_label_beside_it_leaves_less_room(tmp_path: Path) -> None:
    briefing = _pack(tmp_path, title=LONG_TITLE).pack.briefing
    regular, large = head.head_measure(large_print=False), head.head_measure(large_print=True)
    assert (round(regular.width / _MM), regular.size, round(large.width / _MM), large.size) == (178, 9, 178, 16)
    with_short = briefing.model_copy(update={"short_title": "Libraries and loneliness"})
    assert head.running_head(with_short, large_print=True) == "Libraries and loneliness"
    alone = head.running_head(briefing, large_print=False)
    # What the table directive writes on a table's first row (the running head reads it back).
    body = f"<tr{continued('Organisations invited and replying, grants received & staff', 'cy')}>"
    beside = head.running_head(briefing, large_print=False, body=body)
    assert head.continued_labels(body, large_print=True) == ["(parhad)"]
    assert head.continued_labels(body, large_print=False) == ["Organisations invited and replying\u2026 (parhad)"]
    assert len(beside) < len(alone) < len(LONG_TITLE)


@pytest.mark.parametrize("large_print", [False, True], ids=["regular", "large-print"])
def test_a_long_title_runs_as_one_line_and_preflight_passes(tmp_path: Path, large_print: bool) -> None:
    loaded = _pack(tmp_path, title=LONG_TITLE)
    path, rendered = _brief(tmp_path, loaded, large_print=large_print)
    assert rendered.problems == []
    [(top, bottom)] = _header_lines(path)  # one line, in the brief's 14 mm top margin
    assert 0 <= top < bottom <= 14 * _MM


def test_without_the_shortening_preflight_finds_the_head_outside_its_margin_at_the_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(head, "fit", lambda text, _room, _size: text)
    loaded = _pack(tmp_path, title=LONG_TITLE)
    path, rendered = _brief(tmp_path, loaded, large_print=True)
    outside = [problem for problem in rendered.problems if problem.kind is Kind.OUTSIDE]
    assert outside, "a four-line head: above the page and over the text"
    assert len(_header_lines(path)) > 2
    line = loaded.position(("briefing", "title"))[0]
    located = locate(outside[:1], "brief.pdf", loaded)
    assert located[0].startswith(f"{loaded.path}:{line}:"), located
    assert "briefing.title: brief.pdf, page 2: the running header text" in located[0]
    assert "runs above the page's top edge [outside-box]" in located[0]


def test_validate_warns_at_the_title_that_a_running_head_needs_a_short_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loaded = _pack(tmp_path, title=LONG_TITLE)
    assert main(["validate", str(loaded.path)]) == 0
    line, column = loaded.position(("briefing", "title"))
    warning = next(line for line in capsys.readouterr().err.splitlines() if "running head" in line)
    assert warning == (
        f"{loaded.path}:{line}:{column}: warning: briefing.title: the title is 528 mm long at the running "
        "head's 16pt in large print, too long for one line of the page's 174 mm; it runs shortened to "
        "'What the national evaluation of community libraries\u2026': give the briefing a short_title "
        "(at most 60 characters) to run instead"
    )
    assert head.running_head_problems(_pack(tmp_path, title=LONG_TITLE, short_title="Libraries and loneliness")) == []
    assert head.running_head_problems(_pack(tmp_path, title="Libraries and loneliness")) == []
