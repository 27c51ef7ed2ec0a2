"""Cross-references print their targets' pages, whatever pages the render started from.

A render that knows where the targets were last time writes those pages in and lays the
document out once; when a target has moved it lays it out again with the pages found. Either
way the PDF must be the one WeasyPrint's own ``target-counter()`` gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from weasyprint import HTML

from lcsi_briefs.pdf.page_labels import page_references_css
from lcsi_briefs.pdf.page_numbers import PAGES, KnownPages
from lcsi_briefs.pdf.render import RenderJob, render_pdf
from lcsi_briefs.text.catalogue import translator_for

from .pdftext import page_texts

pytestmark = pytest.mark.pdf

CSS = "@page { size: 120mm 80mm; margin: 10mm; } .new { break-before: page; }"


#: Enough to fill half a page, so no page is too empty for preflight (which would lay it out again).
FILL = "Words to fill the page. " * 10


def _page(references: str) -> str:
    return f"""<html lang="en"><head><meta charset="utf-8"><title>t</title>
<style>{page_references_css(translator_for("en-GB"))}</style></head><body>
<nav class="contents"><ul><li><a href="#second">Second</a></li><li><a href="#third">Third</a></li></ul></nav>
<p>{references}</p>
<h2 id="second" class="new">Second</h2><p>{FILL}</p>
<h2 id="third" class="new">Third</h2><p>{FILL}</p>
</body></html>"""


PAGE = _page(
    'See <a class="lcsi-page-ref" href="#second">the second</a> and '
    '<a class="lcsi-page-ref" href="#third">the third</a>.'
)


def _render(folder: Path, name: str, pages: dict[str, int]) -> tuple[bytes, dict[str, int], list[str]]:
    (folder / "page.css").write_text(CSS, encoding="utf-8")
    target = folder / f"{name}.pdf"
    job = RenderJob(PAGE, target, folder.as_uri() + "/", (folder / "page.css",), (folder,), pages=pages)
    rendered = render_pdf(job)
    return target.read_bytes(), rendered.pages, page_texts(target)


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the document was laid out, counted at WeasyPrint's door."""
    calls: list[int] = []
    render = HTML.render

    def counted(self: HTML, *args: object, **kwargs: object) -> object:
        calls.append(1)
        return render(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(HTML, "render", counted)
    return calls


def test_the_pages_written_in_are_the_pages_found_whatever_the_render_started_from(
    tmp_path: Path, layouts: list[int]
) -> None:
    first, found, texts = _render(tmp_path, "first", {})
    assert found == {"second": 2, "third": 3}
    assert "the second (see page 2) and the third (see page 3)" in " ".join(texts[0].split())
    assert len(layouts) == 1, "a first render leaves the pages to WeasyPrint's target-counter()"

    layouts.clear()
    known, found_again, _ = _render(tmp_path, "known", found)
    assert known == first, "the pages written in print exactly what target-counter() printed"
    assert found_again == found
    assert len(layouts) == 1, "pages that still hold need one layout"

    layouts.clear()
    moved, found_moved, texts_moved = _render(tmp_path, "moved", {"second": 3, "third": 1})
    assert moved == first, "a target that moved is found and its page written in again"
    assert found_moved == found
    assert len(layouts) == 2
    assert "(see page 3)" in " ".join(texts_moved[0].split())


def test_a_target_the_last_render_did_not_know_is_found_too(tmp_path: Path, layouts: list[int]) -> None:
    """An edit that adds a cross-reference: the pages known hold for one target only."""
    first, _, _ = _render(tmp_path, "first", {})
    partly, found, _ = _render(tmp_path, "partly", {"second": 2})
    assert partly == first
    assert found == {"second": 2, "third": 3}


def test_a_pdf_starts_from_its_own_last_pages_and_a_new_members_copy_from_another_copy(tmp_path: Path) -> None:
    """Never from the publisher's edition: a member's foreword moves its targets."""
    (tmp_path / PAGES).write_text(
        json.dumps({"pack.pdf": {"a": 2}, "gone.pdf": {"b": 3}, "members/m/pack--brief.pdf": {"c": 4}}),
        encoding="utf-8",
    )
    known = KnownPages(tmp_path, ["pack.pdf", "members/m/pack.pdf", "members/n/pack.pdf", "members/m/pack--brief.pdf"])
    assert "gone.pdf" not in known.pages

    def job(place: str, length: int = 1) -> RenderJob:
        return RenderJob("x" * length, tmp_path / place, "", (), ())

    publisher, first, second, brief = (
        job("pack.pdf"),
        job("members/m/pack.pdf"),
        job("members/n/pack.pdf"),
        job("members/m/pack--brief.pdf"),
    )
    assert [known.started(one).pages for one in (publisher, first, second, brief)] == [{"a": 2}, {}, {}, {"c": 4}]
    known.found(first, {"a": 3})
    assert known.started(second).pages == {"a": 3}, "from the copy just found"
    known.found(publisher, {"a": 9})
    assert known.started(second).pages == {"a": 3}
    assert known.pages["members/m/pack.pdf"] == {"a": 3}, "kept for the next build"

    # One member's copy of each edition goes first, each group longest first.
    jobs = [job("members/m/e.pdf", 5), job("members/n/e.pdf", 6), job("members/n/f.pdf", 3), job("e.pdf", 1)]
    ordered = [one.target.relative_to(tmp_path).as_posix() for one in known.ordered(jobs)]
    assert ordered == ["members/n/e.pdf", "members/n/f.pdf", "e.pdf", "members/m/e.pdf"]


def test_a_member_added_later_starts_from_a_copy_printed_by_an_earlier_build(tmp_path: Path) -> None:
    """Adding one member to a hundred: its copies start from the others' pages, not from none."""
    (tmp_path / PAGES).write_text(
        json.dumps({"pack.pdf": {"a": 2}, "members/n/pack.pdf": {"a": 4}, "members/m/pack.pdf": {"a": 3}}),
        encoding="utf-8",
    )
    known = KnownPages(tmp_path, ["pack.pdf", "members/m/pack.pdf", "members/n/pack.pdf", "members/new/pack.pdf"])
    added = RenderJob("x", tmp_path / "members" / "new" / "pack.pdf", "", (), ())
    assert known.started(added).pages == {"a": 3}, "the first copy by name: the same whatever order the files are read"
    removed = KnownPages(tmp_path, ["pack.pdf", "members/new/pack.pdf"])
    assert removed.started(added).pages == {}, "not from a copy no longer printed, nor the publisher's"


def test_a_spoilt_record_of_pages_is_a_first_render_not_a_failed_build(tmp_path: Path) -> None:
    (tmp_path / PAGES).write_text('{"pack.pdf": {"a": 2', encoding="utf-8")
    assert KnownPages(tmp_path, ["pack.pdf"]).pages == {}
    (tmp_path / PAGES).write_text('["pack.pdf"]', encoding="utf-8")
    assert KnownPages(tmp_path, ["pack.pdf"]).pages == {}
