"""WeasyPrint's warnings of the PDFs a build keeps, each said once however many copies print it.

A warning about a pack's content (an image that cannot be read, say) comes back from every
member's copy of the edition that holds it: 200 members would say it 200 times, and the one
line that matters would be lost among them. The publisher's own PDFs are named one by one; a
warning of members' copies is said once per edition and message, naming the first few copies,
at the edition's place in the pack (a member's own copy alone is said at the member's file).
A brief that runs past its pages is not said here but returned, for ``print_setup`` to word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sphinx.util import logging

from lcsi_briefs.editions import Edition, MemberCopy
from lcsi_briefs.layout import edition_of_copy
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pdf.print_setup import MEMBER_COPIES_NAMED, TooLong
from lcsi_briefs.pdf.render import TOO_LONG
from lcsi_briefs.sphinx_ext.warnings import BriefsWarnings, warn
from lcsi_briefs.text.counts import named_first

logger = logging.getLogger(__name__)
#: A brief's pack, edition and member's copy (None for the publisher's own).
Brief = tuple[LoadedPack, Edition, MemberCopy | None]


@dataclass
class RenderWarnings:
    """The warnings of one build's PDFs: said at once for the publisher's, gathered for copies."""

    #: Each brief's pack, edition and copy, by its PDF's place.
    briefs: Mapping[str, Brief]
    #: Where in its pack each PDF's warnings are located, by its place.
    origins: Mapping[str, str]
    #: Members' copies that gave a warning, by their edition's file and the warning.
    copies: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def kept(self, warned: Mapping[str, list[str]]) -> list[TooLong]:
        """The warnings of PDFs kept from an earlier build, said again (see :meth:`report`)."""
        return [found for name, warnings in sorted(warned.items()) for found in self.report(name, warnings)]

    def report(self, name: str, warnings: list[str]) -> list[TooLong]:
        """Say (or gather) the warnings of the PDF ``name``; return a brief's "too long", for the editor."""
        brief, origin = self.briefs.get(name), self.origins[name]
        too_long = []
        for message in warnings:
            if message.startswith(TOO_LONG) and brief is not None:
                too_long.append(TooLong(*brief, message.removeprefix(TOO_LONG)))
            elif edition := edition_of_copy(name):
                self.copies.setdefault((edition, message), []).append(name)
            else:
                warn(logger, BriefsWarnings.WEASYPRINT, "WeasyPrint, printing %s: %s", name, message, location=origin)
        return too_long

    def say_copies(self) -> None:
        """Each warning of members' copies once per edition, naming the first copies."""
        for (edition, message), names in sorted(self.copies.items()):
            ordered = sorted(names)
            printing = named_first(ordered, MEMBER_COPIES_NAMED, "other members' copies")
            # Several members' copies: at the pack's edition, where their content comes from.
            origin = self.origins[ordered[0]]
            if len(ordered) > 1:
                origin = self.origins.get(edition, origin)
            warn(logger, BriefsWarnings.WEASYPRINT, "WeasyPrint, printing %s: %s", printing, message, location=origin)
        self.copies.clear()
