"""The Sphinx side of interface languages: the catalogue, each page's ``lang``, one note per gap.

Two languages meet on a site. The site's own (``language`` in ``conf.py``) speaks for the pages
every pack shares, the landing block and the glossary: their words come from the catalogue
registered with ``app.add_message_catalog``, through Sphinx's translator for it. Each pack
speaks its own language on its own pages, PDFs and emails, through
:func:`lcsi_briefs.i18n.translator_for`, and its pages say so in ``<html lang="…">``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx import locale
from sphinx.util import logging

from lcsi_briefs.config import briefs_config
from lcsi_briefs.i18n import DOMAIN, Translator, available_languages, catalogue_language, catalogue_path
from lcsi_briefs.i18n import compile_catalogue as _compile
from lcsi_briefs.model import LoadedPack
from lcsi_briefs.warnings_ import note

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
#: Inside the doctree folder: compiled catalogues are build output, never committed.
COMPILED_DIR = "lcsi_briefs_locale"


def compile_catalogues(folder: Path) -> Path:
    """Every ``.po`` compiled to ``folder/<lang>/LC_MESSAGES/*.mo``, rewritten only when it changed."""
    for language in available_languages():
        data = _compile(catalogue_path(language))
        target = folder / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(".tmp")
            temporary.write_bytes(data)
            temporary.replace(target)
    return folder


def site_translator(app: Sphinx) -> Translator:
    """The words of the pages the whole site shares, in the site's language."""
    language = app.config.language or "en"
    return Translator(language, catalogue_language(language), locale.get_translator(DOMAIN))


def note_missing_catalogues(packs: list[LoadedPack]) -> None:
    """One note per language that has no catalogue: its packs' interface text stays English."""
    missing = sorted({p.pack.briefing.language for p in packs if catalogue_language(p.pack.briefing.language) is None})
    for language in missing:
        note(
            logger,
            "no interface catalogue for language %r, so its packs' headings and labels are in "
            "English; add src/lcsi_briefs/locale/<lang>/LC_MESSAGES/%s.po to translate them",
            language,
            DOMAIN,
        )


def _page_language(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """A pack's pages are in the pack's language, whatever the site's is: ``<html lang>`` says so."""
    packs: dict[str, LoadedPack] = getattr(app.env, "lcsi_briefs_packs", {})
    parts = pagename.split("/")
    prefix = briefs_config(app.config).pages_dir
    if len(parts) >= 3 and parts[0] == prefix and parts[1] in packs:
        context["language"] = packs[parts[1]].pack.briefing.language


def setup_localisation(app: Sphinx) -> None:
    app.add_message_catalog(DOMAIN, compile_catalogues(Path(app.doctreedir) / COMPILED_DIR))
    app.connect("html-page-context", _page_language)
