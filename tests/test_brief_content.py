"""The one-sheet brief keeps the argument, the caveat and the way back to the evidence.

Rendered from the bundled pack, every fixture pack and generated packs, then read back from the
PDF: every sentence of each implication and of the note on them (or of the editor's short form)
is there, the research's publisher is named, the sources are working links, and a brief runs
past its pages only with a warning saying so (the bundled briefs and the fixtures' never do).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lcsi_briefs.check import check_pack
from lcsi_briefs.check.prose import sentences
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import PackError
from lcsi_briefs.pdf.brief import audience_url, brief_context, fill_brief
from lcsi_briefs.pdf.print_setup import BRIEF_PAGES, HERE, LARGE_PRINT_BRIEF_PAGES, brief_limit, print_stylesheets
from lcsi_briefs.pdf.render import TOO_LONG, RenderJob, render_pdf
from lcsi_briefs.text.paragraphs import fold, paragraphs

from . import contentstream
from .conftest import REPO, small_pack, write_pack
from .packgen import write_generated

SITE = "https://briefings.example.org/"
FIXTURES = sorted((REPO / "tests" / "fixtures" / "valid").glob("*.yaml"))


def render(loaded: LoadedPack, audience_id: str, folder: Path, *, large_print: bool = False) -> tuple[Path, list[str]]:
    url = audience_url(SITE, loaded, audience_id, "briefing", ".html")
    html = fill_brief(
        brief_context(loaded, audience_id, url=url, created="2026-01-15T00:00:00Z"), large_print=large_print
    )
    target = folder / f"{loaded.slug}--{audience_id}{'--large-print' if large_print else ''}.pdf"
    job = RenderJob(
        html=html,
        target=target,
        base_url=folder.as_uri() + "/",
        stylesheets=print_stylesheets(large_print=large_print, brief=True),
        allowed_roots=(folder, HERE),
        limit=brief_limit(large_print=large_print),
    )
    return target, render_pdf(job).warnings


#: What a list's marker draws ("•", "12."): drawn after the page's text, so left out.
_MARKER = re.compile(r"\s*(\u2022|\d+\.)?\s*")


def body_texts(path: Path) -> list[str]:
    """Each page's text in drawing order, without what sits in the top 36pt and bottom 45pt: the
    running header and footer, which read back mid-sentence where a page breaks one.

    Read from the content streams (``contentstream``) as pypdf's text visitor gave it, in a third
    of the time: a space before each new line, and before a run of a text block that starts half
    a space or more past the run before it (the same text on all 48 briefs of the bundled, small
    and torture builds, and on every brief these tests render).
    """
    texts = []
    for page in contentstream.read(path):
        parts: list[str] = []
        last, before = 0.0, None
        for run in page.runs:
            y = run.matrix[5]
            if not 45 < y < page.height - 36 or _MARKER.fullmatch(run.text):
                continue
            text = run.text
            if abs(y - last) >= 1:
                text = f" {text}"
            elif before is not None and before.block == run.block and contentstream.starts_word(before, run):
                text = text if parts[-1][-1:] == " " or text[:1].isspace() else f" {text}"
            parts.append(text)
            last, before = y, run
        texts.append("".join(parts))
    return texts


def read_back(loaded: LoadedPack, path: Path) -> str:
    """The PDF's body text (no running header or footer to land mid-sentence at a page break),
    folded, with each abbreviation's spelled-out first use put back as written."""
    text = fold(" ".join(body_texts(path)))
    # A line broken after a hyphen reads back as "under- developed".
    text = re.sub(r"(?<=\w)- (?=\w)", "-", text)
    for entry in loaded.pack.glossary:
        if entry.expansion:
            text = re.sub(rf"{re.escape(fold(entry.expansion))} \({re.escape(entry.term)}\)", entry.term, text)
    return text


def link_targets(path: Path) -> list[str]:
    return [
        str(annotation.get_object()["/A"]["/URI"])
        for page in PdfReader(path).pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/Subtype") == "/Link" and "/URI" in annotation.get_object().get("/A", {})
    ]


def assert_keeps_the_argument(loaded: LoadedPack, audience_id: str, path: Path) -> None:
    pack = loaded.pack
    text = read_back(loaded, path)
    audience = pack.audience(audience_id)
    note = pack.briefing.about_implications_brief or pack.briefing.about_implications
    wanted = [note] + [implication.brief or implication.text for implication in audience.implications]
    for paragraph in (p for full in wanted for p in paragraphs(full)):
        for _offset, sentence in sentences(paragraph):
            assert fold(sentence) in text, (path.name, sentence)
    cited = {f for implication in audience.implications for f in implication.findings}
    sources = [pack.source(s) for finding in pack.findings if finding.id in cited for s in finding.source_ids]
    assert any(fold(name) in text for source in sources for name in [source.publisher, *source.authors])
    targets = link_targets(path)
    assert targets, f"{path.name}: no link"
    assert all(target.startswith("https://") for target in targets)
    assert {source.url for source in sources if source.url} <= set(targets)
    assert "a(c)" not in text


