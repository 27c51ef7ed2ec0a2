"""Every kind of warning lcsi-briefs gives, as one enum, so each can be named and silenced.

A warning is logged through ``sphinx.util.logging`` with ``type="lcsi"``, a subtype from
:class:`BriefsWarnings` and a location (the pack file, ``conf.py`` or the page), so ``-W``
turns it into an error and ``suppress_warnings = ["lcsi.weasyprint"]`` silences one kind.
MyST-Parser's ``MystWarnings`` is the model. Notes for the person running the build (not
problems) go through :func:`note`, which ``lcsi-briefs build`` shows and ``sphinx-build``
shows among its own output.

The subtypes are listed for editors in ``docs/editing.md``; a test keeps that list complete.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any

from sphinx.util import logging

#: The ``type`` of every warning and note this package logs.
WARNING_TYPE = "lcsi"


class BriefsWarnings(Enum):
    """The subtypes of ``lcsi`` warnings; each value's docstring says what it means."""

    CONFIG = "config"
    """A ``lcsi_briefs_*`` setting in ``conf.py`` has the wrong type or is out of range; the default is used."""
    DOWNLOADS = "downloads"
    """A ``{briefing-downloads}`` directive names a pack that does not exist."""
    TWINS = "twins"
    """A pack and its translation (``translation_of``) differ in findings, sources, implications or number."""
    WEASYPRINT = "weasyprint"
    """WeasyPrint reported a problem while printing an edition (a missing image, a font, CSS)."""


def warn(
    logger: logging.SphinxLoggerAdapter, subtype: BriefsWarnings, message: str, *args: Any, location: Any = None
) -> None:
    """Log one warning of ``subtype`` at ``location`` (a path, ``path:line``, a docname pair or a node)."""
    logger.warning(message, *args, type=WARNING_TYPE, subtype=subtype.value, location=location)


def note(logger: logging.SphinxLoggerAdapter, message: str, *args: Any) -> None:
    """Tell the person running the build something worth knowing that is not a problem."""
    logger.info(message, *args, type=WARNING_TYPE)


def is_note(record: Any) -> bool:
    """Whether a log record is one of our notes: the channel ``lcsi-briefs build`` prints."""
    return getattr(record, "type", None) == WARNING_TYPE and record.levelno < 30  # below WARNING


def file_location(path: Path, pattern: str, *, last: bool = False) -> str:
    """``path:line`` of the first (or last) line matching ``pattern``, else line 1.

    Sphinx reads a location without a line number as a document name, so files outside the
    source tree (a pack, ``conf.py``) always get one.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    found = re.compile(pattern)
    matching = [number for number, text in enumerate(lines, start=1) if found.search(text)] or [1]
    line = matching[-1] if last else matching[0]
    return f"{path}:{line}"


def pack_location(path: Path, audience_id: str | None = None) -> str:
    """Where an edition starts in its pack: the audience's id line, or the ``briefing:`` key."""
    if audience_id is None:
        return file_location(path, r"^briefing\s*:")
    return file_location(path, rf"^\s*(-\s*)?id\s*:\s*['\"]?{re.escape(audience_id)}['\"]?\s*(#.*)?$")
