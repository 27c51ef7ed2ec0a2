"""Errors that stop a build. Sphinx prints a SphinxError's category and message, no traceback."""

from __future__ import annotations

from sphinx.errors import SphinxError


class BriefingDataError(SphinxError):
    """A briefing pack has problems; the message lists every one of them."""

    category = "Briefing data error"


class PdfRenderError(SphinxError):
    """A PDF could not be rendered; the previous PDF, if any, is left in place."""

    category = "PDF rendering error"