def test_bundled_briefs_keep_every_sentence_and_fit_two_pages(bundled: LoadedPack, tmp_path: Path) -> None:
    for audience in bundled.pack.audiences:
        path, warnings = render(bundled, audience.id, tmp_path)
        assert warnings == [], warnings
        assert len(PdfReader(path).pages) <= BRIEF_PAGES
        assert_keeps_the_argument(bundled, audience.id, path)
        assert f"{SITE}briefing/lcsi-2025/audiences/{audience.id}.html" in link_targets(path)


@pytest.mark.parametrize("audience", ["local-infrastructure", "local-government"])
def test_the_longest_bundled_large_print_briefs_fit_four_pages_with_closer_lines(
    bundled: LoadedPack, audience: str, tmp_path: Path
) -> None:
    """These two run to five pages at the usual spacing; the one step (single line spacing, as
    UKAAF's guidance asks, at 16pt still) brings them to four, every sentence kept."""
    path, warnings = render(bundled, audience, tmp_path, large_print=True)
    assert warnings == [], warnings
    assert len(PdfReader(path).pages) <= LARGE_PRINT_BRIEF_PAGES
    assert_keeps_the_argument(bundled, audience, path)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_fixture_briefs_keep_every_sentence_in_standard_and_large_print(fixture: Path, tmp_path: Path) -> None:
    loaded = load_pack(fixture)
    for audience in loaded.pack.audiences:
        for large_print, pages in ((False, BRIEF_PAGES), (True, LARGE_PRINT_BRIEF_PAGES)):
            path, warnings = render(loaded, audience.id, tmp_path, large_print=large_print)
            assert warnings == [], warnings
            assert len(PdfReader(path).pages) <= pages
            assert_keeps_the_argument(loaded, audience.id, path)


@pytest.mark.parametrize("seed", [3, 5, 11])
def test_generated_briefs_keep_every_sentence_and_say_when_they_run_long(seed: int, tmp_path: Path) -> None:
    loaded = load_pack(write_generated(tmp_path / "packs", seed))
    for audience in loaded.pack.audiences:
        path, warnings = render(loaded, audience.id, tmp_path)
        assert_keeps_the_argument(loaded, audience.id, path)
        too_long = len(PdfReader(path).pages) > BRIEF_PAGES
        assert too_long == any(w.startswith(TOO_LONG) for w in warnings), (path.name, warnings)


def test_a_welsh_brief_lists_its_findings_with_a_or_ac(tmp_path: Path) -> None:
    loaded = load_pack(REPO / "tests" / "fixtures" / "valid" / "welsh-long-names.yaml")
    for audience in loaded.pack.audiences:
        path, _warnings = render(loaded, audience.id, tmp_path)
        text = read_back(loaded, path)
        assert "Yn seiliedig ar" in text and "a(c)" not in text


def test_short_forms_are_printed_instead_of_the_full_text(tmp_path: Path) -> None:
    pack = small_pack()
    pack["briefing"]["about_implications"] = "These implications are our reading of the findings. " + (
        "They are not the study's words. " * 3
    )
    pack["briefing"]["about_implications_brief"] = "These implications are our reading, not the study's."
    implication = pack["audiences"][0]["implications"][0]
    implication["text"] = "Visits matter more than loans. In our view, councils should count them. " * 3
    implication["brief"] = "In our view, councils should count visits, not loans."
    loaded = load_pack(write_pack(tmp_path / "short.yaml", pack))
    path, _warnings = render(loaded, "councils", tmp_path)
    text = read_back(loaded, path)
    assert "In our view, councils should count visits, not loans." in text
    assert "Visits matter more than loans." not in text
    assert "These implications are our reading, not the study's." in text
    assert "They are not the study's words." not in text


def short_form_warnings(pack: dict[str, object], path: Path) -> list[str]:
    return [w.message for w in check_pack(load_pack(write_pack(path, pack))) if w.field.endswith(".brief")]


def test_a_short_form_that_no_longer_says_it_is_our_reading_is_refused(tmp_path: Path) -> None:
    """Refused by validation, at the short form's line (the fixture ``short-form-without-our-reading``
    shows the message ``validate`` prints); the pack's own markers are the ones read."""
    pack = small_pack()
    implication = pack["audiences"][0]["implications"][0]
    implication["text"] = "Visits matter more than loans. To our minds, councils should count them."
    implication["brief"] = "Councils should count visits."
    pack["editorial"] = {"own_reading_markers": ["to our minds"]}
    with pytest.raises(PackError) as refused:
        load_pack(write_pack(tmp_path / "short.yaml", pack))
    [problem] = refused.value.problems
    assert problem.field == "audiences[0].implications[0].brief"
    assert "as the full text does with 'To our minds'" in problem.message
    implication["brief"] = "To our minds, councils should count visits."
    assert load_pack(write_pack(tmp_path / "short.yaml", pack)).pack.audiences[0].implications[0].brief


def test_check_warns_where_a_short_form_drops_a_hedge(tmp_path: Path) -> None:
    pack = small_pack()
    implication = pack["audiences"][0]["implications"][0]
    implication["text"] = "Visits may matter more than loans. Our reading is that councils should count them."
    implication["brief"] = "Visits matter more than loans; our reading is that councils should count them."
    [warning] = short_form_warnings(pack, tmp_path / "hedge.yaml")
    assert "drops a hedge the full text has (possibility: 'may')" in warning
