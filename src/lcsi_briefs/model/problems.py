"""Problems found in a briefing pack, in the one format every command prints.

Editors are not programmers: each message says where (``file:line:column``), which field
(``findings[3].sources[0]``), what was expected and what was found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from lcsi_briefs.text.counts import counted

Location = tuple[str | int, ...]


def field_path(location: Location) -> str:
    """``('findings', 3, 'sources')`` becomes ``findings[3].sources``."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class Severity(StrEnum):
    """An error stops a build; a warning (an editorial check) is reported, and fails only ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a pack file, with the position an editor can jump to."""

    path: Path
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        if self.severity is Severity.WARNING:
            where += ": warning"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class PackError(Exception):
    """Raised when a pack cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def describe(value: object) -> str:
    """Say what an editor wrote, briefly, for the 'found …' half of a message."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "an empty list" if not value else f"a list of {counted(len(value), 'item')}"
    return quoted(str(value))


def quoted(text: str, most: int = 60) -> str:
    """What an editor wrote, quoted in a message: cut to ``most`` characters, three dots included,
    so a long value does not bury the message (the position already says where the whole is)."""
    return repr(text if len(text) <= most else text[: most - 3] + "...")
