"""lcsi-briefs: research findings as structured data, published as a site and PDF briefings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point, imported lazily so ``lcsi-briefs validate`` does not load Sphinx."""
    from lcsi_briefs.sphinx_ext.extension import setup as setup_extension  # noqa: PLC0415 - keeps Sphinx out of the CLI

    return setup_extension(app)
