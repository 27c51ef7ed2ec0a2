"""Generate MyST pages from briefing packs. Plain Python: no Sphinx import here."""

from __future__ import annotations

from lcsi_briefs.layout import COVERAGE_FILE, GLOSSARY_FILE, INCLUDES_DIR, REFERENCE_FILE, SERIES_FILE, PackLayout
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.twins import language_name, twins
from lcsi_briefs.pages.audience import render_audience
from lcsi_briefs.pages.common import Labels
from lcsi_briefs.pages.coverage import render_coverage
from lcsi_briefs.pages.diagram import pathways_svg
from lcsi_briefs.pages.glossary import render_glossary, render_pack_glossary
from lcsi_briefs.pages.markup import escape, fence, language_class
from lcsi_briefs.pages.overview import DIAGRAM_ALT, DIAGRAM_FILE, render_overview
from lcsi_briefs.pages.reference import render_reference
from lcsi_briefs.pages.series import newest_first, render_series
from lcsi_briefs.pages.sources import render_sources
from lcsi_briefs.text.catalogue import Translator, translator_for

#: Fragments included by hand-written pages; excluded from the build as pages of their own.
__all__ = ["INCLUDES_DIR", "render_pages"]


TWIN_CLASS = "lcsi-twin"


#: The page kind that ``twin_switch`` reads as the sources page (other kinds: an audience id, or none).
SOURCES_PAGE = ""


def twin_switch(twin: LoadedPack, page: str | None) -> list[str]:
    """A link to the same page in the twin, named in the twin's language ("Cymraeg", "English").

    ``page`` is ``None`` for the overview, ``SOURCES_PAGE`` for the sources, else an audience's
    id; an audience the twin lacks links its overview.
    """
    labels = Labels(twin)
    if page == SOURCES_PAGE:
        label = labels.sources()
    elif page is not None and any(a.id == page for a in twin.pack.audiences):
        label = labels.audience(page)
    else:
        label = labels.overview()
    language = twin.pack.briefing.language
    name = escape(language_name(language))
    # The span holds the link: a span inside link text would end the link early.
    return [*fence("container", TWIN_CLASS, body=[f"[[{name}](#{label})]{{.{language_class(language)}}}"]), ""]


def _with_switch(text: str, switch: list[str]) -> str:
    """The page with the switch to its twin right under its title."""
    lines = text.split("\n")
    title = next((number for number, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        return text
    return "\n".join([*lines[: title + 2], *switch, *lines[title + 2 :]])


def render_pages(packs: list[LoadedPack], pages_dir: str, site: Translator | None = None) -> dict[str, str]:
    """Every generated file, keyed by its path relative to the generated folder.

    A pack's pages speak the pack's language; the pages the whole site shares (the landing
    block, the glossary) speak the site's, through ``site`` (English when not given).
    """
    site = site or translator_for("en")
    ordered = newest_first(packs)
    files = {
        SERIES_FILE: render_series(ordered, pages_dir, site),
        REFERENCE_FILE: render_reference(),
        COVERAGE_FILE: render_coverage(ordered),
        GLOSSARY_FILE: render_glossary(ordered, site),
    }
    pairs = twins(ordered)
    for loaded in ordered:
        layout = PackLayout(loaded.slug, pages_dir)
        twin = pairs.get(loaded.slug)
        pages = [
            (layout.overview_file(), render_overview(loaded), None),
            (layout.sources_file(), render_sources(loaded), SOURCES_PAGE),
        ]
        pages += [(layout.audience_file(a.id), render_audience(loaded, a), a.id) for a in loaded.pack.audiences]
        if loaded.pack.glossary:
            pages.append((layout.glossary_file(), render_pack_glossary(loaded, Labels(loaded)._), None))
        for file, text, page in pages:
            files[file] = _with_switch(text, twin_switch(twin, page)) if twin else text
        labels = Labels(loaded)
        _, named = labels._, labels.headings
        columns = (named.functions or "", named.pathways or "", _("Who benefits"))
        title = _("{heading}: diagram", heading=named.pathways or "")
        diagram = pathways_svg(loaded.pack, title, _(DIAGRAM_ALT), columns)
        if diagram:
            files[layout.page_file(DIAGRAM_FILE)] = diagram
    return files
