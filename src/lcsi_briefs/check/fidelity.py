"""Fidelity: each finding read against the source's own words, each implication marked as ours.

A finding's ``excerpts`` hold the source's exact words, and a source may name a plain-text copy
of the whole report (``text_file``). Against them, ``check`` asks what a policy editor asks:

- is every number the finding states (statement, explanation, key figures) in those words?
- does the statement keep the excerpt's hedges ("were seen as", "almost certainly"), and claim
  no certainty ("always", "trusted") the excerpts lack? The first excerpt is the one the statement
  restates; the hedges of the others must survive somewhere in the finding;
- is every quotation verbatim in an excerpt or the source's text?
- does every implication say it is the publisher's reading?
- is a key figure that counts the evidence marked ``about: evidence``?

A finding with no excerpt, and no source text to read, has nothing to be checked against: that
is reported too. The word lists are the pack's language's, from the catalogue
(:mod:`lcsi_briefs.check.modality`); numbers are read by :mod:`lcsi_briefs.text.quantities`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lcsi_briefs.check.modality import EVIDENCE_COUNTS, certainty, examples, hedge_kinds
from lcsi_briefs.check.prose import PackText
from lcsi_briefs.model.citations import Quote
from lcsi_briefs.model.pack import Finding
from lcsi_briefs.model.problems import Location, Problem
from lcsi_briefs.model.source_text import read_source_text
from lcsi_briefs.text.catalogue import available_languages
from lcsi_briefs.text.phrase_lists import OWN_READING, list_pattern, phrases
from lcsi_briefs.text.quantities import quantities, values

_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


@dataclass(frozen=True)
class SourceWords:
    """What a finding can be checked against: its excerpts, then its sources' texts."""

    excerpts: tuple[tuple[str, str], ...]  # (source id, exact words)
    texts: tuple[tuple[str, str], ...]  # (source id, the report's text)

    def all_text(self, source: str | None = None) -> list[str]:
        return [words for sid, words in (*self.excerpts, *self.texts) if source is None or sid == source]

    @property
    def empty(self) -> bool:
        return not self.excerpts and not self.texts


def source_words(text: PackText, finding: Finding) -> SourceWords:
    pack = text.loaded.pack
    texts = []
    for source_id in dict.fromkeys([*finding.source_ids, *(e.source for e in finding.excerpts)]):
        source = pack.source(source_id)
        if source.text_file:
            texts.append((source_id, read_source_text(text.loaded.path, source.text_file)))
    return SourceWords(tuple((e.source, e.text) for e in finding.excerpts), tuple(texts))


def _normal(words: str) -> str:
    return " ".join(words.translate(_TYPOGRAPHY).split())


def _source_values(words: SourceWords) -> set[Decimal]:
    found: set[Decimal] = set()
    for passage in words.all_text():
        for language in available_languages():
            found |= values(passage, language)
    return found


def _finding_fields(finding: Finding, index: int) -> list[tuple[Location, str]]:
    """Every field of a finding whose numbers and words must be the source's."""
    where: Location = ("findings", index)
    fields = [((*where, "statement"), finding.statement), ((*where, "explanation"), finding.explanation)]
    for number, figure in enumerate(finding.figures):
        at: Location = (*where, "figures", number)
        fields += [
            ((*at, key), str(getattr(figure, key))) for key in ("label", "base", "period") if getattr(figure, key)
        ]
    return fields


def excerpt_problems(text: PackText) -> list[Problem]:
    problems = []
    for index, finding in enumerate(text.loaded.pack.findings):
        if source_words(text, finding).empty:
            message = (
                f"finding {index + 1} has no excerpt, and none of its sources a text_file: nothing to check it "
                "against; add the source's own words under excerpts (source, location, text)"
            )
            problems.append(text.problem(("findings", index, "id"), message))
    return problems


