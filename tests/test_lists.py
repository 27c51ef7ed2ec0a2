"""Lists in running text: CLDR's patterns with every optional part resolved, in every language."""

from __future__ import annotations

from babel import Locale, localedata

from lcsi_briefs.text.catalogue import available_languages
from lcsi_briefs.text.lists import join_list


def test_welsh_and_is_ac_before_a_vowel_and_a_before_a_consonant() -> None:
    assert join_list(["2", "3"], "cy") == "2 a 3"
    # 8 is "wyth", 1 is "un", 11 is "un ar ddeg": each opens with a vowel.
    assert join_list(["2", "8"], "cy") == "2 ac 8"
    assert join_list(["3", "1"], "cy-GB") == "3 ac 1"
    assert join_list(["4", "11"], "cy") == "4 ac 11"
    assert join_list(["4", "5", "12"], "cy").endswith("a 12")
    assert join_list(["Caerdydd", "Abertawe"], "cy") == "Caerdydd ac Abertawe"
    assert join_list(["Abertawe", "Wrecsam"], "cy") == "Abertawe ac Wrecsam"
    assert join_list(["Abertawe", "Ŵyr"], "cy") == "Abertawe ac Ŵyr"


def test_welsh_and_is_ac_before_the_words_that_take_it() -> None:
    assert join_list(["y cynghorau", "mewn ysgolion"], "cy") == "y cynghorau ac mewn ysgolion"
    assert join_list(["y cynghorau", "mudiadau"], "cy") == "y cynghorau a mudiadau"


def test_luxembourgish_n_rule() -> None:
    assert join_list(["Bicher", "Zeitungen"], "lb") == "Bicher an Zeitungen"
    assert join_list(["Bicher", "Bibliothéiken"], "lb") == "Bicher a Bibliothéiken"


def test_english_lists_are_babel_s() -> None:
    assert join_list(["4"], "en-GB") == "4"
    assert join_list(["4", "5"], "en-GB") == "4 and 5"
    assert join_list(["4", "5", "9"], "en-GB") == "4, 5 and 9"
    assert join_list([], "en-GB") == ""


def test_items_are_kept_exactly_whatever_they_hold() -> None:
    items = ["a(c) 1", "{0}", "\\1 and (c)"]
    assert all(item in join_list(items, "cy") for item in items)


def test_no_pattern_is_left_with_an_optional_part() -> None:
    """Every shipped language and every language Babel knows: no "a(c)" reaches a reader."""
    languages = sorted({*available_languages(), *(name.split("_")[0] for name in localedata.locale_identifiers())})
    assert "cy" in languages and "lb" in languages
    for language in languages:
        tag = str(Locale.parse(language)).replace("_", "-")
        for items in (["1", "2"], ["2", "8"], ["3", "4", "11"], ["alpha", "beta"], ["beta", "alpha", "omega"]):
            joined = join_list(items, tag)
            assert "(" not in joined, (tag, joined)
            assert all(item in joined for item in items)
