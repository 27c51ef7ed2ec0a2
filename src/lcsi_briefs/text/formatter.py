"""One number formatter for every output and language: the site, the PDFs, the email and charts.

Babel supplies each language's digits, separators, percent layout and currency placement; the
house style on top of it is ours, so it reads the same whatever the Babel version:

- a negative number carries the true minus sign, U+2212, never the hyphen-minus a
  screen reader may skip and a line may break after (data files keep ASCII: see ``pages/data_files.py``);
- a change (``signed``) always shows its sign: "+1.2%", "-0.4%" (with U+2212), "0%";
- a large number written short keeps three significant figures at most ("£18.8m", "£139m",
  "£1.2bn"), with the word for the scale from the message catalogue ("m", "bn" for money; "18.8
  million" for a count, as GOV.UK writes them). Below a million a number is written in full
  ("£18,750"), because "£18.8k" is not a form UK readers meet. A language with no catalogue
  gets its own CLDR short forms from Babel instead.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from babel.core import Locale
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_plus_sign_symbol,
)

from lcsi_briefs.languages import babel_locale
from lcsi_briefs.text.catalogue import N_, catalogue_language, translator_for

if TYPE_CHECKING:  # the model is a layer above: text knows its types by name only
    from lcsi_briefs.model.figures import NumberFormat

#: A number as editors write it: digits, an optional minus and decimal point, no separators
#: (the outputs add the separators the pack's language uses). The model refuses any other.
NUMBER_PATTERN = r"^-?[0-9]+(?:\.[0-9]+)?$"
MINUS = "\u2212"
#: A hyphen-minus that stands for a minus: not inside a word or a range ("2021-2025"), and
#: followed by a digit, or by one symbol and a digit ("-£1,200").
_HYPHEN_MINUS = re.compile(r"(?<![\w\-\u2212])-(?=[^\s\w]?\d)")
#: The largest value a pack may hold: beyond it, a number is a mistake, not a statistic.
LARGEST = Decimal("1e15")

#: Short scale words, by power of a thousand (2: million, 3: billion, 4: trillion).
_MONEY_SCALES = {2: N_("{number}m"), 3: N_("{number}bn"), 4: N_("{number}tn")}
_COUNT_SCALES = {2: N_("{number} million"), 3: N_("{number} billion"), 4: N_("{number} trillion")}


def locale_of(language: str) -> Locale:
    """The Babel locale of a pack's language tag ("en-GB" → en_GB)."""
    return babel_locale(language) or Locale("en", "GB")


def reader_minus(text: str) -> str:
    """``text`` with every hyphen-minus that means "minus" turned into U+2212."""
    return _HYPHEN_MINUS.sub(MINUS, text)


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _pattern(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def _localised_percent(locale: Locale, places: int) -> str:
    """The locale's own percent layout ("31 %" in German) with our number of decimals."""
    own: str = locale.percent_formats[None].pattern.split(";")[0]
    number = own.replace("%", "").strip().replace("\u00a0", "")
    return own.replace(number, _pattern(places), 1)


def _money_pattern(locale: Locale, places: int) -> str:
    own: str = locale.currency_formats["standard"].pattern.split(";")[0]
    # Where the locale's number starts: at its first '#', or its first '0' in a pattern with no
    # '#' (en-US-POSIX writes "¤ 0.00"); a pattern with neither gets the common layout.
    digits = [index for index in (own.find("#"), own.find("0")) if index >= 0]
    if not digits:
        return "¤" + _pattern(places)
    start = min(digits)
    end = max(own.rfind("0"), own.rfind("#")) + 1
    return own[:start] + _pattern(places) + own[end:]


def three_figures(value: Decimal) -> Decimal:
    """``value`` rounded to three significant figures at most, trailing zeros dropped ("3.20" → "3.2")."""
    if value == 0:
        return Decimal(0)
    rounded = value.quantize(Decimal(1).scaleb(value.adjusted() - 2), rounding=ROUND_HALF_EVEN).normalize()
    exponent = rounded.as_tuple().exponent
    return rounded if isinstance(exponent, int) and exponent < 0 else rounded.quantize(Decimal(1))


def _scaled(value: Decimal) -> tuple[Decimal, int]:
    """(mantissa to three figures, power of a thousand) for a value of a million or more."""
    power = (abs(value).adjusted()) // 3
    short = three_figures(abs(value).scaleb(-3 * power))
    if short >= 1000:  # 999,950,000 rounds up to the next scale: "1bn", not "1,000m"
        power += 1
        short = three_figures(abs(value).scaleb(-3 * power))
    return short, power


def _plain(value: Decimal, locale: Locale, number_format: NumberFormat, currency: str | None, places: int) -> str:
    if number_format == "percent":
        return format_percent(value / 100, format=_localised_percent(locale, places), locale=locale)
    if number_format == "money" and currency:
        pattern = _money_pattern(locale, places)
        return format_currency(value, currency, locale=locale, currency_digits=False, format=pattern)
    return format_decimal(value, format=_pattern(places), locale=locale)


def _compact(value: Decimal, language: str, number_format: NumberFormat, currency: str | None) -> str | None:
    """The short form of a large non-negative value, or None when it is written in full."""
    if value < 1_000_000:
        return None
    locale = locale_of(language)
    short, power = _scaled(value)
    money = number_format == "money" and currency is not None
    if catalogue_language(language) is None or power not in _MONEY_SCALES:
        # No house style in this language: its own CLDR short form, to the same three figures.
        digits = _decimals(short)
        if money:
            assert currency is not None
            return format_compact_currency(value, currency, locale=locale, fraction_digits=digits)
        return format_compact_decimal(value, locale=locale, fraction_digits=digits)
    number = _plain(short, locale, number_format, currency, _decimals(short))
    return translator_for(language)((_MONEY_SCALES if money else _COUNT_SCALES)[power], number=number)


def format_number(
    raw: str,
    language: str,
    number_format: NumberFormat = "count",
    currency: str | None = None,
    *,
    compact: bool = False,
    signed: bool = False,
) -> str:
    """One value as written in the pack ("1214", "-31.5", "2:1"), as a reader of ``language`` reads it.

    Decimals are kept as the editor wrote them ("3.20" stays "3.20") except in a short form,
    which keeps three significant figures. ``percent`` values are already per cent ("31" → "31%").
    """
    if number_format == "ratio" and ":" in raw:
        left, right = raw.split(":", 1)
        return f"{format_number(left, language)}:{format_number(right, language)}"
    value = Decimal(raw)
    locale = locale_of(language)
    size = abs(value)
    text = (compact and _compact(size, language, number_format, currency)) or _plain(
        size, locale, number_format, currency, _decimals(value)
    )
    if value < 0:
        sign = MINUS
    elif signed and value > 0:
        sign = get_plus_sign_symbol(locale)
    else:
        return text
    return sign + text
