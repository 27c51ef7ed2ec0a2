"""Faults of the machine, not of the data: a full disk, a read-only folder, a second build at once.

Each becomes one sentence an editor can act on, instead of a traceback. The build keeps the
last good output in every case (see ``build._publish``); these helpers only say what happened
and stop two builds of one project from writing into the same work folder.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; builds are not serialised there
    fcntl = None  # type: ignore[assignment]

#: What each error means, in words, for the errors a build can meet while writing.
_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the folder is read-only",
    errno.EACCES: "there is no permission to write there",
    errno.EPERM: "there is no permission to write there",
    errno.ENOENT: "a folder was removed while the build ran",
    errno.EIO: "the disk reported an input/output error",
}


def is_machine_fault(error: OSError) -> bool:
    """Whether an error is the machine's (disk, permissions) rather than the data's."""
    return error.errno in _CAUSES and error.errno != errno.ENOENT


class BuildRunningError(Exception):
    """Another build holds this project's lock."""


def find_os_error(error: BaseException | None) -> OSError | None:
    """The ``OSError`` at the root of ``error``: Sphinx wraps one raised in an event handler."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError):
            return error
        # An error raised "from None" replaced its context on purpose (a file the data names
        # could not be read, say): that is not a fault of the machine.
        context = None if error.__suppress_context__ else error.__context__
        error = getattr(error, "orig_exc", None) or error.__cause__ or context
    return None


def fault_sentence(error: OSError, project: Path) -> str:
    """One sentence: what went wrong, which file, and that the last good output is unchanged."""
    cause = _CAUSES.get(error.errno or 0, error.strerror or str(error))
    where = ""
    # A failed copy names its source first and its destination second: the destination is
    # what could not be written.
    written = error.filename2 or error.filename
    if written:
        path = Path(os.fsdecode(written))
        where = f", so {path.relative_to(project) if path.is_relative_to(project) else path} could not be written"
    return f"Build failed: {cause}{where}; the last good output in build/ is unchanged."


def _open_lock(path: Path) -> IO[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("a+", encoding="utf-8")


@contextmanager
def one_build_at_a_time(project: Path, lock: Path) -> Iterator[None]:
    """Hold ``lock`` for the whole build; refuse at once, naming the process, if another holds it.

    ``flock`` locks go when their holder exits, even by ``kill -9``, so a crashed build never
    leaves the project locked. They also stay while any process forked during the build keeps
    the file open (sphinx-sitemap leaves one running per language), so the build lets go of
    the lock itself as it ends: the next build in the same process (the preview's, a script's)
    would otherwise be refused by its own lock.
    """
    with _open_lock(lock) as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = next(iter(handle.read().split()), "unknown")
                raise BuildRunningError(
                    f"Another build of {project} is running (process {holder}); "
                    "wait for it to finish, then build again."
                ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)
