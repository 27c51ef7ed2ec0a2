"""The series glossary, built with Sphinx's own glossary so terms link from the text.

Sphinx keeps glossary terms in one project-wide namespace, so the glossary is shared by the
whole series: where two packs define the same term, the newest pack's definition is used.
"""

from __future__ import annotations

from lcsi_briefs.i18n import Translator
from lcsi_briefs.layout import GLOSSARY_LABEL
from lcsi_briefs.model import GlossaryEntry, LoadedPack
from lcsi_briefs.pages.markup import escape, paragraphs

__all__ = ["GLOSSARY_LABEL", "render_glossary", "series_glossary"]


def series_glossary(packs_newest_first: list[LoadedPack]) -> list[GlossaryEntry]:
    chosen: dict[str, GlossaryEntry] = {}
    for loaded in packs_newest_first:
        for entry in loaded.pack.glossary:
            chosen.setdefault(entry.term.casefold(), entry)
    return sorted(chosen.values(), key=lambda entry: entry.term.casefold())


def render_glossary(entries: list[GlossaryEntry], _: Translator) -> str:
    """The page is the site's: its words are in the site's language."""
    lines = [f"({GLOSSARY_LABEL})=", "# " + escape(_("Glossary")), ""]
    if not entries:
        return "\n".join([*lines, escape(_("No terms are defined yet.")), ""])
    lines += ["```{glossary}"]
    for entry in entries:
        lines.append(escape(entry.term))
        for number, paragraph in enumerate(paragraphs(entry.definition)):
            lines += ([""] if number else []) + [f"  {paragraph}"]
        lines.append("")
    lines += ["```", ""]
    return "\n".join(lines)
