"""The words that carry a claim's strength, per language, from the message catalogue.

A finding is faithful when it claims no more and no less than its source. Each kind of hedge
("were seen as", "almost certainly", "may", "suggests") is one message whose translation lists
the same kind of hedge in the translator's language, so a Welsh pack's statements are read with
Welsh hedges. Because the kinds are the same in every language, a hedge found in an excerpt in
one language and its equivalent in a statement in another are recognised as the same kind.

Words of certainty ("always", "proves", "trusted") are kinds too: a statement that uses one the
source's words lack claims more than the source. The markers of the publisher's own reading
("our reading", "in our view") and the words that show a figure counts the evidence rather than
measuring the finding are lists of the same sort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lcsi_briefs.text.catalogue import N_, available_languages, translation_cache
from lcsi_briefs.text.phrase_lists import phrase_pattern, phrases

# Translators: the lists below are not sentences. Each is a set of words or phrases of one kind,
# separated by "|"; translate each as the words of that kind in your language (as many as it
# has, in any order), lower case, as they are written in running text.

#: Hedges, by kind: an excerpt's kind must survive in the statement that restates it.
HEDGES = {
    # Translators: a claim reported as what people saw or thought, not as a fact.
    "perception": N_(
        "seen as|regarded as|viewed as|considered|perceived as|thought to|believed to|felt to|described as|reported to"
    ),
    # Translators: near certainty, short of certainty.
    "near certainty": N_("almost certainly|very likely|highly likely|very probably|in all likelihood"),
    # Translators: probability.
    "likelihood": N_("likely|probably|tends to|tend to|generally|usually|mostly|often|in most cases"),
    # Translators: possibility or ability.
    "possibility": N_("may|might|could|can|possibly|perhaps|potentially|sometimes|in some cases"),
    # Translators: a conclusion drawn from the evidence, not stated as a fact.
    "inference": N_(
        "suggests|suggest|suggested|indicates|indicate|indicated|points to|appears|appear|appeared|seems|seem|"
        "seemed|is associated with|are associated with"
    ),
}
#: Words of certainty, by kind: a statement may use one only where its excerpts do.
CERTAINTY = {
    # Translators: a claim made of every case.
    "every case": N_("always|never|invariably|in every case|without exception|in all cases"),
    # Translators: a claim that the evidence settles the question.
    "proof": N_("proves|proved|proven|conclusively|demonstrates|demonstrated|establishes|established that"),
    # Translators: words that remove doubt.
    "no doubt": N_("certainly|definitely|undoubtedly|without doubt|beyond doubt|clearly|obviously"),
    # Translators: qualities claimed for someone that a source has to say itself.
    "trust": N_("trusted|trustworthy|guaranteed|guarantees|reliable"),
}
# Translators: words in a key figure's label that show the figure counts the evidence (items
# reviewed, people interviewed) rather than measuring the finding, separated by "|".
EVIDENCE_COUNTS = N_(
    "reviewed|interviews|interviewed|interviewees|case studies|focus groups|workshops|sample|sample frame|"
    "respondents|responses|surveyed|took part|participants|items of evidence|studies"
)


@dataclass(frozen=True)
class Marked:
    """One listed word or phrase found in a text: its kind and where."""

    kind: str
    start: int
    end: int
    text: str


@translation_cache
def _kinds(language: str | None) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every hedge and certainty phrase, longest first, and each phrase's kind.

    ``None``: every catalogue's phrases, for an excerpt whichever language its source is in.
    """
    languages = available_languages() if language is None else [language]
    kind_of: dict[str, str] = {}
    for lang in languages:
        for kind, message in (*HEDGES.items(), *CERTAINTY.items()):
            for phrase in phrases(message, lang):
                kind_of.setdefault(" ".join(phrase.split()), kind)
    return phrase_pattern(list(kind_of)), kind_of


def marked(text: str, language: str | None) -> list[Marked]:
    """Every hedge and word of certainty in ``text``; a longer phrase wins ("almost certainly")."""
    pattern, kind_of = _kinds(language)
    return [
        Marked(kind_of[" ".join(m.group(1).casefold().split())], m.start(), m.end(), m.group(1))
        for m in pattern.finditer(text)
    ]


def hedge_kinds(text: str, language: str | None) -> dict[str, str]:
    """The kinds of hedge in ``text``, each with the first words that show it."""
    found: dict[str, str] = {}
    for item in marked(text, language):
        if item.kind in HEDGES:
            found.setdefault(item.kind, item.text)
    return found


def certainty(text: str, language: str | None) -> list[Marked]:
    return [item for item in marked(text, language) if item.kind in CERTAINTY]


def examples(kind: str, language: str) -> str:
    """A few phrases of a kind, for a message: "'seen as', 'regarded as' or 'considered'"."""
    listed = phrases(HEDGES.get(kind) or CERTAINTY[kind], language)[:3]
    return ", ".join(repr(p) for p in listed[:-1]) + f" or {listed[-1]!r}" if len(listed) > 1 else repr(listed[0])
