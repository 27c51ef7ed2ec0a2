"""The Sphinx side of lcsi-briefs: load the packs, write their MyST pages, register the rest.

Pages are written at ``builder-inited``, before Sphinx looks for changed sources, into one
git-ignored folder inside the source tree; a page is rewritten only when its text changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from lcsi_briefs import __version__
from lcsi_briefs.config import briefs_config, setup_config
from lcsi_briefs.downloads import setup_downloads
from lcsi_briefs.errors import BriefingDataError
from lcsi_briefs.loader import load_packs
from lcsi_briefs.pages import INCLUDES_DIR, render_pages
from lcsi_briefs.pages.write import sync_folder
from lcsi_briefs.pdf.builder import setup_pdf_builder
from lcsi_briefs.problems import PackError

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Bump when what is stored on the environment changes shape.
ENV_VERSION = 2
STATIC_DIR = Path(__file__).parent / "static"


def packs_dir(app: Sphinx) -> Path:
    return Path(app.confdir) / briefs_config(app.config).packs_dir


def pages_dir(app: Sphinx) -> Path:
    return Path(app.srcdir) / briefs_config(app.config).pages_dir


def generate_pages(app: Sphinx) -> None:
    try:
        packs = load_packs([packs_dir(app)])
    except PackError as error:
        raise BriefingDataError(f"{len(error.problems)} problem(s) in the briefing data:\n{error}") from None
    app.env.lcsi_briefs_packs = {loaded.slug: loaded for loaded in packs}  # type: ignore[attr-defined]
    try:
        written = sync_folder(pages_dir(app), render_pages(packs, briefs_config(app.config).pages_dir))
    except FileExistsError as error:
        raise BriefingDataError(str(error)) from None
    logger.info("lcsi-briefs: %d pack(s), %d page(s) updated", len(packs), len(written))


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    setup_config(app)
    setup_downloads(app)
    app.connect("builder-inited", generate_pages)
    app.connect("config-inited", _configure)
    setup_pdf_builder(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _configure(app: Sphinx, config: Any) -> None:
    # Smart quotes would curl a pack's straight quotes and turn -- into a dash: data prints as written.
    config.smartquotes = False
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
    config.exclude_patterns = [*config.exclude_patterns, f"{briefs_config(config).pages_dir}/{INCLUDES_DIR}/*"]
    app.add_css_file("lcsi-briefs.css")
