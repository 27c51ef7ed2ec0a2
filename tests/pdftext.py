"""The text of a built PDF, read once per run however many tests, and xdist workers, ask.

Reading text back from a PDF is the slowest step of most print tests, and several test
modules read the same bundled PDFs: they all ask here. A PDF of a build shared by the run
(see ``shared_build`` in conftest.py, which names its folders here) is read by the first
worker to ask, which leaves the text beside the build for the others; any other PDF is read
once per test process. Either way a file changed since it was read is read again.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from filelock import FileLock
from pypdf import PdfReader

from lcsi_briefs.text.paragraphs import fold

#: The folders of the builds shared by the run's workers, which tests only read.
SHARED: set[Path] = set()


def share(root: Path) -> None:
    """Texts of the PDFs under ``root`` are kept for every worker (``root`` is only read)."""
    SHARED.add(root.resolve())


def _read(path: Path) -> tuple[str, ...]:
    return tuple(fold(page.extract_text()) for page in PdfReader(path).pages)


@cache
def _texts(path: Path, mtime_ns: int, size: int) -> tuple[str, ...]:
    root = next((root for root in SHARED if path.is_relative_to(root)), None)
    if root is None:
        return _read(path)
    key = hashlib.sha256(f"{path}\0{mtime_ns}\0{size}".encode()).hexdigest()
    kept = root.parent / f"{root.name}.pdftext" / f"{key}.json"
    kept.parent.mkdir(exist_ok=True)
    with FileLock(kept.with_suffix(".lock")):
        if kept.is_file():
            return tuple(json.loads(kept.read_text(encoding="utf-8")))
        texts = _read(path)
        partial = kept.with_suffix(".part")
        partial.write_text(json.dumps(texts), encoding="utf-8")
        partial.replace(kept)
    return texts


def page_texts(path: Path) -> tuple[str, ...]:
    """Each page's text, whitespace folded."""
    resolved = path.resolve()
    stat = resolved.stat()
    return _texts(resolved, stat.st_mtime_ns, stat.st_size)


def pdf_text(path: Path) -> str:
    """The whole document's text, whitespace folded."""
    return fold(" ".join(page_texts(path)))