def number_problems(text: PackText) -> list[Problem]:
    language = text.loaded.pack.briefing.language
    problems = []
    for index, finding in enumerate(text.loaded.pack.findings):
        words = source_words(text, finding)
        if words.empty:
            continue
        known = _source_values(words)
        for number, figure in enumerate(finding.figures):
            try:
                parts = [Decimal(part) for part in figure.value.split(":")]
            except InvalidOperation:  # pragma: no cover - the model accepts numbers and ratios only
                continue
            if figure.format != "ratio" and parts[0] not in known:
                message = f"the key figure {figure.value} is in none of this finding's excerpts or source texts"
                problems.append(text.problem(("findings", index, "figures", number, "value"), message))
        for location, field in _finding_fields(finding, index):
            for quantity in quantities(field, language):
                if quantity.value not in known:
                    message = (
                        f"the number {quantity.text!r} is in none of this finding's excerpts or source texts; "
                        "state only what the source says, or add its words as an excerpt"
                    )
                    problems.append(text.problem(location, message, quantity.start))
    return problems


def hedge_problems(text: PackText) -> list[Problem]:
    language = text.loaded.pack.briefing.language
    problems = []
    for index, finding in enumerate(text.loaded.pack.findings):
        if not finding.excerpts:
            continue
        statement = ("findings", index, "statement")
        kept = hedge_kinds(finding.statement, language)
        anywhere = " ".join(field for _, field in _finding_fields(finding, index))
        kept_anywhere = hedge_kinds(anywhere, language)
        for number, excerpt in enumerate(finding.excerpts):
            for kind, words in hedge_kinds(excerpt.text, None).items():
                if kind in kept or (number > 0 and kind in kept_anywhere):
                    continue
                where = "the statement" if number == 0 else "the finding"
                message = (
                    f"excerpt {number + 1} hedges ({words!r}) but {where} does not: keep the hedge, or one like it "
                    f"({examples(kind, language)})"
                )
                problems.append(text.problem(statement, message))
        excerpt_kinds = {item.kind for excerpt in finding.excerpts for item in certainty(excerpt.text, None)}
        for location, field in _finding_fields(finding, index):
            for item in certainty(field, language):
                if item.kind not in excerpt_kinds:
                    message = (
                        f"{item.text!r} claims more certainty than the excerpts, which have no word like it; "
                        "say only what the source says"
                    )
                    problems.append(text.problem(location, message, item.start))
    return problems


def quote_problems(text: PackText) -> list[Problem]:
    problems = []
    for index, finding in enumerate(text.loaded.pack.findings):
        words = source_words(text, finding)
        quoted: list[tuple[Location, Quote]] = (
            [(("findings", index, "quote", "text"), finding.quote)] if finding.quote else []
        )
        quoted += [(("findings", index, "quotes", n, "text"), quote) for n, quote in enumerate(finding.quotes)]
        for location, quote in quoted:
            passages = words.all_text(quote.source)
            if not any(_normal(quote.text) in _normal(passage) for passage in passages):
                named = f"of source {quote.source!r} " if quote.source else ""
                message = (
                    f"this quotation is not word for word in any excerpt {named}or source text of this finding; "
                    "copy the source's exact words, and add them as an excerpt"
                )
                problems.append(text.problem(location, message))
    return problems


def own_reading_problems(text: PackText) -> list[Problem]:
    pack = text.loaded.pack
    markers = tuple(pack.editorial.own_reading_markers)
    pattern = list_pattern(OWN_READING, pack.briefing.language, markers)
    shown = ", ".join(repr(m) for m in (list(markers) or phrases(OWN_READING, pack.briefing.language))[:2])
    problems = []
    for a, audience in enumerate(pack.audiences):
        for n, implication in enumerate(audience.implications):
            if not pattern.search(implication.text):
                message = (
                    "this implication does not say it is the publisher's reading, so it reads as research; "
                    f"mark it as yours ({shown}, …)"
                )
                problems.append(text.problem(("audiences", a, "implications", n, "text"), message))
    return problems


def evidence_figure_problems(text: PackText) -> list[Problem]:
    pack = text.loaded.pack
    pattern = list_pattern(EVIDENCE_COUNTS, pack.briefing.language)
    problems = []
    for index, finding in enumerate(pack.findings):
        for number, figure in enumerate(finding.figures):
            match = pattern.search(figure.label)
            if figure.about == "finding" and figure.format == "count" and match:
                message = (
                    f"this figure seems to count the evidence ({match.group(1)!r}), not to measure the finding; "
                    "mark it about: evidence, so it is printed under 'About the evidence'"
                )
                location = ("findings", index, "figures", number, "label")
                problems.append(text.problem(location, message, match.start()))
    return problems
