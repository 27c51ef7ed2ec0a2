"""Sphinx configuration for the lcsi-briefs site and PDF briefings.

Build with ``lcsi-briefs build`` (or ``nox -s build``); the pages live in ``docs/`` and the
briefing data in ``briefings/``.
"""

from __future__ import annotations

import contextlib
import io

# Imported under a private name: a conf.py name is read as a setting, and ``site_url`` is
# sphinx-sitemap's (it would take the function for the site's address).
from lcsi_briefs.sphinx_ext.config import site_url as _site_url

project = "Member briefings"
author = "lcsi-briefs"
copyright = "the authors of each briefing"
# The site's language; each briefing's pages declare their pack's own (en-GB for the bundled one).
language = "en_GB"

# githubpages publishes .nojekyll, so hosts that follow Jekyll's rules serve every folder.
extensions = ["lcsi_briefs", "sphinx.ext.githubpages"]

root_doc = "index"
exclude_patterns = ["_build", "**/.*", "manual"]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "Member briefings"
# One publisher's look on the web and in print: the PDFs' typeface (bundled by lcsi-briefs)
# and their colours, lightened in dark mode to keep WCAG AA contrast on the dark background.
_type = '"Atkinson Hyperlegible", -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'
html_theme_options = {
    "light_css_variables": {
        "font-stack": _type,
        "font-stack--headings": _type,
        "color-brand-primary": "#12355b",
        "color-brand-content": "#1f4e8c",
        "color-brand-visited": "#5b3a8c",
    },
    "dark_css_variables": {
        "color-brand-primary": "#a8c7fa",
        "color-brand-content": "#8ab4f8",
        "color-brand-visited": "#c5a8f5",
    },
}
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None

# Where the site is published. Newsletter links, the sitemap and sharing previews (Open Graph)
# need it; set LCSI_BRIEFS_SITE_URL, or let Read the Docs provide it.
# The address is checked where it is read: a bad one stops the build with one line naming the variable.
html_baseurl = _site_url()
if html_baseurl:
    # sphinxext-opengraph prints a line about matplotlib on import, although social cards are
    # off below; import it once here, quietly, so a build stays quiet unless something is wrong.
    with contextlib.redirect_stdout(io.StringIO()):
        import sphinxext.opengraph  # noqa: F401
    extensions += ["sphinx_sitemap", "sphinxext.opengraph"]
    sitemap_url_scheme = "{link}"
    ogp_site_url = html_baseurl
    ogp_social_cards = {"enable": False}

# lcsi_briefs_packs_dir = "briefings"   # where the pack files are, relative to this file
# lcsi_briefs_pages_dir = "briefing"  # generated pages, inside docs/ (git-ignored)
