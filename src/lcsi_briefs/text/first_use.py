"""Spell out an abbreviation at its first use: "integrated care board (ICB)".

One rule, used by every output: the site (per page), each PDF edition (its pages, then the
edition as a whole) and each email. A reader who starts from any page meets the expansion at
or before the first abbreviation on it. Expansions come from the glossary's ``expansion`` field.

Text arrives in runs: the pieces of one paragraph or heading as a page holds them (a glossary
link splits a sentence into three runs). The runs of one block are read together, so "full name
(ICB)" counts as spelled out even when "ICB" is a link of its own.

Spelling out must leave the sentence grammatical, in the pack's language:

- a name that takes an article in running text carries it in the glossary ("the Department for
  Culture, Media and Sport"); "at DCMS" becomes "at the Department … (DCMS)", while "the DCMS
  research" or "its DCMS grant" keep their own determiner and the expansion's is dropped. The
  determiners are the language's, from the message catalogue (:data:`DETERMINERS`);
- a possessive moves onto the full name: "NAVCA's members" becomes "the National Association
  for Voluntary and Community Action's (NAVCA's) members";
- in English, a plural pluralises the name's head ("councils for voluntary service (CVSs)"),
  and "an LIO" becomes "a local infrastructure organisation (LIO)";
- at a sentence start the expansion starts with a capital ("The Department …").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lcsi_briefs.languages import babel_locale
from lcsi_briefs.text.catalogue import N_, translator_for

if TYPE_CHECKING:  # the model is a layer above: text knows its types by name only
    from lcsi_briefs.model.pack import GlossaryEntry, Pack

#: Two or more capitals (digits allowed inside), optionally a plural "s": "ICB", "ICBs", "DCMS".
#: Not part of a dotted name such as "GOV.UK".
ABBREVIATION = re.compile(r"(?<![\w&.])(?P<abbr>[A-Z][A-Z0-9]*[A-Z])(?P<plural>s)?(?![\w&]|\.\w)")
#: Three or more words in capitals in a row ("THIS IS A TEST PACK") are shouting, not abbreviations.
_CAPITALS_RUN = re.compile(r"(?<![\w&.])[A-Z][A-Z'\u2019]*(?:\s+[A-Z][A-Z'\u2019]*){2,}(?![\w&])")


def abbreviations(text: str) -> list[re.Match[str]]:
    """Each abbreviation in ``text``, leaving out words of a run of three or more in capitals."""
    runs = [(m.start(), m.end()) for m in _CAPITALS_RUN.finditer(text)]
    return [m for m in ABBREVIATION.finditer(text) if not any(start <= m.start() < end for start, end in runs)]


_SENTENCE_START = re.compile(r"(^|[.!?:][\"'\u201d\u2019)]*\s+)$")
_APOSTROPHES = "'\u2019"
#: What may close a written-out "full name (ICB)": the parenthesis, after a possessive "(ICB's)".
_CLOSING = re.compile(rf"(?:[{_APOSTROPHES}]s?)?\)")

# Translators: not a sentence. Translate it as the words of your language, separated by spaces,
# that can stand right before a noun in place of its article: articles, possessives,
# demonstratives, quantifiers. When one of them comes just before an abbreviation, its spelled-out
# name drops its own article ("the DCMS report", not "the the Department … report"). Leave out
# words that are as often something else (English "that", "which"). A word written joined to the
# word before it, as Welsh "'r" in "i'r", starts with an apostrophe.
DETERMINERS = N_(
    "the a an this these its their our your my his her each every any some no another either neither both all"
)

#: English words that start with a vowel letter but a consonant sound ("a union"), and the reverse
#: ("an hour"): enough for the names of organisations and services.
_CONSONANT_SOUND = re.compile(r"(?i)(?:uni|use|usu|uti|ure|eu|ewe|one\b|once\b)")
_VOWEL_SOUND = re.compile(r"(?i)(?:hour|honest|honour|heir)")
#: Where an English name's head noun ends: before the first preposition ("council | for …").
_PREPOSITION = re.compile(r"\s(?:for|of|in|on|at|to|with|from|by|under|within)\s")


@dataclass(frozen=True)
class Grammar:
    """What the rule needs to know of a language to keep a sentence whole."""

    #: Lower-case determiners written as words ("the", "its", "yr").
    words: frozenset[str]
    #: Determiners written joined to the word before, without their apostrophe ("r" of "i'r").
    clitics: tuple[str, ...]
    #: English only: "a"/"an" agreement and plurals of a name's head noun.
    english: bool

    @classmethod
    def of(cls, language: str) -> Grammar:
        """The pack's language; a language with no catalogue gets no determiners (its articles are unknown)."""
        translate = translator_for(language)
        listed = [] if translate.falls_back else translate(DETERMINERS).casefold().split()
        locale = babel_locale(language)
        english = locale is not None and locale.language == "en"
        words = frozenset(w for w in listed if w[0] not in _APOSTROPHES)
        clitics = tuple(w[1:] for w in listed if w[0] in _APOSTROPHES and len(w) > 1)
        return cls(words, clitics, english)

    def split_article(self, expansion: str) -> tuple[str, str]:
        """("the ", "Department for …") for an expansion that carries its article, else ("", expansion)."""
        first, _, rest = expansion.partition(" ")
        if rest and first.casefold() in self.words:
            return f"{first} ", rest
        return "", expansion

    def determiner_before(self, before: str) -> re.Match[str] | None:
        """The determiner that ends ``before`` (the text up to an abbreviation), if one does."""
        word = re.search(r"(?<![\w'\u2019-])(\w+)\s+$", before)
        if word and word.group(1).casefold() in self.words:
            return word
        joined = re.search(rf"\w[{_APOSTROPHES}](\w+)\s+$", before)
        if joined and joined.group(1).casefold() in self.clitics:
            return joined
        return None

    def plural(self, name: str) -> str:
        """A name in the plural: the head noun in English ("councils for voluntary service")."""
        if not self.english:
            return name + "s"
        preposition = _PREPOSITION.search(name)
        end = preposition.start() if preposition else len(name)
        head = name[:end]
        if re.search(r"(?:s|x|z|ch|sh)$", head):
            head += "es"
        elif re.search(r"[^aeiou]y$", head):
            head = head[:-1] + "ies"
        else:
            head += "s"
        return head + name[end:]

    def indefinite(self, article: str, following: str) -> str:
        """English "a"/"an" agreeing with the words that now follow it, in the article's own case."""
        vowel = bool(re.match(r"(?i)[aeiou]", following)) and not _CONSONANT_SOUND.match(following)
        chosen = "an" if vowel or _VOWEL_SOUND.match(following) else "a"
        return chosen.capitalize() if article[0].isupper() else chosen


