"""Generate MyST pages from briefing packs. Plain Python: no Sphinx import here."""

from __future__ import annotations

from lcsi_briefs.diagram import pathways_svg
from lcsi_briefs.i18n import Translator, translator_for
from lcsi_briefs.layout import COVERAGE_FILE, GLOSSARY_FILE, INCLUDES_DIR, REFERENCE_FILE, SERIES_FILE, PackLayout
from lcsi_briefs.model import LoadedPack
from lcsi_briefs.pages.audience import render_audience
from lcsi_briefs.pages.common import Labels
from lcsi_briefs.pages.coverage import render_coverage
from lcsi_briefs.pages.glossary import render_glossary, series_glossary
from lcsi_briefs.pages.overview import DIAGRAM_ALT, DIAGRAM_FILE, render_overview
from lcsi_briefs.pages.reference import render_reference
from lcsi_briefs.pages.series import newest_first, render_series
from lcsi_briefs.pages.sources import render_sources

#: Fragments included by hand-written pages; excluded from the build as pages of their own.
__all__ = ["INCLUDES_DIR", "render_pages"]


def render_pages(packs: list[LoadedPack], pages_dir: str, site: Translator | None = None) -> dict[str, str]:
    """Every generated file, keyed by its path relative to the generated folder.

    A pack's pages speak the pack's language; the pages the whole site shares (the landing
    block, the glossary) speak the site's, through ``site`` (English when not given).
    """
    site = site or translator_for("en")
    ordered = newest_first(packs)
    glossary = series_glossary(ordered)
    terms = [entry.term for entry in glossary]
    files = {
        SERIES_FILE: render_series(ordered, pages_dir, site),
        REFERENCE_FILE: render_reference(),
        COVERAGE_FILE: render_coverage(ordered),
        GLOSSARY_FILE: render_glossary(glossary, site),
    }
    for loaded in ordered:
        layout = PackLayout(loaded.slug, pages_dir)
        files[layout.overview_file()] = render_overview(loaded, terms)
        files[layout.sources_file()] = render_sources(loaded)
        for audience in loaded.pack.audiences:
            files[layout.audience_file(audience.id)] = render_audience(loaded, audience, terms)
        labels = Labels(loaded)
        _, named = labels._, labels.headings
        columns = (named.functions or "", named.pathways or "", _("Who benefits"))
        title = _("{heading}: diagram", heading=named.pathways or "")
        diagram = pathways_svg(loaded.pack, title, _(DIAGRAM_ALT), columns)
        if diagram:
            files[layout.page_file(DIAGRAM_FILE)] = diagram
    return files
