"""Generate MyST pages from briefing packs. Plain Python: no Sphinx import here."""

from __future__ import annotations

from lcsi_briefs.diagram import pathways_svg
from lcsi_briefs.i18n import Translator, translator_for
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
INCLUDES_DIR = "_includes"
SERIES_FILE = f"{INCLUDES_DIR}/series.md"
REFERENCE_FILE = f"{INCLUDES_DIR}/data-reference.md"
COVERAGE_FILE = f"{INCLUDES_DIR}/coverage.md"
GLOSSARY_FILE = "glossary.md"


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
        base = loaded.slug
        files[f"{base}/index.md"] = render_overview(loaded, terms)
        files[f"{base}/sources.md"] = render_sources(loaded)
        for audience in loaded.pack.audiences:
            files[f"{base}/audiences/{audience.id}.md"] = render_audience(loaded, audience, terms)
        labels = Labels(loaded)
        _, named = labels._, labels.headings
        columns = (named.functions or "", named.pathways or "", _("Who benefits"))
        title = _("{heading}: diagram", heading=named.pathways or "")
        diagram = pathways_svg(loaded.pack, title, _(DIAGRAM_ALT), columns)
        if diagram:
            files[f"{base}/{DIAGRAM_FILE}"] = diagram
    return files
