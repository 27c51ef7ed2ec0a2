"""Generate MyST pages from briefing packs. Plain Python: no Sphinx import here."""

from __future__ import annotations

from lcsi_briefs.diagram import pathways_svg
from lcsi_briefs.model import LoadedPack
from lcsi_briefs.pages.audience import render_audience
from lcsi_briefs.pages.glossary import render_glossary, series_glossary
from lcsi_briefs.pages.overview import DIAGRAM_ALT, DIAGRAM_FILE, render_overview
from lcsi_briefs.pages.reference import render_reference
from lcsi_briefs.pages.series import newest_first, render_series
from lcsi_briefs.pages.sources import render_sources

#: Fragments included by hand-written pages; excluded from the build as pages of their own.
INCLUDES_DIR = "_includes"
SERIES_FILE = f"{INCLUDES_DIR}/series.md"
REFERENCE_FILE = f"{INCLUDES_DIR}/data-reference.md"
GLOSSARY_FILE = "glossary.md"


def render_pages(packs: list[LoadedPack], pages_dir: str) -> dict[str, str]:
    """Every generated file, keyed by its path relative to the generated folder."""
    ordered = newest_first(packs)
    glossary = series_glossary(ordered)
    terms = [entry.term for entry in glossary]
    files = {
        SERIES_FILE: render_series(ordered, pages_dir),
        REFERENCE_FILE: render_reference(),
        GLOSSARY_FILE: render_glossary(glossary),
    }
    for loaded in ordered:
        base = loaded.slug
        files[f"{base}/index.md"] = render_overview(loaded, terms)
        files[f"{base}/sources.md"] = render_sources(loaded)
        for audience in loaded.pack.audiences:
            files[f"{base}/audiences/{audience.id}.md"] = render_audience(loaded, audience, terms)
        diagram = pathways_svg(loaded.pack, f"{loaded.pack.briefing.headings.pathways}: diagram", DIAGRAM_ALT)
        if diagram:
            files[f"{base}/{DIAGRAM_FILE}"] = diagram
    return files
