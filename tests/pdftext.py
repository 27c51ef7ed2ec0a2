"""The text of a built PDF, and where its lines sit, read once per run however many tests,
and xdist workers, ask.

Reading text back from a PDF is the slowest step of most print tests, and several test
modules read the same bundled PDFs: they all ask here. A PDF of a build shared by the run
(see ``shared_build`` in conftest.py, which names its folders here) is read by the first
worker to ask, which leaves what it read beside the build for the others; any other PDF is
read once per test process. Either way a file changed since it was read is read again.

The text is poppler's (``pdftotext -raw``, in the order it is drawn, as pypdf gives it): it
read the bundled pack's 30 PDFs in 0.6 s where pypdf took 8.3 s, to the same words on 127 of
130 PDFs compared (on the other three poppler puts a space before a list's number that starts
a line, where pypdf ran it into the word before). Where each line sits is read from the content
streams with pikepdf (``contentstream``): 1.9 s for the 30 PDFs where pypdf's text visitor took
20 s, to the same baselines and the same words on every line of all their 239 pages.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from filelock import FileLock

from lcsi_briefs.text.paragraphs import fold

if __package__:
    from . import contentstream
else:  # imported by pagefill.py run as a script
    import contentstream  # type: ignore[no-redef]

#: The folders of the builds shared by the run's workers, which tests only read.
SHARED: set[Path] = set()

#: What a reader makes of a PDF, as JSON holds it (lists, not tuples), to keep for other workers.
Reader = Callable[[Path], Any]


def share(root: Path) -> None:
    """What is read from the PDFs under ``root`` is kept for every worker (``root`` is only read)."""
    SHARED.add(root.resolve())


def read_once(path: Path, reader: Reader) -> Any:
    """``reader(path)``, worked out once per run for a shared build's PDF, once per process
    otherwise, and again whenever the file changes."""
    resolved = path.resolve()
    stat = resolved.stat()
    return _read_once(resolved, stat.st_mtime_ns, stat.st_size, reader)


@cache
def _read_once(path: Path, mtime_ns: int, size: int, reader: Reader) -> Any:
    root = next((root for root in SHARED if path.is_relative_to(root)), None)
    if root is None:
        return json.loads(json.dumps(reader(path)))
    key = hashlib.sha256(f"{path}\0{mtime_ns}\0{size}\0{reader.__module__}.{reader.__qualname__}".encode())
    kept = root.parent / f"{root.name}.read" / f"{key.hexdigest()}.json"
    kept.parent.mkdir(exist_ok=True)
    with FileLock(kept.with_suffix(".lock")):
        if not kept.is_file():
            partial = kept.with_suffix(".part")
            partial.write_text(json.dumps(reader(path)), encoding="utf-8")
            partial.replace(kept)
        return json.loads(kept.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Page:
    """One page as read: its height with its text by baseline (for pagefill.py)."""

    height: float
    #: Each line's text by its baseline, in points from the foot of the page.
    lines: dict[float, str]


def _read_page(page: contentstream.Page) -> list[Any]:
    """The page's height, and its text by baseline as pypdf's ``extract_text`` visitor gave it (a
    space where a run of a text block starts half a space or more past the run before it)."""
    lines: dict[int, str] = {}
    before: contentstream.Run | None = None
    for run in page.runs:
        if not run.text.strip():
            continue
        baseline, text = round(run.matrix[5]), run.text
        same_line = before is not None and before.block == run.block and round(before.matrix[5]) == baseline
        new_word = same_line and before is not None and contentstream.starts_word(before, run)
        if new_word and lines[baseline][-1:] != " " and not text[:1].isspace():
            text = " " + text
        lines[baseline] = lines.get(baseline, "") + text
        before = run
    return [page.height, list(lines.items())]


def _read_pages(path: Path) -> list[list[Any]]:
    return [_read_page(page) for page in contentstream.read(path)]


def pages(path: Path) -> tuple[Page, ...]:
    """Each page as read."""
    return tuple(Page(height, {float(y): line for y, line in lines}) for height, lines in read_once(path, _read_pages))


def _drawn(path: Path) -> str:
    """The document's text in the order it is drawn (poppler's ``pdftotext -raw``, far quicker
    than pypdf), a form feed ending every page, the last one included."""
    command = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
    return subprocess.run(command, check=True, capture_output=True).stdout.decode("utf-8")


def _read_texts(path: Path) -> list[str]:
    """Each page's text, whitespace folded."""
    return [fold(page) for page in read_once(path, _drawn).split("\f")[:-1]]


def text_lines(path: Path) -> list[str]:
    """Every line of text as poppler draws it, in order, each with its whitespace folded."""
    return [fold(line) for line in read_once(path, _drawn).splitlines() if line.strip()]


def page_texts(path: Path) -> tuple[str, ...]:
    """Each page's text, whitespace folded."""
    return tuple(_read_texts(path))


def pdf_text(path: Path) -> str:
    """The whole document's text, whitespace folded."""
    return fold(" ".join(page_texts(path)))
