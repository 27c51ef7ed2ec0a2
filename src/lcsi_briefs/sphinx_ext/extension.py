"""The Sphinx side of lcsi-briefs: load the packs, write their MyST pages, register the rest.

Pages are written at ``builder-inited``, before Sphinx looks for changed sources, into one
git-ignored folder inside the source tree; a page is rewritten only when its text changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sphinx.util import logging

from lcsi_briefs import __version__
from lcsi_briefs.layout import shown_folder
from lcsi_briefs.model.loader import load_packs
from lcsi_briefs.model.problems import PackError
from lcsi_briefs.newsletter.writer import setup_newsletter
from lcsi_briefs.pages import INCLUDES_DIR, render_pages
from lcsi_briefs.pages.write import sync_folder
from lcsi_briefs.pdf.builder import setup_pdf_builder
from lcsi_briefs.sphinx_ext.accessibility import ACCESSIBILITY_FILE, render_accessibility
from lcsi_briefs.sphinx_ext.config import briefs_config, setup_config
from lcsi_briefs.sphinx_ext.directives import setup_data_directives
from lcsi_briefs.sphinx_ext.downloads import setup_downloads
from lcsi_briefs.sphinx_ext.editorial import report_editorial, setup_accessibility
from lcsi_briefs.sphinx_ext.errors import BriefingDataError, GeneratedFolderError
from lcsi_briefs.sphinx_ext.expansion import setup_first_use
from lcsi_briefs.sphinx_ext.frame import setup_frame
from lcsi_briefs.sphinx_ext.languages import SITE_BUILDERS, mark_twin_pages, own_packs, setup_languages
from lcsi_briefs.sphinx_ext.localise import note_missing_catalogues, note_twin_gaps, setup_localisation, site_translator
from lcsi_briefs.sphinx_ext.search import setup_search
from lcsi_briefs.sphinx_ext.site import setup_site
from lcsi_briefs.sphinx_ext.site_packs import store_packs
from lcsi_briefs.text.counts import counted

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Bump when what is stored on the environment changes shape.
ENV_VERSION = 4
STATIC_DIR = Path(__file__).parent.parent / "static"


def packs_dir(app: Sphinx) -> Path:
    """The packs folder as messages name it (see :func:`lcsi_briefs.layout.shown_folder`)."""
    return shown_folder(Path(app.confdir), briefs_config(app.config).packs_dir)


def pages_dir(app: Sphinx) -> Path:
    return Path(app.srcdir) / briefs_config(app.config).pages_dir


def generate_pages(app: Sphinx) -> None:
    try:
        every = load_packs([packs_dir(app)])
    except PackError as error:
        raise BriefingDataError(f"{counted(len(error.problems), 'problem')} in the briefing data:\n{error}") from None
    # A site in several languages publishes here only this language's packs (see sphinx_ext.languages).
    packs = own_packs(app.config, every)
    store_packs(app.env, packs, every)
    note_missing_catalogues(packs)
    report_editorial(app, packs)
    note_twin_gaps(packs, every)
    try:
        rendered = render_pages(packs, briefs_config(app.config).pages_dir, site_translator(app))
        pdfs_checked = briefs_config(app.config).pdf_build
        rendered[ACCESSIBILITY_FILE] = render_accessibility(packs, pdfs_checked=pdfs_checked, _=site_translator(app))
        mark_twin_pages(app.config, rendered, packs, every)
        written = sync_folder(pages_dir(app), rendered)
    except FileExistsError as error:
        raise GeneratedFolderError(f"{error} (lcsi_briefs_pages_dir in conf.py names it)") from None
    logger.debug("%d pack(s) loaded, %d generated page(s) updated", len(packs), len(written))


def note_removed_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Remember generated pages that no longer exist (an audience was deleted, say).

    Every other page links to them from its sidebar, so every page is read and written again.
    """
    prefix = briefs_config(app.config).pages_dir + "/"
    gone = any(d.startswith(prefix) for d in removed)
    return sorted(env.found_docs - removed - added - changed) if gone else []


def delete_removed_output(app: Sphinx, exception: Exception | None) -> None:
    """Sphinx keeps the HTML of deleted pages; a briefing's removed pages must not linger.

    Every page in the generated folder's output that is no page of the build goes, not only
    those Sphinx names as removed: a project moved to another folder starts from a fresh
    environment, which knows nothing of the pages removed since its last build there.
    """
    # Only the site's builders: the PDF builder is a single-page HTML one, whose pages are no files.
    if exception is not None or app.builder.name not in SITE_BUILDERS:
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    prefix = briefs_config(app.config).pages_dir
    folder = Path(app.outdir, prefix)
    # The file each page is written to (``x.html``, or ``x/index.html`` for dirhtml).
    pages = {Path(builder.get_outfilename(d)) for d in app.env.all_docs if d.startswith(prefix + "/")}
    for page in sorted(folder.rglob("*.html")) if folder.is_dir() else []:
        if page not in pages:
            page.unlink()


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    setup_config(app)
    setup_downloads(app)
    setup_data_directives(app)
    setup_localisation(app)
    app.connect("builder-inited", generate_pages)
    app.connect("env-get-outdated", note_removed_pages)
    app.connect("build-finished", delete_removed_output)
    app.connect("config-inited", _configure)
    setup_pdf_builder(app)
    setup_newsletter(app)
    setup_first_use(app)
    setup_accessibility(app)
    setup_site(app)
    setup_languages(app)
    setup_frame(app)
    setup_search(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _configure(app: Sphinx, config: Any) -> None:
    # Smart quotes would curl a pack's straight quotes and turn -- into a dash: data prints as written.
    config.smartquotes = False
    # Generated pages link only to documents, labels and headings (the std domain). Unless told
    # otherwise, MyST offers every link to every domain, and the C++ domain parses each target
    # as a declaration: about a third of the time it takes to assemble the PDF editions.
    # Words in another language are written as ``[words]{.language-pl}`` spans (see pages.markup).
    # Each pack's glossary is a definition list (pages.glossary).
    wanted = [name for name in ("attrs_inline", "deflist") if name not in config.myst_enable_extensions]
    config.myst_enable_extensions = [*config.myst_enable_extensions, *wanted]
    if config.myst_ref_domains is None:
        config.myst_ref_domains = ["std"]
    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]
    config.exclude_patterns = [*config.exclude_patterns, f"{briefs_config(config).pages_dir}/{INCLUDES_DIR}/*"]
    app.add_css_file("lcsi-briefs.css")
