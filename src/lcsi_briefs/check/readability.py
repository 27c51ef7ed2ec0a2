"""Reading age per audience, long sentences and GOV.UK's words to avoid.

Scores come from textstat's Flesch-Kincaid grade (a US school grade). The UK reading age is
that grade + 5: a US grade-1 reader is six, a UK reader of the same text is six too.

textstat looks up syllables in the CMU pronouncing dictionary (US English, fetched over the
network by NLTK) for language codes ``en`` and ``en_*``. We pass the pack's own BCP 47 tag
(``en-GB``), which textstat does not treat as US English, so it counts syllables with Pyphen's
British hyphenation dictionary, installed with Pyphen: a check never uses the network. Pyphen
counts a few syllables low in long words, so scores err on the easy side by a fraction of a
grade; read them as a guide, not a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from textstat.textstat import textstatistics  # type: ignore[import-untyped]

from lcsi_briefs.check.prose import OWN_WORDING, Kind, PackText, Run, phrases_pattern, sentences, words
from lcsi_briefs.model.problems import Problem

#: GOV.UK's advice: keep sentences to 25 words or fewer.
LONG_SENTENCE = 25
#: US grade + this = UK reading age.
GRADE_TO_UK_AGE = 5


@dataclass(frozen=True)
class AvoidWord:
    forms: tuple[str, ...]
    advice: str


@cache
def words_to_avoid() -> tuple[AvoidWord, ...]:
    """The bundled GOV.UK list (see the file's header for its source)."""
    text = files("lcsi_briefs.check").joinpath("data/govuk-words-to-avoid.txt").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            forms, advice = line.split("\t")
            entries.append(AvoidWord(tuple(f.strip() for f in forms.split(",")), advice.strip()))
    return tuple(entries)


def is_english(language: str) -> bool:
    """Flesch-Kincaid and GOV.UK's word list are for English; other languages are not scored."""
    return language.lower().split("-")[0].split("_")[0] == "en"


def uk_reading_age(text: str, language: str) -> float:
    """Flesch-Kincaid grade + 5, for English ``language`` as a BCP 47 tag (see the module notes)."""
    scorer = textstatistics()
    # Always "en-…" with a hyphen: textstat would fetch US pronunciations for "en" or "en_…".
    scorer.set_lang("en-GB" if language.lower() in ("en", "en_gb") else language.replace("_", "-"))
    return float(scorer.flesch_kincaid_grade(text)) + GRADE_TO_UK_AGE


def _as_sentences(runs: list[Run]) -> str:
    """Join fields into one text; a heading or list item without a full stop is its own sentence."""
    parts = []
    for run in runs:
        text = " ".join(run.text.split())
        parts.append(text if text[-1:] in ".!?" else f"{text}.")
    return " ".join(parts)


def _target(text: PackText, audience_index: int) -> int:
    pack = text.loaded.pack
    own = pack.audiences[audience_index].reading_age
    return own if own is not None else pack.editorial.reading_age


def reading_age_problems(text: PackText) -> list[Problem]:
    pack = text.loaded.pack
    language = pack.briefing.language
    if not is_english(language):
        return []
    problems = []
    for index, audience in enumerate(pack.audiences):
        target = _target(text, index)
        for number, implication in enumerate(audience.implications):
            age = uk_reading_age(implication.text, language)
            if age > target:
                message = (
                    f"UK reading age {age:.1f} (Flesch-Kincaid grade {age - GRADE_TO_UK_AGE:.1f} + 5) is above "
                    f"the target of {target} for {audience.name}; use shorter sentences and shorter words"
                )
                problems.append(text.problem(("audiences", index, "implications", number, "text"), message))
        own = [run for run in text.audience_edition(index) if run.location[:2] == ("audiences", index)]
        age = uk_reading_age(_as_sentences([r for r in own if r.kind is not Kind.TITLE]), language)
        if age > target:
            message = f"the edition for {audience.name} reads at UK reading age {age:.1f}, above its target of {target}"
            problems.append(text.problem(("audiences", index, "id"), message))
    prose = [run for run in text.all_runs() if run.kind in OWN_WORDING - {Kind.TITLE}]
    age = uk_reading_age(_as_sentences(prose), language)
    if age > pack.editorial.reading_age:
        message = (
            f"the full briefing reads at UK reading age {age:.1f}, above the pack's target of "
            f"{pack.editorial.reading_age} (editorial.reading_age)"
        )
        problems.append(text.problem(("briefing", "summary"), message))
    return problems


def long_sentence_problems(text: PackText) -> list[Problem]:
    problems = []
    for run in text.all_runs():
        if run.kind not in (Kind.PROSE, Kind.HEADING):
            continue
        for offset, sentence in sentences(run.text):
            count = len(words(sentence))
            if count > LONG_SENTENCE:
                opening = " ".join(sentence.split()[:6])
                message = f"a sentence of {count} words (more than {LONG_SENTENCE}), starting {opening!r}…; split it"
                problems.append(text.problem(run.location, message, offset))
    return problems


def avoid_word_problems(text: PackText) -> list[Problem]:
    if not is_english(text.loaded.pack.briefing.language):
        return []
    allowed = {word.casefold() for word in text.loaded.pack.editorial.allowed_words}
    patterns = [(entry, phrases_pattern(entry.forms, ignore_case=True)) for entry in words_to_avoid()]
    problems = []
    for run in text.all_runs():
        if run.kind not in OWN_WORDING:
            continue
        for entry, pattern in patterns:
            for match in pattern.finditer(run.text):
                word = match.group(1)
                if word.casefold() in allowed:
                    continue
                message = f"{word!r} is on GOV.UK's words-to-avoid list: {entry.advice}"
                problems.append(text.problem(run.location, message, match.start()))
    return problems
