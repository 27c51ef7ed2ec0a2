"""The text of a built PDF, and where its lines sit, read once per run however many tests,
and xdist workers, ask.

Reading text back from a PDF is the slowest step of most print tests, and several test
modules read the same bundled PDFs: they all ask here. A PDF of a build shared by the run
(see ``shared_build`` in conftest.py, which names its folders here) is read by the first
worker to ask, which leaves the text beside the build for the others; any other PDF is read
once per test process. Either way a file changed since it was read is read again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from filelock import FileLock
from pypdf import PageObject, PdfReader

from lcsi_briefs.text.paragraphs import fold

#: The folders of the builds shared by the run's workers, which tests only read.
SHARED: set[Path] = set()


def share(root: Path) -> None:
    """Texts of the PDFs under ``root`` are kept for every worker (``root`` is only read)."""
    SHARED.add(root.resolve())


@dataclass(frozen=True)
class Page:
    """One page as read: its text, and its height with its text by baseline (for pagefill.py)."""

    text: str
    height: float
    #: Each line's text by its baseline, in points from the foot of the page.
    lines: dict[float, str]


def _read_page(page: PageObject) -> Page:
    lines: dict[float, str] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            # The text's origin in page space: the text matrix, then the current transformation.
            x, y = tm[4], tm[5]
            baseline = round(cm[1] * x + cm[3] * y + cm[5])
            lines[baseline] = lines.get(baseline, "") + text

    text = page.extract_text(visitor_text=visit)
    return Page(fold(text), float(page.mediabox.height), lines)


def _read(path: Path) -> tuple[Page, ...]:
    return tuple(_read_page(page) for page in PdfReader(path).pages)


def _dumps(pages: tuple[Page, ...]) -> str:
    return json.dumps([[page.text, page.height, list(page.lines.items())] for page in pages])


def _loads(kept: str) -> tuple[Page, ...]:
    return tuple(Page(text, height, {float(y): line for y, line in lines}) for text, height, lines in json.loads(kept))


@cache
def _pages(path: Path, mtime_ns: int, size: int) -> tuple[Page, ...]:
    root = next((root for root in SHARED if path.is_relative_to(root)), None)
    if root is None:
        return _read(path)
    key = hashlib.sha256(f"{path}\0{mtime_ns}\0{size}".encode()).hexdigest()
    kept = root.parent / f"{root.name}.pdftext" / f"{key}.json"
    kept.parent.mkdir(exist_ok=True)
    with FileLock(kept.with_suffix(".lock")):
        if kept.is_file():
            return _loads(kept.read_text(encoding="utf-8"))
        pages = _read(path)
        partial = kept.with_suffix(".part")
        partial.write_text(_dumps(pages), encoding="utf-8")
        partial.replace(kept)
    return pages


def pages(path: Path) -> tuple[Page, ...]:
    """Each page as read."""
    resolved = path.resolve()
    stat = resolved.stat()
    return _pages(resolved, stat.st_mtime_ns, stat.st_size)


def page_texts(path: Path) -> tuple[str, ...]:
    """Each page's text, whitespace folded."""
    return tuple(page.text for page in pages(path))


def pdf_text(path: Path) -> str:
    """The whole document's text, whitespace folded."""
    return fold(" ".join(page_texts(path)))
