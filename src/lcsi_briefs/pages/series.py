"""The series landing block, included by ``docs/index.md``: every briefing, newest first."""

from __future__ import annotations

from lcsi_briefs.layout import PackLayout, glossary_docname
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.twins import landing_order
from lcsi_briefs.pages.common import Labels
from lcsi_briefs.pages.markup import escape, grid, grid_card, language_class, link, paragraphs
from lcsi_briefs.text.catalogue import Translator
from lcsi_briefs.text.paragraphs import long_date


def newest_first(packs: list[LoadedPack]) -> list[LoadedPack]:
    return sorted(
        packs,
        key=lambda p: (
            p.pack.briefing.edition_date,
            p.pack.briefing.series.number if p.pack.briefing.series else 0,
            p.slug,
        ),
        reverse=True,
    )


def render_series(packs_newest_first: list[LoadedPack], pages_dir: str, _: Translator) -> str:
    """Each card speaks its pack's language (and says so); the rest, the site's."""
    cards: list[str] = []
    for loaded in landing_order(packs_newest_first):
        briefing = loaded.pack.briefing
        labels = Labels(loaded)
        date = long_date(briefing.edition_date, briefing.language)
        series = briefing.series
        # The series by name: a landing page with four series must not read as one run of numbers.
        number = labels._("{series}, number {number}", series=series.name, number=series.number) if series else ""
        # A role's text is literal (no Markdown escapes): only its closing backtick must go.
        badge = f"{{bdg-primary}}`{number.replace('`', '')}` " if number else ""
        header = [f"**{link(briefing.title, labels.overview())}**"]
        body = [
            f"{badge}{{bdg-secondary}}`{escape(date).replace('`', '')}`",
            "",
            *[p for paragraph in paragraphs(briefing.summary) for p in (paragraph, "")],
            "```{briefing-downloads} " + loaded.slug,
            ":editions: all",
            "```",
        ]
        cards += grid_card(header, body, options={"class-card": language_class(briefing.language)})
    lines = grid("1", cards, "lcsi-series") if cards else [escape(_("No briefings yet."))]
    # Included from docs/index.md: entries are absolute so they do not depend on who includes them.
    docs = [PackLayout(loaded.slug, pages_dir).overview_doc() for loaded in packs_newest_first]
    toc = [f"/{doc}" for doc in [*docs, glossary_docname(pages_dir)]]
    caption = escape(_("Briefings"))
    lines += ["", "```{toctree}", ":hidden:", f":caption: {caption}", "", *toc, "```", ""]
    return "\n".join(lines)
