"""Which editions a pack has, what they are called, and what each one holds.

Kept apart from every output so that the site's download links, the PDFs, the briefs, the
emails and the checks can never disagree about an edition: which findings and sources it
holds and in what order is decided here once (:func:`contents`), and the file names come from
:mod:`lcsi_briefs.layout`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lcsi_briefs.layout import PDF_URL_DIR, PackLayout
from lcsi_briefs.model.audience import Audience, Implication
from lcsi_briefs.model.pack import Finding, LoadedPack, Pack, Source
from lcsi_briefs.text.catalogue import translator_for

__all__ = ["PDF_URL_DIR", "Contents", "Edition", "contents", "editions", "implication_findings", "matrix", "rests_on"]


def rests_on(audience: Audience) -> frozenset[str]:
    """The ids of the findings an audience's implications rest on: what its edition must carry."""
    return frozenset(finding for implication in audience.implications for finding in implication.findings)


def matrix(pack: Pack) -> list[tuple[int, str, list[int]]]:
    """For each finding: its number, its id and how many implications of each audience rest on it."""
    rows = []
    for number, finding in enumerate(pack.findings, start=1):
        counts = [sum(finding.id in i.findings for i in audience.implications) for audience in pack.audiences]
        rows.append((number, finding.id, counts))
    return rows


@dataclass(frozen=True)
class Contents:
    """What one edition holds, in reading order: findings with their numbers, then the sources they cite."""

    findings: tuple[tuple[int, Finding], ...]
    sources: tuple[Source, ...]

    @property
    def finding_ids(self) -> frozenset[str]:
        return frozenset(finding.id for _, finding in self.findings)


def _numbered(pack: Pack, wanted: frozenset[str] | None) -> tuple[tuple[int, Finding], ...]:
    """The ``wanted`` findings (all, for None) with their numbers, in the one order every output
    lists findings in: the pack's, so a finding keeps its number wherever it is printed."""
    return tuple(
        (number, finding)
        for number, finding in enumerate(pack.findings, start=1)
        if wanted is None or finding.id in wanted
    )


def implication_findings(pack: Pack, implication: Implication) -> tuple[tuple[int, Finding], ...]:
    """The findings one implication rests on, numbered, in the order its edition prints them."""
    return _numbered(pack, frozenset(implication.findings))


def contents(pack: Pack, audience_id: str | None = None) -> Contents:
    """The full briefing's contents (``audience_id`` None), or one audience's: the findings its
    implications rest on, in the pack's numbered order, and the sources those findings cite."""
    wanted = None if audience_id is None else rests_on(pack.audience(audience_id))
    findings = _numbered(pack, wanted)
    cited = {source for _, finding in findings for source in finding.source_ids}
    sources = tuple(source for source in pack.sources if audience_id is None or source.id in cited)
    return Contents(findings, sources)


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


@dataclass(frozen=True)
class ContactLine:
    """One line of a member's contact block: "Phone", "0113 496 0000", "tel:01134960000"."""

    label: str
    value: str
    #: ``mailto:``, ``tel:`` or the web address; "" for text that is not a link.
    href: str


@dataclass(frozen=True)
class Cobrand:
    """What a member's copy of an edition prints that the publisher's does not; or, ``own``, what
    the publisher's file adds to the publisher's own editions (a logo, a colour, a contact block).

    Everything else (the findings, the implications, the sources) is the publisher's edition,
    the same HTML. The words are the catalogue's in the pack's language, the values the member
    file's, escaped where they are printed; the colours have passed the contrast gate, and the
    logos are ``data:`` URIs of checked files (see :mod:`lcsi_briefs.members`).
    """

    name: str
    logo: str
    logo_alt: str
    primary: str
    accent: str
    shared_line: str
    foreword: list[str]
    foreword_heading: str
    foreword_note: str
    contact_heading: str
    contact: list[ContactLine]
    charity: str
    publisher_logo: str = ""
    publisher_logo_alt: str = ""
    #: The publisher's own identity on its own editions, not a member's: no "Shared by" line.
    own: bool = False


@dataclass(frozen=True)
class MemberCopy:
    """A member's copy of one edition: where it is written and what it adds."""

    #: Relative to the PDF folder: ``members/leeds-cvs/lcsi-2025--funders.pdf``.
    place: str
    cobrand: Cobrand
    #: The member's file, where a problem printing its copy is reported.
    origin: str
