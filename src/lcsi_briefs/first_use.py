"""Spell out an abbreviation at its first use: "integrated care board (ICB)".

One rule, used by every output: the site (per page), each PDF edition (whose pages are the
site's) and each email. A reader who starts from any page meets the expansion at or before
the first abbreviation on it. Expansions come from the glossary's ``expansion`` field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lcsi_briefs.model import GlossaryEntry

#: Two or more capitals (digits allowed inside), optionally a plural "s": "ICB", "ICBs", "DCMS".
ABBREVIATION = re.compile(r"(?<![\w&.])(?P<abbr>[A-Z][A-Z0-9]*[A-Z])(?P<plural>s)?(?![\w&]|\.\w)")
_SENTENCE_START = re.compile(r"(^|[.!?][\"'\u201d\u2019)]*\s+)$")


def expansions(glossary: Iterable[GlossaryEntry]) -> dict[str, str]:
    """Abbreviation → what it stands for, from the glossary entries that say."""
    return {entry.term: entry.expansion for entry in glossary if entry.expansion}


def spelled_out(text: str, match: re.Match[str]) -> bool:
    """Whether the text explains this use itself: "full name (ICB)" or "ICB (full name)"."""
    before, after = text[: match.start()], text[match.end() :]
    return (before.endswith("(") and after.startswith(")") and bool(before[:-1].strip())) or after.startswith(" (")


class FirstUse:
    """Expands each abbreviation the first time it is met in one reading order (a page, an email)."""

    def __init__(self, glossary: Iterable[GlossaryEntry]) -> None:
        self.expansions = expansions(glossary)
        self.seen: set[str] = set()

    def __call__(self, text: str) -> str:
        pieces: list[str] = []
        position = 0
        for match in ABBREVIATION.finditer(text):
            abbreviation = match.group("abbr")
            if abbreviation in self.seen or abbreviation not in self.expansions:
                continue
            self.seen.add(abbreviation)
            if spelled_out(text, match):
                continue
            expansion = self.expansions[abbreviation] + (match.group("plural") or "")
            if _SENTENCE_START.search(text[: match.start()]):
                expansion = expansion[:1].upper() + expansion[1:]
            pieces += [text[position : match.start()], f"{expansion} ({match.group(0)})"]
            position = match.end()
        pieces.append(text[position:])
        return "".join(pieces)


def expand_first_use(text_runs: Sequence[str], glossary: Iterable[GlossaryEntry]) -> list[str]:
    """The runs of one reading order, with each abbreviation's first use spelled out."""
    expand = FirstUse(glossary)
    return [expand(run) for run in text_runs]
