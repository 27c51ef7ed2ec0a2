"""Lists of phrases from the message catalogue, found in running text in the pack's language.

A list message is one catalogue entry whose translation is a set of phrases of one kind,
separated by "|" (the hedges, the words of certainty, the markers of the publisher's own
reading). Validation needs the own-reading markers (a short form must keep the one its full text
has) and the editorial checks need every list, so both read them here.
"""

from __future__ import annotations

import re

from lcsi_briefs.text.catalogue import N_, translation_cache, translator_for

# Translators: phrases by which a writer marks a sentence as their own reading of the findings,
# separated by "|". An implication needs one of them.
OWN_READING = N_(
    "our reading|in our reading|in our view|our view|we read|we take|we think|we believe|we suggest|"
    "in our judgement|we would argue|as we see it|we see this|we consider"
)


def phrases(message: str, language: str) -> list[str]:
    """The phrases of one list message, in ``language``."""
    return [phrase.strip() for phrase in translator_for(language)(message).casefold().split("|") if phrase.strip()]


def phrase_pattern(listed: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(listed), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in phrase.split()) for phrase in ordered)
    # Not before a number: "May 2025" is a month, not a hedge.
    return re.compile(rf"(?<![\w'\u2019-])({alternatives})(?![\w-])(?!\s+\d)", re.IGNORECASE)


@translation_cache
def list_pattern(message: str, language: str, extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A pattern for any phrase of a list message in ``language`` (or of ``extra`` instead, when given)."""
    return phrase_pattern([" ".join(p.casefold().split()) for p in extra] if extra else phrases(message, language))
