"""The Sphinx side of interface languages: the catalogue, each page's ``lang``, one note per gap.

Two languages meet on a site. The site's own (``language`` in ``conf.py``) speaks for the pages
every pack shares, the landing block and the glossary: their words come from the catalogue
registered with ``app.add_message_catalog``, through Sphinx's translator for it. Each pack
speaks its own language on its own pages, PDFs and emails, through
:func:`lcsi_briefs.i18n.translator_for`, and its pages say so in ``<html lang="…">``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx import locale
from sphinx.util import logging

from lcsi_briefs.files import write_if_changed
from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model.fields import written_tag
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.twins import parity_gaps, twins, where
from lcsi_briefs.sphinx_ext.config import briefs_config
from lcsi_briefs.sphinx_ext.site_packs import page_pack, site_packs
from lcsi_briefs.sphinx_ext.warnings import BriefsWarnings, note, warn
from lcsi_briefs.text.catalogue import (
    DOMAIN,
    PROJECT_LOCALE_DIR,
    Translator,
    available_languages,
    catalogue_language,
    catalogue_path,
    project_catalogue_path,
    untranslated,
    use_project_catalogues,
)
from lcsi_briefs.text.catalogue import compile_catalogue as _compile
from lcsi_briefs.text.counts import named_first

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
#: Inside the doctree folder: compiled catalogues are build output, never committed.
COMPILED_DIR = "lcsi_briefs_locale"


def compile_catalogues(folder: Path) -> list[Path]:
    """Every ``.po`` compiled to ``<folder>/<own|shipped>/<lang>/LC_MESSAGES/*.mo``, rewritten
    only when it changed; the folders in the order Sphinx must read them, the project's first.

    A compiled catalogue whose ``.po`` is gone is removed, so a deleted translation stops applying.
    """
    own, shipped = folder / "own", folder / "shipped"
    written: set[Path] = set()
    for language in available_languages():
        for source, root in ((project_catalogue_path(language), own), (catalogue_path(language), shipped)):
            if source is None or not source.is_file():
                continue
            data = _compile(source)
            target = root / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
            written.add(target)
            write_if_changed(target, data)
    for stale in folder.glob(f"*/*/LC_MESSAGES/{DOMAIN}.mo"):
        if stale not in written:
            stale.unlink()
    return [own, shipped]


def _catalogues(app: Sphinx, config: Config) -> None:
    """The project's ``locale/`` beside ``conf.py`` first, then the tool's, for every page's words."""
    use_project_catalogues([Path(app.confdir) / PROJECT_LOCALE_DIR])
    for folder in compile_catalogues(Path(app.doctreedir) / COMPILED_DIR):
        app.add_message_catalog(DOMAIN, str(folder))


def site_translator(app: Sphinx) -> Translator:
    """The words of the pages the whole site shares, in the site's language."""
    language = app.config.language or "en"
    return Translator(language, catalogue_language(language), locale.get_translator(DOMAIN))


#: How many untranslated messages a note names before "and N more".
NAMED_GAPS = 5


def note_missing_catalogues(packs: list[LoadedPack]) -> None:
    """One note per pack language whose catalogue is missing or incomplete: those words stay English."""
    for language in sorted({p.pack.briefing.language for p in packs}):
        found = catalogue_language(language)
        if found is None:
            note(
                logger,
                "no interface catalogue for language %r, so its packs' headings and labels are in English; "
                "run 'lcsi-briefs translate %s' to start %s/%s/LC_MESSAGES/%s.po beside conf.py",
                language,
                language,
                PROJECT_LOCALE_DIR,
                language,
                DOMAIN,
            )
            continue
        gaps = untranslated(language)
        if gaps:
            named = named_first([repr(gap) for gap in gaps], NAMED_GAPS)
            note(
                logger,
                "%d interface messages have no %r translation, so readers see them in English: %s; "
                "translate them in %s/%s/LC_MESSAGES/%s.po ('lcsi-briefs translate %s' adds the missing ones)",
                len(gaps),
                found,
                named,
                PROJECT_LOCALE_DIR,
                found,
                DOMAIN,
                found,
            )


def note_twin_gaps(packs: list[LoadedPack], every: list[LoadedPack] | None = None) -> None:
    """One warning per difference between a pack and its translation, at the translation's line.

    ``packs`` are this build's, ``every`` pack of the project (the same by default) holds their twins.
    """
    pairs = twins(every if every is not None else packs)
    for loaded in packs:
        original = pairs.get(loaded.slug)
        if original is None or not loaded.pack.briefing.translation_of:
            continue
        path, line = where(loaded)
        for gap in parity_gaps(loaded, original):
            warn(logger, BriefsWarnings.TWINS, "%s", gap, location=f"{path}:{line}")


def twin_page(app: Sphinx, pagename: str) -> str | None:
    """The same page in the pack's twin (its overview when the twin lacks that page), if any."""
    found = page_pack(app, pagename)
    if found is None:
        return None
    twin = twins(list(site_packs(app.env).values())).get(found[0].slug)
    if twin is None:
        return None
    layout = PackLayout(twin.slug, briefs_config(app.config).pages_dir)
    same = "/".join([layout.pages_dir, twin.slug, *found[1]])
    return same if same in app.env.all_docs else layout.overview_doc()


def _page_language(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """A pack's pages are in the pack's language, whatever the site's is: ``<html lang>`` says so.

    A twin's page is announced as its alternate, with ``hreflang``, both ways.
    """
    found = page_pack(app, pagename)
    if found is not None:
        packs = site_packs(app.env)
        language = found[0].pack.briefing.language
        # Sphinx's templates write the context as it is, unescaped.
        context["language"] = html.escape(written_tag(language))
        other = twin_page(app, pagename)
        if other is not None:
            twin = twins(list(packs.values()))[found[0].slug]
            own = app.builder.get_relative_uri(pagename, pagename)
            href = app.builder.get_relative_uri(pagename, other)
            links = [(language, own), (twin.pack.briefing.language, href)]
            context["metatags"] = context.get("metatags", "") + "".join(
                f'<link rel="alternate" hreflang="{html.escape(written_tag(lang))}" href="{html.escape(url)}">\n'
                for lang, url in links
            )


def setup_localisation(app: Sphinx) -> None:
    # Before the frame's words and the site's languages are set up (priorities 450 and 460).
    app.connect("config-inited", _catalogues, priority=440)
    app.connect("html-page-context", _page_language)