def expansions(glossary: Iterable[GlossaryEntry]) -> dict[str, str]:
    """Abbreviation → what it stands for, from the glossary entries that say."""
    return {entry.term: entry.expansion for entry in glossary if entry.expansion}


def written_forms(expansion: str, language: str) -> tuple[str, str]:
    """The words of an expansion that every spelled-out first use prints, singular and plural.

    The article is left out: the text's own determiner may have taken its place.
    """
    grammar = Grammar.of(language)
    name = grammar.split_article(expansion)[1]
    return name, grammar.plural(name)


def spelled_out(text: str, match: re.Match[str]) -> bool:
    """Whether the text explains this use itself: "full name (ICB)", "full name's (ICB's)", "ICB (full name)"."""
    before, after = text[: match.start()], text[match.end() :]
    closed = before.endswith("(") and bool(_CLOSING.match(after)) and bool(before[:-1].strip())
    return closed or after.startswith(" (")


class FirstUse:
    """Expands each abbreviation the first time it is met in one reading order (a page, an email)."""

    def __init__(self, glossary: Iterable[GlossaryEntry], language: str) -> None:
        self.expansions = expansions(glossary)
        self.grammar = Grammar.of(language)
        self.seen: set[str] = set()

    def _spelled(self, joined: str, match: re.Match[str]) -> list[tuple[int, int, str]]:
        """The edits (spans of ``joined`` and their new text) that spell out this use."""
        grammar, before = self.grammar, joined[: match.start()]
        plural = bool(match.group("plural"))
        possessive = re.match(rf"[{_APOSTROPHES}]{'' if plural else 's'}(?!\w)", joined[match.end() :])
        suffix = possessive.group(0) if possessive else ""
        article, name = grammar.split_article(self.expansions[match.group("abbr")])
        determiner = grammar.determiner_before(before)
        words = grammar.plural(name) if plural else name
        edits = []
        if determiner is None:
            words = article + words
        elif grammar.english and determiner.group(1).casefold() in {"a", "an"}:
            edits.append((determiner.start(1), determiner.end(1), grammar.indefinite(determiner.group(1), words)))
        if _SENTENCE_START.search(before):
            words = words[:1].upper() + words[1:]
        abbreviation = match.group(0) + suffix
        edits.append((match.start(), match.end() + len(suffix), f"{words}{suffix} ({abbreviation})"))
        return edits

    def block(self, runs: Sequence[str]) -> list[str]:
        """The runs of one paragraph or heading, with first uses spelled out.

        Each edit goes into the run where it starts; a possessive "'s" written in the next run
        (after a linked "NAVCA") moves with it, so it is taken out of that run.
        """
        joined = "".join(runs)
        starts = [0]
        for run in runs:
            starts.append(starts[-1] + len(run))
        edits: list[tuple[int, int, str]] = []
        for match in abbreviations(joined):
            abbreviation = match.group("abbr")
            if abbreviation in self.seen or abbreviation not in self.expansions:
                continue
            self.seen.add(abbreviation)
            if spelled_out(joined, match):
                continue
            index = max(i for i in range(len(runs)) if starts[i] <= match.start())
            if match.end() > starts[index + 1]:
                continue  # split across runs: leave it rather than guess
            edits += self._spelled(joined, match)
        result = list(runs)
        for start, end, replacement in sorted(edits, reverse=True):
            for index in range(len(runs)):
                low, high = max(start, starts[index]), min(end, starts[index + 1])
                if low < high:
                    text = replacement if low == start else ""
                    local = low - starts[index], high - starts[index]
                    result[index] = result[index][: local[0]] + text + result[index][local[1] :]
        return result

    def __call__(self, text: str) -> str:
        return self.block([text])[0]


def expand_first_use(text_runs: Sequence[str], glossary: Iterable[GlossaryEntry], language: str) -> list[str]:
    """Each text of one reading order, with each abbreviation's first use spelled out."""
    expand = FirstUse(glossary, language)
    return [expand(run) for run in text_runs]


def exempt_texts(pack: Pack) -> tuple[str, ...]:
    """Text never spelled out: titles (covers, running heads) and sources' titles as published."""
    briefing = pack.briefing
    texts = [briefing.title, *([briefing.subtitle] if briefing.subtitle else [])]
    texts += [audience.name for audience in pack.audiences]
    texts += [source.title for source in pack.sources]
    return tuple(texts)
