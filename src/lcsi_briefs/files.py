"""Output files written whole, and only when their content changed.

A rebuild that writes the same bytes again would touch every file's time and make the site,
the catalogues and the emails look changed to whatever publishes them; a file written in place
could be read half-written. Every writer of build output uses this one rule.
"""

from __future__ import annotations

from pathlib import Path


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` (whole, by renaming) unless it already holds exactly that."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True
