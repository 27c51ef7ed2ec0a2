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

import ast
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from lcsi_briefs.model.pack import LoadedPack

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


def setting_location(conf: Path, name: str) -> str:
    """``conf.py:line`` of the last assignment to setting ``name``, the one Sphinx keeps; else line 1.

    Read from conf.py's syntax tree, so a comment or a string that mentions the name is never
    taken for it. Sphinx reads a location without a line number as a document name, so files
    outside the source tree always get one.
    """
    try:
        tree = ast.parse(conf.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return f"{conf}:1"
    lines = [
        node.lineno
        for node in tree.body
        if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets))
        or (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name)
    ]
    return f"{conf}:{lines[-1] if lines else 1}"


def pack_location(loaded: LoadedPack, audience_id: str | None = None) -> str:
    """Where an edition starts in its pack: the audience's entry, or the ``briefing`` key."""
    if audience_id is None:
        return loaded.location(("briefing",))
    index = next(i for i, audience in enumerate(loaded.pack.audiences) if audience.id == audience_id)
    return loaded.location(("audiences", index, "id"))
