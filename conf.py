"""Sphinx configuration for the lcsi-briefs site and PDF briefings.

Build with ``lcsi-briefs build`` (or ``nox -s build``); the pages live in ``docs/`` and the
briefing data in ``briefings/``.
"""

from __future__ import annotations

project = "Member briefings"
author = "lcsi-briefs"
copyright = "the authors of each briefing"
language = "en"

extensions = ["lcsi_briefs"]

root_doc = "index"
exclude_patterns = ["_build", "**/.*"]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "Member briefings"
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None

# lcsi_briefs_packs_dir = "briefings"   # where the pack files are, relative to this file
# lcsi_briefs_pages_dir = "_briefings"  # generated pages, inside docs/ (git-ignored)
