"""The pages cross-references point to, written in before the layout that prints them.

WeasyPrint fills ``target-counter()`` by laying out again every page that holds one once it
knows where the targets fell; in practice each such page is laid out three times (2.1 layouts
a page for an audience edition, 2.8 for the full briefing), half of a render's time. And it can
stop with a number printed before a later page moved its target (a Welsh large-print edition's
contents gave 7, 8 and 13 for sections on pages 8, 9 and 14).

So every layout is checked: the pages its targets fell on are read from it, with what each
reference printed. A render with nothing known starts from ``target-counter()``; once the pages
are known (from that layout, or from the PDF's last render) they are written in: each reference
carries its target's page as an attribute, which the stylesheets print with ``attr()`` where it
is set (an attribute, not a class: WeasyPrint keeps an element's classes from its first layout),
and the document is laid out once more only if a target moved. The numbers printed are always
the pages the targets are on in the layout written, so the PDF is the same whichever pages a
render starts from. The print HTML kept beside each PDF (and so the benchmark's WeasyPrint-alone
floor) holds only the ``target-counter()`` rule.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from lcsi_briefs.layout import edition_of_copy
from lcsi_briefs.pdf.page_labels import CONTENTS_ATTRIBUTE, PAGE_ATTRIBUTE, PAGE_REFERENCE_CLASS

if TYPE_CHECKING:
    from weasyprint.document import Document

    from lcsi_briefs.pdf.render import RenderJob

#: Beside the PDFs: the page each cross-reference's target was on in each PDF at its last render.
PAGES = ".lcsi-pdf-pages.json"
#: Layouts of one document while its cross-references' pages settle (a page number one digit
#: longer can move a target again); past them the last is kept, and the render says so.
SETTLE_LAYOUTS = 4


def _anchor(reference: str) -> str | None:
    return unquote(reference[1:]) if reference.startswith("#") and len(reference) > 1 else None


class PageNumbers:
    """The references of one parsed document, and the pages their targets were last found on."""

    def __init__(self, root: ET.Element, guess: Mapping[str, int]) -> None:
        self._references: list[tuple[ET.Element, str]] = []
        for element in root.iter():
            if element.tag == "a" and PAGE_REFERENCE_CLASS in str(element.get("class", "")).split():
                anchor = _anchor(str(element.get("href", "")))
            else:
                anchor = _anchor(str(element.get(CONTENTS_ATTRIBUTE, "")))
            if anchor is not None:
                self._references.append((element, anchor))
        self._anchor_of = {id(element): anchor for element, anchor in self._references}
        self.anchors = {anchor for _, anchor in self._references}
        self.pages = {anchor: page for anchor, page in guess.items() if anchor in self.anchors}
        # With no page known, the first layout is left to target-counter(), which finds them.
        self.written = False

    def write(self) -> None:
        """Put the pages known onto the references, to print instead of ``target-counter()``.

        A reference whose target's page is not known yet keeps ``target-counter()``: a number
        written for it could only be a guess the next layout corrects.
        """
        for element, anchor in self._references:
            if anchor in self.pages:
                element.set(PAGE_ATTRIBUTE, str(self.pages[anchor]))
            else:
                element.attrib.pop(PAGE_ATTRIBUTE, None)
        self.written = True

    def held(self, document: Document) -> bool:
        """Whether every reference printed its target's page in this layout; the pages found are
        kept either way, for the next layout (written in) or the next render."""
        found: dict[str, int] = {}
        for number, page in enumerate(document.pages, start=1):
            for anchor in self.anchors & page.anchors.keys():
                found.setdefault(anchor, number)
        if self.written:
            held = found == self.pages
        else:
            held = all(found.get(anchor) == number for anchor, number in self._printed(document).items())
        self.pages = found
        return held

    def _printed(self, document: Document) -> dict[str, int | None]:
        """The page each reference printed by ``target-counter()``, read back from the layout.

        WeasyPrint can stop with a number it printed before a later page moved its target: a
        Welsh large-print edition's contents gave 7, 8 and 13 for sections on pages 8, 9 and 14.
        """
        texts: dict[int, str] = {}
        for page in document.pages:
            for box in page._page_box.descendants(placeholders=True):
                if str(box.element_tag).endswith("::after") and id(box.element) in self._anchor_of:
                    texts[id(box.element)] = texts.get(id(box.element), "") + (getattr(box, "text", "") or "")
        printed: dict[str, int | None] = {}
        for element, anchor in self._references:
            if id(element) not in texts:
                continue  # not drawn (hidden), so nothing printed to check
            digits = re.findall(r"\d+", texts[id(element)])
            number = int(digits[-1]) if digits else None
            # Every reference to a target must print its page: one that printed another spoils it.
            printed[anchor] = number if printed.get(anchor, number) == number else None
        return printed


class KnownPages:
    """Where each PDF's cross-references point, for the next render of it, or of its edition.

    A PDF starts from its own pages at its last render (``PAGES``). A member's copy never
    rendered starts from the pages another member's copy of the same edition was found to
    have, in this build or an earlier one: the research is the same and each foreword takes
    about the same room, so most targets are on the same pages. Not from the publisher's edition, which has no foreword:
    most of its targets are a page earlier, and a layout with the wrong pages is a layout lost
    (the members' benchmark printed 13% slower so). Whichever pages a render starts from, the
    PDF is the same: the pages printed are the pages found.
    """

    def __init__(self, outdir: Path, kept: Iterable[str]) -> None:
        self.outdir = outdir
        try:
            known = json.loads((outdir / PAGES).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}  # none yet, or spoilt: the renders find the pages themselves, as a first does
        self.pages: dict[str, dict[str, int]] = {
            name: known[name] for name in kept if isinstance(known, dict) and isinstance(known.get(name), dict)
        }
        # A member added to those printed before starts from their copies' pages, not from none.
        self._copies: dict[str, dict[str, int]] = {}
        for name, pages in sorted(self.pages.items()):
            edition = edition_of_copy(name)
            if edition is not None and pages:
                self._copies.setdefault(edition, pages)

    def _place(self, job: RenderJob) -> Path:
        return job.target.relative_to(self.outdir)

    def _edition_of_copy(self, job: RenderJob) -> str | None:
        return edition_of_copy(self._place(job).as_posix())

    def ordered(self, jobs: Iterable[RenderJob]) -> list[RenderJob]:
        """Longest first, so the biggest edition is not left running alone at the end; but one
        member's copy of each edition before the other members', so theirs can start from its
        pages."""
        firsts: list[RenderJob] = []
        rest: list[RenderJob] = []
        seen: set[str] = set()
        for job in sorted(jobs, key=lambda job: len(job.html), reverse=True):
            edition = self._edition_of_copy(job)
            (rest if edition in seen else firsts).append(job)
            if edition is not None:
                seen.add(edition)
        return firsts + rest

    def started(self, job: RenderJob) -> RenderJob:
        """The job starting from the pages known best when it goes to a worker."""
        own = self.pages.get(self._place(job).as_posix())
        edition = self._edition_of_copy(job)
        return replace(job, pages=own or (self._copies.get(edition, {}) if edition else {}))

    def found(self, job: RenderJob, pages: dict[str, int]) -> None:
        self.pages[self._place(job).as_posix()] = pages
        edition = self._edition_of_copy(job)
        if edition is not None and pages:
            self._copies[edition] = pages
