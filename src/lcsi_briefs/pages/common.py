"""Labels and small formatting helpers shared by every generated page."""

from __future__ import annotations

from lcsi_briefs.model import LoadedPack, Pack
from lcsi_briefs.pages.markup import escape, link


class Labels:
    """Every cross-reference label of one pack, prefixed with its slug so packs never clash."""

    def __init__(self, loaded: LoadedPack) -> None:
        self.slug = loaded.slug
        self.pack: Pack = loaded.pack

    def overview(self) -> str:
        return self.slug

    def finding(self, finding_id: str) -> str:
        return f"{self.slug}-finding-{finding_id}"

    def function(self, function_id: str) -> str:
        return f"{self.slug}-function-{function_id}"

    def pathway(self, pathway_id: str) -> str:
        return f"{self.slug}-pathway-{pathway_id}"

    def audience(self, audience_id: str) -> str:
        return f"{self.slug}-audience-{audience_id}"

    def implication(self, audience_id: str, number: int) -> str:
        return f"{self.slug}-audience-{audience_id}-{number}"

    def source(self, source_id: str) -> str:
        return f"{self.slug}-source-{source_id}"

    def sources(self) -> str:
        return f"{self.slug}-sources"

    def finding_link(self, finding_id: str) -> str:
        number = self.pack.finding_number(finding_id)
        statement = self.pack.finding(finding_id).statement
        return link(f"Finding {number}: {statement}", self.finding(finding_id))

    def source_link(self, source_id: str) -> str:
        source = self.pack.source(source_id)
        return link(source.short_title or source.title, self.source(source_id))

    def audience_link(self, audience_id: str) -> str:
        return link(self.pack.audience(audience_id).name, self.audience(audience_id))

    def function_link(self, function_id: str) -> str:
        return link(self.pack.function(function_id).name, self.function(function_id))


def target(label: str) -> str:
    """A MyST target line; labels are built from validated ids."""
    return f"({label})="


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {escape(text)}"
