"""A table over several pages says "(continued)" above its repeated header row, and is read once.

The words are in the running header (a page margin box, which the tagging marks as an Artifact):
on each page the table goes on to, never on the page it starts on or after it ends, never in the
tagged text a screen reader reads, and the table stays one Table in the tags.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from lcsi_briefs.pdf.print_setup import HERE, print_stylesheets
from lcsi_briefs.pdf.render import RenderJob, render_pdf
from lcsi_briefs.sphinx_ext.directives import CONTINUED_CAPTION, _table_html, continued

from .pdfua import artifact_texts, elements, pdfua_problems

CAPTION = "Groups by area"


def _render(folder: Path, language: str, *, large_print: bool) -> Path:
    rows = [[f"Area {number}", str(1000 + number), f"{number}%"] for number in range(1, 61)]
    table = _table_html("t", CAPTION, ["Area", "Groups", "Share"], rows, row_headers=True, language=language)
    after = "".join(f"<p>After the table, paragraph {number}.</p>" for number in range(3))
    html = (
        f'<html lang="{language}"><head><title>t</title></head><body><section id="s"><h1>Groups</h1>'
        f'<p>Before the table.</p><div class="lcsi-table-wrap">{table}</div>'
        f'<p style="break-before: page">Source: the survey.</p>{after}</section></body></html>'
    )
    target = folder / f"{language}-{large_print}.pdf"
    job = RenderJob(html, target, folder.as_uri() + "/", print_stylesheets(large_print=large_print), (folder, HERE))
    assert render_pdf(job).problems == []
    return target


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    ("language", "large_print", "words"),
    [("en", False, f"{CAPTION} (continued)"), ("cy", True, "(parhad)")],
    ids=["regular-en", "large-print-cy"],
)
def test_a_split_table_says_continued_on_each_page_it_goes_on_to_and_is_read_once(
    tmp_path: Path, language: str, large_print: bool, words: str
) -> None:
    path = _render(tmp_path, language, large_print=large_print)
    with pikepdf.open(path) as pdf:
        assert [element.role for element in elements(pdf)].count("/Table") == 1
        assert pdfua_problems(pdf) == []
    texts = artifact_texts(path)
    holding = [index for index, (_, tagged) in enumerate(texts) if "Area" in tagged]
    assert len(holding) >= 3, "the table runs over three pages or more"
    said = [index for index, (artifacts, _) in enumerate(texts) if _squeezed(words) in _squeezed(artifacts)]
    assert said == holding[1:], "on every page the table goes on to, and on no other"
    assert all(_squeezed(words) not in _squeezed(tagged) for _, tagged in texts), "read once: never tagged"
    assert texts[-1][1], "a page after the table, without the words"


@pytest.mark.pure
def test_a_long_caption_is_cut_at_a_word_in_the_running_header() -> None:
    caption = "Organisations invited and replying, grants received and staff employed, by area"
    attributes = continued(caption, "en")
    assert len(caption) > CONTINUED_CAPTION
    assert 'data-continued="Organisations invited and replying\u2026 (continued)"' in attributes
    assert 'data-continued-short="(continued)"' in attributes


@pytest.mark.pure
def test_the_caption_is_cut_as_the_running_head_is() -> None:
    """One rule (text/shorten.py) for both: a word ending at the limit stays, no dash before the
    ellipsis, and a word longer than the limit is cut to it, the ellipsis included."""

    def short(caption: str) -> str:
        return continued(caption, "en").split('"')[1].removesuffix(" (continued)")

    at_limit = "Organisations Cyngor employed; replying, received"  # "replying," ends at character 40
    assert short(at_limit) == "Organisations Cyngor employed; replying\u2026"
    dashed = "grants income grants grants by by \u2014 income \u2014 received"
    assert short(dashed) == "grants income grants grants by by\u2026"
    assert short("a" * 60) == "a" * (CONTINUED_CAPTION - 1) + "\u2026"
    assert max(len(short(at_limit[:n] + " more words")) for n in range(len(at_limit))) <= CONTINUED_CAPTION
