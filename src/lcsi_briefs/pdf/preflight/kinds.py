"""What preflight finds: the kinds of problem, and one problem as measured on a page."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """Each kind of problem, named as the summary counts them."""

    STRANDED = "stranded-heading"
    WIDOW = "widow"
    ORPHAN = "orphan"
    TABLE = "table-split"
    BROKEN = "broken-word"
    HEADINGS = "heading-order"
    BOOKMARKS = "bookmarks"
    UNDERFULL = "underfull-page"
    LARGE_PRINT = "large-print"
    OUTSIDE = "outside-box"
    TAGS = "tagging"


@dataclass(frozen=True)
class Measured:
    """One problem in one PDF: its kind, page, what is wrong, and the ids around it (innermost first)."""

    kind: Kind
    page: int
    message: str
    anchors: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"kind": str(self.kind), "page": self.page, "message": self.message, "anchors": list(self.anchors)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Measured:
        return cls(Kind(data["kind"]), int(data["page"]), str(data["message"]), tuple(data.get("anchors", ())))
