"""Sphinx configuration for the lcsi-briefs manual: for editors and maintainers, not readers.

Built on its own with ``nox -s docs`` into ``build/manual``, so the published site (``docs/``,
built by ``lcsi-briefs build``) holds only what readers need.
"""

from __future__ import annotations

from pathlib import Path

from lcsi_briefs.model.loader import load_packs
from lcsi_briefs.pages.coverage import render_coverage
from lcsi_briefs.pages.reference import render_reference
from lcsi_briefs.pages.series import newest_first
from lcsi_briefs.pages.write import sync_folder

project = "lcsi-briefs manual"
author = "lcsi-briefs"
copyright = "the lcsi-briefs authors"
language = "en"

extensions = ["myst_parser"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
root_doc = "index"
exclude_patterns = ["_generated/*", "**/.*"]
nitpicky = True
smartquotes = False

html_theme = "furo"
html_title = "lcsi-briefs manual"
html_show_sourcelink = False
html_copy_source = False

# The data reference is generated from the model, like the JSON Schema, so it cannot drift; the
# coverage matrix from the packs in briefings/.
_packs = newest_first(load_packs([Path(__file__).parents[2] / "briefings"]))
sync_folder(
    Path(__file__).parent / "_generated",
    {"data-reference.md": render_reference(), "coverage.md": render_coverage(_packs)},
)
