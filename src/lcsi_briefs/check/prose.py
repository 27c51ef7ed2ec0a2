"""The prose of a pack in reading order, and where any word of it sits in the file.

Every editorial check reads text through here, so each check sees the same fields in the
same order an edition prints them, and each problem points at the very word in the YAML
file (``file:line:column``), not just at the field that holds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from lcsi_briefs.editions import rests_on
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import Location, Problem, Severity, field_path
from lcsi_briefs.model.yaml_reader import Document


class Kind(Enum):
    """What a piece of text is, which decides the checks it gets."""

    TITLE = "title"  # printed on covers and running heads: never spelled out
    HEADING = "heading"  # a statement, an implication title, a function or pathway name
    PROSE = "prose"  # paragraphs
    ITEM = "item"  # a list item: an example, an action, a question
    QUOTE = "quote"  # words copied from a source: checked for nothing but use
    NAME = "name"  # a source's title, exactly as published


#: Kinds whose wording is the publisher's own, so style checks apply.
OWN_WORDING = frozenset({Kind.TITLE, Kind.HEADING, Kind.PROSE, Kind.ITEM})

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
WORD = re.compile(r"[\w\u2019'-]*\w")


@dataclass(frozen=True)
class Run:
    """One field of text and its place in the file's data."""

    location: Location
    text: str
    kind: Kind


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence with its offset in ``text``; line breaks inside a paragraph are spaces."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            yield start, text[start : match.start()]
        start = match.end()
    if text[start:].strip():
        yield start, text[start:]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def phrases_pattern(phrases: Iterable[str], *, ignore_case: bool) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words; a space matches any run of spaces or line breaks."""
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in phrase.split()) for phrase in phrases)
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE if ignore_case else 0)


class PackText:
    """A loaded pack's text, in reading order, with the position of any word of it in the file."""

    def __init__(self, loaded: LoadedPack, document: Document) -> None:
        self.loaded = loaded
        self.document = document

    def value(self, location: Location) -> str:
        return str(self.document.value(location))

    def run(self, location: Location, kind: Kind) -> Run:
        return Run(location, self.value(location), kind)

    def position(self, location: Location, offset: int = 0) -> tuple[int, int]:
        """The file position of character ``offset`` of the value at ``location``, from the parser's
        reading of that value (escapes, doubled quotation marks and folded lines included)."""
        return self.document.word_position(location, offset)

    def problem(self, location: Location, message: str, offset: int = 0) -> Problem:
        line, column = self.position(location, offset)
        return Problem(self.loaded.path, line, column, field_path(location), message, Severity.WARNING)

    # Reading order --------------------------------------------------------------------

    def _cover(self) -> list[Run]:
        briefing = self.loaded.pack.briefing
        runs = [self.run(("briefing", "title"), Kind.TITLE)]
        if briefing.subtitle:
            runs.append(self.run(("briefing", "subtitle"), Kind.TITLE))
        return runs

    def _finding(self, index: int, *, statement: bool = True) -> list[Run]:
        finding = self.loaded.pack.findings[index]
        runs = [self.run(("findings", index, "statement"), Kind.HEADING)] if statement else []
        runs.append(self.run(("findings", index, "explanation"), Kind.PROSE))
        if finding.quote:
            runs.append(self.run(("findings", index, "quote", "text"), Kind.QUOTE))
        runs += [self.run(("findings", index, "figures", n, "label"), Kind.ITEM) for n in range(len(finding.figures))]
        return runs

    def _methodology(self) -> list[Run]:
        methodology = self.loaded.pack.methodology
        if methodology is None:
            return []
        runs = [
            self.run(("methodology", key), Kind.PROSE)
            for key in ("design", "sample", "response")
            if getattr(methodology, key)
        ]
        runs += [self.run(("methodology", "limitations", n), Kind.ITEM) for n in range(len(methodology.limitations))]
        return runs

    def _audience(self, index: int) -> list[Run]:
        audience = self.loaded.pack.audiences[index]
        runs = [
            self.run(("audiences", index, "name"), Kind.TITLE),
            self.run(("audiences", index, "description"), Kind.PROSE),
            self.run(("briefing", "about_implications"), Kind.PROSE),
        ]
        for number, implication in enumerate(audience.implications):
            where: Location = ("audiences", index, "implications", number)
            runs += [self.run((*where, "title"), Kind.HEADING), self.run((*where, "text"), Kind.PROSE)]
            runs += [self.run((*where, "actions", n), Kind.ITEM) for n in range(len(implication.actions))]
            runs += [self.run((*where, "questions", n), Kind.ITEM) for n in range(len(implication.questions))]
        return runs

    def _source(self, index: int) -> list[Run]:
        source = self.loaded.pack.sources[index]
        runs = [self.run(("sources", index, "title"), Kind.NAME), self.run(("sources", index, "publisher"), Kind.PROSE)]
        if source.description:
            runs.append(self.run(("sources", index, "description"), Kind.PROSE))
        return runs

    def full_edition(self) -> list[Run]:
        """The full briefing: cover, findings, functions, pathways, every audience, sources."""
        pack = self.loaded.pack
        runs = [*self._cover(), self.run(("briefing", "summary"), Kind.PROSE)]
        for index in range(len(pack.findings)):
            runs += self._finding(index)
        if pack.functions and pack.briefing.intros.functions:
            runs.append(self.run(("briefing", "intros", "functions"), Kind.PROSE))
        for index, function in enumerate(pack.functions):
            runs += [self.run(("functions", index, "name"), Kind.HEADING)]
            runs += [self.run(("functions", index, "description"), Kind.PROSE)]
            runs += [self.run(("functions", index, "examples", n), Kind.ITEM) for n in range(len(function.examples))]
        if pack.pathways and pack.briefing.intros.pathways:
            runs.append(self.run(("briefing", "intros", "pathways"), Kind.PROSE))
        for index in range(len(pack.pathways)):
            runs += [self.run(("pathways", index, "name"), Kind.HEADING)]
            runs += [self.run(("pathways", index, "description"), Kind.PROSE)]
        runs += self._methodology()
        for index in range(len(pack.audiences)):
            runs += self._audience(index)
        for index in range(len(pack.sources)):
            runs += self._source(index)
        return runs

    def audience_edition(self, audience_index: int) -> list[Run]:
        """One audience's edition: cover, every headline, their page, the findings and sources it rests on."""
        pack = self.loaded.pack
        audience = pack.audiences[audience_index]
        cited = rests_on(audience)
        runs = [*self._cover(), self.run(("audiences", audience_index, "name"), Kind.TITLE)]
        runs.append(self.run(("briefing", "summary"), Kind.PROSE))
        runs += [self.run(("findings", index, "statement"), Kind.HEADING) for index in range(len(pack.findings))]
        runs += self._audience(audience_index)
        for index, finding in enumerate(pack.findings):
            if finding.id in cited:
                runs += self._finding(index, statement=False)
        sources = {s for finding in pack.findings if finding.id in cited for s in finding.source_ids}
        for index, source in enumerate(pack.sources):
            if source.id in sources:
                runs += self._source(index)
        return runs

    def editions(self) -> list[tuple[str, list[Run]]]:
        """Each edition's name, as messages call it, and its text in reading order."""
        result = [("the full briefing", self.full_edition())]
        for index, audience in enumerate(self.loaded.pack.audiences):
            result.append((f"the edition for {audience.name}", self.audience_edition(index)))
        return result

    def all_runs(self) -> list[Run]:
        """Every field once, in the full briefing's order."""
        seen: set[Location] = set()
        runs = []
        for run in self.full_edition():
            if run.location not in seen:
                seen.add(run.location)
                runs.append(run)
        return runs
