"""The series landing block, included by ``docs/index.md``: every briefing, newest first."""

from __future__ import annotations

from lcsi_briefs.model import LoadedPack
from lcsi_briefs.pages.common import Labels
from lcsi_briefs.pages.markup import escape, grid, grid_card, link, paragraphs
from lcsi_briefs.text import long_date


def newest_first(packs: list[LoadedPack]) -> list[LoadedPack]:
    return sorted(
        packs,
        key=lambda p: (p.pack.briefing.edition_date, p.pack.briefing.series.number, p.slug),
        reverse=True,
    )


def render_series(packs_newest_first: list[LoadedPack], pages_dir: str) -> str:
    cards: list[str] = []
    for loaded in packs_newest_first:
        briefing = loaded.pack.briefing
        date = long_date(briefing.edition_date, briefing.language)
        header = [f"**{link(briefing.title, Labels(loaded).overview())}**"]
        body = [
            f"{{bdg-primary}}`Number {briefing.series.number}` {{bdg-secondary}}`{escape(date).replace('`', '')}`",
            "",
            *[p for paragraph in paragraphs(briefing.summary) for p in (paragraph, "")],
            "```{briefing-downloads} " + loaded.slug,
            ":editions: full",
            "```",
        ]
        cards += grid_card(header, body)
    lines = grid("1", cards, "lcsi-series") if cards else ["No briefings yet."]
    # Included from docs/index.md: entries are absolute so they do not depend on who includes them.
    toc = [f"/{pages_dir}/{loaded.slug}/index" for loaded in packs_newest_first] + [f"/{pages_dir}/glossary"]
    lines += ["", "```{toctree}", ":hidden:", ":caption: Briefings", "", *toc, "```", ""]
    return "\n".join(lines)
