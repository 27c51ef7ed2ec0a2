"""The project's files: which ones a build may read, and output written whole, only when changed.

A pack travels, and a link in it could point anywhere: every reader of a file the project names
(a pack, its folder, a source's text, a logo, a resource the PDF renderer fetches) asks
:func:`lies_inside` whether the file, links followed, is in the folder it must be in.

A rebuild that writes the same bytes again would touch every file's time and make the site,
the catalogues and the emails look changed to whatever publishes them; a file written in place
could be read half-written. Every writer of build output uses this one rule.

A process that read a file keeps what it read until the file changes (:func:`file_state`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

#: A file's inode, size and change time: what a process that read a file before compares to know
#: whether it must read it again (a pack, a catalogue, a logo, a source's text).
FileState = tuple[int, int, int]


def file_state(path: Path) -> FileState | None:
    """The file's state now, or None when it cannot be looked at (gone, or not allowed)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def lies_inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, links and ``..`` followed, lies inside ``folder`` (itself resolved too).

    Comparing the written paths would let ``logos/leeds.svg`` that links to ``/etc`` pass; both
    sides are resolved, so a folder reached through a link still holds its own files.
    """
    return lies_inside_resolved(path.resolve(), [folder.resolve()])


def lies_inside_resolved(path: Path, folders: Iterable[Path]) -> bool:
    """:func:`lies_inside` one of ``folders``, for a path and folders resolved already: a caller
    asking of many paths (a render fetches every image and font) resolves its folders once."""
    return any(path.is_relative_to(folder) for folder in folders)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` (whole, by renaming) unless it already holds exactly that."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True
