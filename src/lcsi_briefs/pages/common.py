"""Labels and small formatting helpers shared by every generated page."""

from __future__ import annotations

from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model.citations import Citation
from lcsi_briefs.model.pack import Briefing, Headings, LoadedPack, Pack
from lcsi_briefs.pages.markup import TermLinker, escape, link
from lcsi_briefs.text.catalogue import N_, Translator, translator_for

#: The heading of each section a pack leaves unnamed, translated into the pack's language.
DEFAULT_HEADINGS = {
    "findings": N_("Headline findings"),
    "functions": N_("Functions"),
    "pathways": N_("Outcome pathways"),
    "audiences": N_("What it means for you"),
}


def section_headings(briefing: Briefing, _: Translator) -> Headings:
    """The pack's section headings, each one it left out filled in from the catalogue."""
    named = briefing.headings
    return Headings(**{key: getattr(named, key) or _(default) for key, default in DEFAULT_HEADINGS.items()})


class Labels(PackLayout):
    """Every cross-reference label of one pack (from :mod:`lcsi_briefs.layout`), and links to them."""

    def __init__(self, loaded: LoadedPack) -> None:
        super().__init__(loaded.slug)
        self.loaded = loaded
        self.pack: Pack = loaded.pack
        #: Interface text in the pack's language (see :mod:`lcsi_briefs.text.catalogue`).
        self._ = translator_for(loaded.pack.briefing.language)
        self.headings = section_headings(loaded.pack.briefing, self._)
        #: Words in another language, to be marked where they appear: (text, language tag).
        self.other_languages = [(part.text, part.language) for part in loaded.pack.other_languages]

    def term_linker(self) -> TermLinker:
        """Links this pack's glossary terms to its own definitions, and marks its other languages."""
        labels = self.term_labels(self.pack)
        forms = {form: entry.term for entry in self.pack.glossary for form in entry.forms}
        return TermLinker(labels, self.other_languages, labels, forms)

    def finding_link(self, finding_id: str) -> str:
        number = self.pack.finding_number(finding_id)
        statement = self.pack.finding(finding_id).statement
        return link(
            self._("Finding {number}: {statement}", number=number, statement=statement), self.finding(finding_id)
        )

    def source_link(self, source_id: str, location: str | None = None) -> str:
        """The source's short name and where in it, as one link to its entry ("Final report,
        p. 14"): in print the page the entry is on follows the whole citation, not its name."""
        source = self.pack.source(source_id)
        name = source.short_title or source.title
        return link(f"{name}, {location}" if location else name, self.source(source_id))

    def citations(self, citations: list[Citation]) -> str:
        """A finding's sources, each with where in it: "Final report, p. 14; Case studies"."""
        return "; ".join(self.source_link(citation.source, citation.location) for citation in citations)

    def audience_link(self, audience_id: str) -> str:
        return link(self.pack.audience(audience_id).name, self.audience(audience_id))

    def function_link(self, function_id: str) -> str:
        return link(self.pack.function(function_id).name, self.function(function_id))


def target(label: str) -> str:
    """A MyST target line; labels are built from validated ids."""
    return f"({label})="


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {escape(text)}"
