"""Which PDF editions a pack has, and what their files are called.

Kept apart from both the PDF builder and the page generator so that the download links on
the site and the files the builder writes can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from lcsi_briefs.i18n import translator_for
from lcsi_briefs.model import LoadedPack

#: Where the site keeps its copy of the PDFs, relative to the site root.
PDF_URL_DIR = "pdf"


@dataclass(frozen=True)
class Edition:
    """One printable PDF: the full briefing or one audience's, in standard or large print."""

    slug: str
    audience: str | None
    large_print: bool
    #: What the edition is, the same for both print sizes: "Full briefing", "Edition for Funders".
    label: str
    #: The pack's language, which the edition's own words are in.
    language: str = "en"

    @property
    def title(self) -> str:
        _ = translator_for(self.language)
        return _("{edition} (large print)", edition=self.label) if self.large_print else self.label

    @property
    def filename(self) -> str:
        name = self.slug if self.audience is None else f"{self.slug}--{self.audience}"
        return f"{name}--large-print.pdf" if self.large_print else f"{name}.pdf"


def editions(loaded: LoadedPack) -> list[Edition]:
    """The full briefing first, then each audience's, each followed by its large-print twin."""
    result: list[Edition] = []
    language = loaded.pack.briefing.language
    _ = translator_for(language)
    people: list[tuple[str | None, str]] = [(None, _("Full briefing"))]
    people += [(a.id, _("Edition for {audience}", audience=a.name)) for a in loaded.pack.audiences]
    for audience, label in people:
        result.append(Edition(loaded.slug, audience, False, label, language))
        result.append(Edition(loaded.slug, audience, True, label, language))
    return result
