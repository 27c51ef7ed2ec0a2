"""The numbers a text states, as values: "91", "91%", "91 per cent" and "ninety-one" are one number.

``lcsi-briefs check`` compares the numbers in a finding with those in the source's own words,
and the numbers in the rest of a pack with those in its findings, so both sides are read by
this one function. Digits are read with the language's separators (Babel); numbers written as
words are recognised by writing every number from two to a hundred in the language with
num2words and matching those words ("one" is left out: it is far more often a pronoun).

A year inside a date or a period ("July 2025", "during 2024", "2022 to 2027", "2022/23") is
not a figure: it says when, not how many. The words that make a year part of a period are the
language's, from the message catalogue; the month names are Babel's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.dates import get_month_names
from babel.numbers import NumberFormatError, parse_decimal
from num2words import CONVERTER_CLASSES, num2words

from lcsi_briefs.text.catalogue import N_, translation_cache, translator_for
from lcsi_briefs.text.formatter import locale_of

#: A number in digits: "663", "1,084", "12-month", "8%", "3.5"; not part of a name such as "360Giving".
DIGITS = re.compile(r"(?<![\w.,/-])\d+(?:[.,\u00a0\u202f]\d+)*(?![\w])")
#: A date or a time written as numbers: "2025-07-11", "2025-07-11T10:00", "11/07/2025", "09:30":
#: none of its parts is a figure.
_NUMERIC_DATE = re.compile(
    r"\b\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?)?\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b"
)
#: A range of years: "2022-23", "2022/23", "2022\u20132027".
_YEAR_RANGE = re.compile(r"\b(1[89]\d\d|20\d\d)\s*[-/\u2013\u2014]\s*(\d\d|1[89]\d\d|20\d\d)\b")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
#: Number words from two up to this, in the pack's language.
HIGHEST_WORD = 100

# Translators: not a sentence. The words of your language, separated by spaces, that put a year
# inside a period or a date when they stand right before it: "in 2024", "during 2024", "since
# 2010", "2022 to 2027". A year after one of them is not counted as a figure by the checks.
PERIOD_WORDS = N_(
    "in during since from until till to by between and before after around circa c of early mid late end "
    "start spring summer autumn winter year years financial"
)


@dataclass(frozen=True)
class Quantity:
    """One number a text states: its value and where it is written."""

    value: Decimal
    start: int
    end: int
    text: str


@translation_cache
def _period_words(language: str) -> frozenset[str]:
    translate = translator_for(language)
    return frozenset(translate(PERIOD_WORDS).casefold().split())


@functools.cache
def _month_names(language: str) -> frozenset[str]:
    locale = locale_of(language)
    names: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            names |= {name.casefold().rstrip(".") for name in get_month_names(width, context, locale).values()}
    return frozenset(names)


def _converter(language: str) -> str | None:
    """num2words' name for the language: "en_GB" is not one of its own, "en" is."""
    locale = locale_of(language)
    for name in (str(locale), locale.language):
        if name in CONVERTER_CLASSES:
            return name
    return None


@functools.cache
def _number_words(language: str) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """A pattern for the numbers two to a hundred written as words, and the value of each spelling."""
    converter = _converter(language)
    if converter is None:
        return None, {}
    spellings: dict[str, int] = {}
    for number in range(2, HIGHEST_WORD + 1):
        for options in ({}, {"gender": "fem"}):
            try:
                written = str(num2words(number, lang=converter, **options))
            except (NotImplementedError, TypeError, KeyError):  # an option the language lacks
                continue
            spellings[_fold(written)] = number
    parts = sorted(spellings, key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(re.escape(word) for word in part.split()) for part in parts)
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE), spellings


def _fold(words: str) -> str:
    return " ".join(words.casefold().replace("-", " ").split())


def _value(text: str, language: str) -> Decimal | None:
    try:
        return Decimal(parse_decimal(text, locale=locale_of(language), strict=False))
    except (NumberFormatError, InvalidOperation):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None


def _in_date(text: str, start: int, end: int, language: str) -> bool:
    """Whether the digits at ``start`` are part of a date or a period, not a count.

    A day before its month ("14 July"), a year after a month or a period word ("July 2025",
    "during 2024"), a year before another ("2022 to 2027"), or a year alone in brackets.
    """
    months = _month_names(language)
    after = re.match(r"\W{0,3}(\w+)(?:\s+(\d{4}))?", text[end:])
    if after and after.group(1).casefold() in months and int(text[start:end]) <= 31:
        return True
    if not _YEAR.match(text[start:end]):
        return False
    before = re.search(r"(\w+)\W{0,3}$", text[:start])
    if before and (before.group(1).casefold() in _period_words(language) | months):
        return True
    if after and (after.group(1).casefold() in months or (after.group(2) and _YEAR.match(after.group(2)))):
        return True
    # Alone in brackets, as a citation's year: "(Kane and Cohen, 2023)", "(2023)".
    return bool(re.search(r"[(,]\s*$", text[:start]) and re.match(r"\s*\)", text[end:]))


def quantities(text: str, language: str, *, spelled: bool = True) -> Iterator[Quantity]:
    """Every number ``text`` states, in order, leaving out years in dates and periods.

    ``spelled=False`` reads digits only ("two" is not read as a number).
    """
    masked = _NUMERIC_DATE.sub(lambda m: " " * len(m.group(0)), text)
    masked = _YEAR_RANGE.sub(lambda m: " " * len(m.group(0)), masked)
    found: list[Quantity] = []
    for match in DIGITS.finditer(masked):
        if _in_date(masked, match.start(), match.end(), language):
            continue
        value = _value(match.group(0), language)
        if value is not None:
            found.append(Quantity(value, match.start(), match.end(), match.group(0)))
    pattern, spellings = _number_words(language) if spelled else (None, {})
    if pattern is not None:
        found += [
            Quantity(Decimal(spellings[_fold(m.group(0))]), m.start(), m.end(), m.group(0))
            for m in pattern.finditer(masked)
        ]
    return iter(sorted(found, key=lambda quantity: quantity.start))


def values(text: str, language: str) -> set[Decimal]:
    """The value of every number ``text`` states (see :func:`quantities`)."""
    return {quantity.value for quantity in quantities(text, language)}
