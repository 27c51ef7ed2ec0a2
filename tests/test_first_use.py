"""The first-use rule on its own: each abbreviation spelled out once per reading order."""

from __future__ import annotations

from lcsi_briefs.first_use import FirstUse, expand_first_use
from lcsi_briefs.model import GlossaryEntry

GLOSSARY = [
    GlossaryEntry(term="ICB", definition="The NHS body that plans services.", expansion="integrated care board"),
    GlossaryEntry(term="LCSI", definition="Support for local groups.", expansion="local civil society infrastructure"),
    GlossaryEntry(term="commissioning", definition="Buying services."),
]


def test_only_the_first_use_in_a_reading_order_is_spelled_out() -> None:
    runs = ["Ask your ICB.", "The ICB plans services; ICB leaders decide."]
    assert expand_first_use(runs, GLOSSARY) == [
        "Ask your integrated care board (ICB).",
        "The ICB plans services; ICB leaders decide.",
    ]


def test_a_sentence_that_starts_with_the_abbreviation_starts_with_a_capital() -> None:
    assert expand_first_use(["It helps. LCSI works best locally."], GLOSSARY) == [
        "It helps. Local civil society infrastructure (LCSI) works best locally."
    ]
    assert expand_first_use(["LCSI matters."], GLOSSARY) == ["Local civil society infrastructure (LCSI) matters."]


def test_text_that_spells_it_out_itself_is_left_alone_and_counts_as_the_first_use() -> None:
    runs = ["An integrated care board (ICB) plans services.", "Each ICB differs."]
    assert expand_first_use(runs, GLOSSARY) == runs


def test_plurals_words_containing_capitals_and_unknown_abbreviations_are_handled() -> None:
    assert expand_first_use(["Two ICBs met."], GLOSSARY) == ["Two integrated care boards (ICBs) met."]
    assert expand_first_use(["See GOV.UK and the LCSIX data, and the NHS."], GLOSSARY) == [
        "See GOV.UK and the LCSIX data, and the NHS."
    ]


def test_each_reading_order_starts_afresh() -> None:
    """A web page, an email and a PDF edition each spell out their own first uses."""
    first, second = FirstUse(GLOSSARY), FirstUse(GLOSSARY)
    assert first("the ICB") == "the integrated care board (ICB)"
    assert first("the ICB") == "the ICB"
    assert second("the ICB") == "the integrated care board (ICB)"
