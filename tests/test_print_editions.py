"""What a member would notice in the printed editions as built: read from the bundled PDFs.

The full briefing once printed its title block and whole summary twice (the cover, then again
straight after the contents).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pypdf import PdfReader

from lcsi_briefs.editions import editions
from lcsi_briefs.loader import load_pack
from lcsi_briefs.text import fold, paragraphs

from .conftest import REPO


@cache
def _text(path: Path) -> str:
    """A PDF's text, whitespace folded; read once however many tests ask."""
    return fold(" ".join(page.extract_text() for page in PdfReader(path).pages))


def _pdf(root: Path, name: str) -> Path:
    return root / "build" / "pdf" / name


def test_every_edition_prints_the_summary_and_subtitle_once(bundled_build: Path) -> None:
    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    briefing = loaded.pack.briefing
    # The summary's last sentence: the cover and the body spell out abbreviations differently.
    last = paragraphs(briefing.summary)[-1].rsplit(". ", 1)[-1]
    counts = {}
    for edition in editions(loaded):
        if not edition.brief:
            text = _text(_pdf(bundled_build, edition.filename))
            counts[edition.filename] = (text.count(last), text.count(fold(briefing.subtitle or "")))
    assert counts == dict.fromkeys(counts, (1, 1))
    assert len(counts) == 16


def test_the_contents_send_a_reader_to_the_summary(bundled_build: Path) -> None:
    """On the cover in the standard print; opening the body in large print, whose cover lacks it."""
    for name, page in (("lcsi-2025.pdf", "1"), ("lcsi-2025--large-print.pdf", "3")):
        contents = fold(PdfReader(_pdf(bundled_build, name)).pages[1].extract_text())
        assert f"Summary {page} " in contents, name


def test_only_the_full_briefing_prints_the_findings_at_a_glance(bundled_build: Path) -> None:
    """An audience edition prints only the findings its implications rest on, not all twelve."""
    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    counts = {
        edition.filename: _text(_pdf(bundled_build, edition.filename)).count("At a glance")
        for edition in editions(loaded)
        if not edition.brief
    }
    assert counts == {name: int(name.startswith("lcsi-2025.") or "2025--large" in name) for name in counts}
