"""Each pack's glossary, on a page of its own, and the site's page listing them pack by pack.

A pack stands alone: its terms link only to its own definitions, so two packs may define the
same term differently and each prints its own. Sphinx's ``glossary`` keeps one project-wide
namespace of terms, so the entries here are definition lists with labels of their own
(``<slug>-term-<key>``), linked from the text as ordinary references.
"""

from __future__ import annotations

from lcsi_briefs.layout import GLOSSARY_LABEL, PackLayout
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pages.markup import escape, fence, language_class, link, paragraphs
from lcsi_briefs.text.catalogue import Translator

__all__ = ["GLOSSARY_CLASS", "GLOSSARY_LABEL", "render_glossary", "render_pack_glossary"]

#: The class of the block holding a glossary's definition lists (site and print styles).
GLOSSARY_CLASS = "lcsi-glossary"


def _entries(loaded: LoadedPack, *, targets: bool) -> list[str]:
    labels = PackLayout(loaded.slug).term_labels(loaded.pack)
    lines: list[str] = []
    for entry in sorted(loaded.pack.glossary, key=lambda e: e.term.casefold()):
        if targets:
            lines += [f"({labels[entry.term]})="]
        lines.append(escape(entry.term))
        lines += [f": {paragraph}" for paragraph in paragraphs(entry.definition)[:1]]
        lines += [f"\n  {paragraph}" for paragraph in paragraphs(entry.definition)[1:]]
        lines.append("")
    return lines


def render_pack_glossary(loaded: LoadedPack, _: Translator) -> str:
    """The pack's own glossary page, in the pack's language; its terms are the ones its text links."""
    lines = [f"({PackLayout(loaded.slug).glossary()})=", "# " + escape(_("Glossary")), ""]
    lines += [*fence("container", GLOSSARY_CLASS, body=_entries(loaded, targets=True), colons=4), ""]
    return "\n".join(lines)


def render_glossary(packs: list[LoadedPack], _: Translator) -> str:
    """The site's glossary: each pack's terms under its title, with a link to the pack's own page."""
    # Not "Glossary": each pack's own page is that, and the two sit side by side in the navigation.
    lines = [f"({GLOSSARY_LABEL})=", "# " + escape(_("Glossary of all briefings")), ""]
    with_terms = [loaded for loaded in packs if loaded.pack.glossary]
    if not with_terms:
        return "\n".join([*lines, escape(_("No terms are defined yet.")), ""])
    for loaded in with_terms:
        title = link(loaded.pack.briefing.title, PackLayout(loaded.slug).glossary())
        language = loaded.pack.briefing.language
        lines += [f"## {title}", ""]
        body = _entries(loaded, targets=False)
        lines += [*fence("container", f"{GLOSSARY_CLASS} {language_class(language)}", body=body, colons=4), ""]
    return "\n".join(lines)
