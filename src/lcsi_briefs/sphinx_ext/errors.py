"""Errors that stop a build. Sphinx prints a SphinxError's category and message, no traceback."""

from __future__ import annotations

from sphinx.errors import SphinxError


class BriefingDataError(SphinxError):
    """A briefing pack has problems; the message lists every one of them."""

    category = "Briefing data error"


class GeneratedFolderError(SphinxError):
    """The folder the pages are generated into holds files we did not write: a project setting,
    not the briefing data, is wrong, so the message says which folder and leaves it untouched."""

    category = "Project layout error"


class PdfRenderError(SphinxError):
    """A PDF could not be rendered; the previous PDF, if any, is left in place."""

    category = "PDF rendering error"
