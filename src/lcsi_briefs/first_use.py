"""Spell out an abbreviation at its first use: "integrated care board (ICB)".

One rule, used by every output: the site (per page), each PDF edition (its pages, then the
edition as a whole) and each email. A reader who starts from any page meets the expansion at
or before the first abbreviation on it. Expansions come from the glossary's ``expansion`` field.

Text arrives in runs: the pieces of one paragraph or heading as a page holds them (a glossary
link splits a sentence into three runs). The runs of one block are read together, so "full name
(ICB)" counts as spelled out even when "ICB" is a link of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lcsi_briefs.model import GlossaryEntry, Pack

#: Two or more capitals (digits allowed inside), optionally a plural "s": "ICB", "ICBs", "DCMS".
#: Not part of a dotted name such as "GOV.UK".
ABBREVIATION = re.compile(r"(?<![\w&.])(?P<abbr>[A-Z][A-Z0-9]*[A-Z])(?P<plural>s)?(?![\w&]|\.\w)")
_SENTENCE_START = re.compile(r"(^|[.!?:][\"'\u201d\u2019)]*\s+)$")


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

    def block(self, runs: Sequence[str]) -> list[str]:
        """The runs of one paragraph or heading, with first uses spelled out in the run that holds them."""
        joined = "".join(runs)
        starts = [0]
        for run in runs:
            starts.append(starts[-1] + len(run))
        edits: dict[int, list[tuple[int, int, str]]] = {}
        for match in ABBREVIATION.finditer(joined):
            abbreviation = match.group("abbr")
            if abbreviation in self.seen or abbreviation not in self.expansions:
                continue
            self.seen.add(abbreviation)
            if spelled_out(joined, match):
                continue
            index = max(i for i in range(len(runs)) if starts[i] <= match.start())
            if match.end() > starts[index + 1]:
                continue  # split across runs: leave it rather than guess
            expansion = self.expansions[abbreviation] + (match.group("plural") or "")
            if _SENTENCE_START.search(joined[: match.start()]):
                expansion = expansion[:1].upper() + expansion[1:]
            local = match.start() - starts[index], match.end() - starts[index]
            edits.setdefault(index, []).append((*local, f"{expansion} ({match.group(0)})"))
        result = list(runs)
        for index, changes in edits.items():
            text = result[index]
            for start, end, replacement in reversed(changes):
                text = text[:start] + replacement + text[end:]
            result[index] = text
        return result

    def __call__(self, text: str) -> str:
        return self.block([text])[0]


def expand_first_use(text_runs: Sequence[str], glossary: Iterable[GlossaryEntry]) -> list[str]:
    """Each text of one reading order, with each abbreviation's first use spelled out."""
    expand = FirstUse(glossary)
    return [expand(run) for run in text_runs]


def exempt_texts(pack: Pack) -> tuple[str, ...]:
    """Text never spelled out: titles (covers, running heads) and sources' titles as published."""
    briefing = pack.briefing
    texts = [briefing.title, *([briefing.subtitle] if briefing.subtitle else [])]
    texts += [audience.name for audience in pack.audiences]
    texts += [source.title for source in pack.sources]
    return tuple(texts)
