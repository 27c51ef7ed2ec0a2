"""Lists in running text ("findings 2, 3 and 8") in the pack's language, with CLDR's patterns.

Babel's ``format_list`` fills CLDR's list patterns as they are written, and a few of those hold
a part that depends on the word after it: Welsh "{0} a(c) {1}" ("a" before a consonant, "ac"
before a vowel and a few words) and Luxembourgish "{0} a(n) {1}" (the n-rule). Printed as they
are, a reader meets "canfyddiadau 2 a(c) 3". Here Babel still chooses and fills the pattern;
each optional part is then kept or dropped by the item it stands before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from babel.lists import format_list
from num2words import num2words

from lcsi_briefs.text.formatter import locale_of

#: "a(c)" in a filled pattern, before the placeholder of the next item: the base word, the
#: optional part, the space between and the next item's index.
_OPTIONAL = re.compile(r"(\w+)\((\w+)\)(\s*)\x00(\d+)\x00")
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")

#: Welsh vowels: w and y are vowels in Welsh, with or without an accent.
_WELSH_VOWELS = frozenset("aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ")
#: Words that take "ac" though they start with a consonant (the older "ac y mae" behind
#: "ac mae"), as the Welsh style guides list them.
_WELSH_AC_WORDS = frozenset({"mae", "mai", "meddai", "megis", "mewn", "mor", "sydd", "sy", "fel", "felly"})
#: Luxembourgish keeps the n of "an" before a vowel and before n, d, t, z and h (the n-rule).
_LUXEMBOURGISH_N = frozenset("aeiouäëéöüâêîôûndtzh")


def _first_word(item: str, language: str) -> str:
    """The first word a reader says for ``item``, lower-case: a number is said in words."""
    text = item.lstrip(" \"'\u2018\u201c\u00ab\u201e([")
    digits = re.match(r"\d+", text)
    if digits:
        try:
            text = str(num2words(int(digits.group()), lang=language))
        except (NotImplementedError, OverflowError):
            return ""
    words = text.split()
    return words[0].casefold() if words else ""


def _welsh(following: str) -> bool:
    """Whether "a" is "ac" before ``following``."""
    word = _first_word(following, "cy")
    return bool(word) and (word[0] in _WELSH_VOWELS or word.strip(".,;:") in _WELSH_AC_WORDS)


def _luxembourgish(following: str) -> bool:
    """Whether "a" is "an" before ``following``; before a number said in words it keeps its n."""
    word = _first_word(following, "lb")
    return not word or word[0] in _LUXEMBOURGISH_N


def _base_word_only(_following: str) -> bool:
    return False


#: Per language, whether an optional part is kept before a given item.
_RULES: dict[str, Callable[[str], bool]] = {"cy": _welsh, "lb": _luxembourgish}


def join_list(items: Sequence[str], language: str) -> str:
    """``items`` as one phrase, "2, 3 and 8", in ``language``, every optional part resolved.

    A language whose rule is not known here keeps the part's base word ("a" of "a(c)").
    """
    locale = locale_of(language)
    keep = _RULES.get(locale.language, _base_word_only)
    # Babel fills the pattern with placeholders, so the item after each optional part is known.
    filled = format_list([f"\x00{index}\x00" for index in range(len(items))], locale=locale)

    def resolve(match: re.Match[str]) -> str:
        base, optional, space, index = match.groups()
        word = base + optional if keep(items[int(index)]) else base
        return f"{word}{space}\x00{index}\x00"

    resolved = _OPTIONAL.sub(resolve, filled)
    return _PLACEHOLDER.sub(lambda match: items[int(match.group(1))], resolved)
