"""Which PDF editions a pack has, and what they are called.

Kept apart from both the PDF builder and the page generator so that the download links on
the site and the files the builder writes can never disagree; the file names themselves come
from :mod:`lcsi_briefs.layout`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lcsi_briefs.layout import PDF_URL_DIR, PackLayout
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.text.catalogue import translator_for

__all__ = ["PDF_URL_DIR", "Edition", "editions"]


@dataclass(frozen=True)
class Edition:
    """One printable PDF: the full briefing, an audience's edition or its one-sheet brief."""

    slug: str
    audience: str | None
    large_print: bool
    #: What the edition is, the same for both print sizes: "Full briefing", "Edition for Funders".
    label: str
    #: The pack's language, which the edition's own words are in.
    language: str = "en"
    #: The audience's one-sheet brief (two A4 pages) rather than its edition.
    brief: bool = False

    @property
    def title(self) -> str:
        _ = translator_for(self.language)
        return _("{edition} (large print)", edition=self.label) if self.large_print else self.label

    @property
    def filename(self) -> str:
        return PackLayout(self.slug).pdf_name(self.audience, large_print=self.large_print, brief=self.brief)


def editions(loaded: LoadedPack) -> list[Edition]:
    """The full briefing, then each audience's edition and brief, each followed by its large-print twin."""
    result: list[Edition] = []
    language = loaded.pack.briefing.language
    _ = translator_for(language)
    kinds: list[tuple[str | None, str, bool]] = [(None, _("Full briefing"), False)]
    for audience in loaded.pack.audiences:
        kinds += [(audience.id, _("Edition for {audience}", audience=audience.in_text), False)]
        kinds += [(audience.id, _("One-sheet brief for {audience}", audience=audience.in_text), True)]
    for audience_id, label, brief in kinds:
        result.append(Edition(loaded.slug, audience_id, False, label, language, brief))
        result.append(Edition(loaded.slug, audience_id, True, label, language, brief))
    return result
