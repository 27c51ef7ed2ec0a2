"""The text of a built PDF, read once per test process however many tests ask.

Reading text back from a PDF is the slowest step of most print tests, and several test
modules read the same bundled PDFs: they all ask here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pypdf import PdfReader

from lcsi_briefs.text.paragraphs import fold


@cache
def page_texts(path: Path) -> tuple[str, ...]:
    """Each page's text, whitespace folded."""
    return tuple(fold(page.extract_text()) for page in PdfReader(path).pages)


def pdf_text(path: Path) -> str:
    """The whole document's text, whitespace folded."""
    return fold(" ".join(page_texts(path)))
