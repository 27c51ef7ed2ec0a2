"""A source's plain-text copy (``text_file``): where it may live, and reading it.

``lcsi-briefs check`` reads findings against the whole report when a pack names a local copy of
it (made, say, with ``pdftotext``). The copy is the editor's file beside the pack, never fetched:
a build reads only the project's own files. ``validate`` refuses a copy that is missing, outside
the pack's folder, not a plain file, too large or not UTF-8, so ``check`` can rely on reading it.
"""

from __future__ import annotations

import functools
from pathlib import Path, PurePosixPath

from lcsi_briefs.files import FileState, file_state, lies_inside
from lcsi_briefs.model.problems import Problem
from lcsi_briefs.model.yaml_reader import Document

#: A report's text is a few megabytes at most; anything far larger is a mistake.
MAX_TEXT_BYTES = 16 * 1024 * 1024


def text_file_path(pack_path: Path, text_file: str) -> Path:
    """The copy's path: ``text_file`` is written relative to the pack file's folder, with ``/``."""
    return pack_path.parent.joinpath(*PurePosixPath(text_file).parts)


def _problem_with(pack_path: Path, text_file: str) -> str | None:
    """What is wrong with one ``text_file``, or None."""
    written = PurePosixPath(text_file)
    if written.is_absolute() or ".." in written.parts or "\\" in text_file:
        return f"a path relative to the pack's folder, written with '/', without '..', found {text_file!r}"
    if written.suffix != ".txt":
        return f"a plain text file whose name ends in .txt, found {text_file!r}"
    path = text_file_path(pack_path, text_file)
    if not lies_inside(path, pack_path.parent):
        return f"a file inside the pack's folder, found {text_file!r}, which links outside it"
    if not path.is_file():
        return f"a plain text file, found no file at {path}" if not path.exists() else f"a plain file, found {path}"
    if path.stat().st_size > MAX_TEXT_BYTES:
        return f"a text file of at most {MAX_TEXT_BYTES // (1024 * 1024)} MiB, found {path.stat().st_size:,} bytes"
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return f"UTF-8 text, found the byte 0x{error.object[error.start]:02X} at byte {error.start} of {path}"
    return None


def text_file_problems(document: Document) -> list[Problem]:
    """One problem per source whose ``text_file`` cannot be read as the report's text."""
    data = document.data if isinstance(document.data, dict) else {}
    sources = data.get("sources")
    problems: list[Problem] = []
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        text_file = source.get("text_file") if isinstance(source, dict) else None
        if isinstance(text_file, str) and text_file.strip():
            expected = _problem_with(document.path, text_file.strip())
            if expected:
                problems.append(document.problem(("sources", index, "text_file"), f"expected {expected}"))
    return problems


@functools.cache
def _read(path: Path, _state: FileState | None) -> str:
    return path.read_text(encoding="utf-8").removeprefix("\ufeff")


def read_source_text(pack_path: Path, text_file: str) -> str:
    """The copy's text (validated by the loader); read once per version of the file."""
    path = text_file_path(pack_path, text_file)
    return _read(path, file_state(path))
