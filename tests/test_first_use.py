"""The first-use rule on its own: each abbreviation spelled out once per reading order, in a sentence
that still reads as one."""

from __future__ import annotations

import pytest

from lcsi_briefs.model.pack import GlossaryEntry
from lcsi_briefs.text.first_use import FirstUse, Grammar, expand_first_use, written_forms

GLOSSARY = [
    GlossaryEntry(term="ICB", definition="The NHS body that plans services.", expansion="integrated care board"),
    GlossaryEntry(term="LCSI", definition="Support for local groups.", expansion="local civil society infrastructure"),
    GlossaryEntry(term="LIO", definition="A local support body.", expansion="local infrastructure organisation"),
    GlossaryEntry(term="CVS", definition="A local charity.", expansion="council for voluntary service"),
    GlossaryEntry(
        term="DCMS", definition="A government department.", expansion="the Department for Culture, Media and Sport"
    ),
    GlossaryEntry(
        term="NAVCA",
        definition="A membership body.",
        expansion="the National Association for Voluntary and Community Action",
    ),
    GlossaryEntry(term="commissioning", definition="Buying services."),
]
DCMS = "Department for Culture, Media and Sport"
NAVCA = "National Association for Voluntary and Community Action"


def spell(text: str, language: str = "en-GB") -> str:
    return FirstUse(GLOSSARY, language)(text)


def test_only_the_first_use_in_a_reading_order_is_spelled_out() -> None:
    runs = ["Ask your ICB.", "The ICB plans services; ICB leaders decide."]
    assert expand_first_use(runs, GLOSSARY, "en-GB") == [
        "Ask your integrated care board (ICB).",
        "The ICB plans services; ICB leaders decide.",
    ]


def test_a_sentence_that_starts_with_the_abbreviation_starts_with_a_capital() -> None:
    assert (
        spell("It helps. LCSI works best locally.")
        == "It helps. Local civil society infrastructure (LCSI) works best locally."
    )
    assert spell("LCSI matters.") == "Local civil society infrastructure (LCSI) matters."
    assert spell("DCMS published six reports.") == f"The {DCMS} (DCMS) published six reports."
    assert spell("Findings: NAVCA gave them.") == f"Findings: The {NAVCA} (NAVCA) gave them."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the research reports or of NAVCA, and", f"the research reports or of the {NAVCA} (NAVCA), and"),
        ("a programme at DCMS.", f"a programme at the {DCMS} (DCMS)."),
        ("the twelve findings NAVCA gave its members", f"the twelve findings the {NAVCA} (NAVCA) gave its members"),
    ],
    ids=["after-of", "after-at", "after-a-noun"],
)
def test_a_name_that_takes_an_article_gets_it_in_running_text(text: str, expected: str) -> None:
    assert spell(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Read the DCMS research.", f"Read the {DCMS} (DCMS) research."),
        ("The DCMS research shows it.", f"The {DCMS} (DCMS) research shows it."),
        ("It is a DCMS report.", f"It is a {DCMS} (DCMS) report."),
        ("Ask its NAVCA members.", f"Ask its {NAVCA} (NAVCA) members."),
        ("Each DCMS grant counts.", f"Each {DCMS} (DCMS) grant counts."),
    ],
)
def test_a_determiner_already_in_the_text_takes_the_place_of_the_article(text: str, expected: str) -> None:
    assert spell(text) == expected


def test_a_determiner_in_the_run_before_a_linked_abbreviation_still_counts() -> None:
    runs = ["Read the ", "DCMS", " research."]
    assert FirstUse(GLOSSARY, "en-GB").block(runs) == ["Read the ", f"{DCMS} (DCMS)", " research."]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"], ids=["straight", "curly"])
def test_a_possessive_moves_onto_the_full_name(apostrophe: str) -> None:
    s = f"{apostrophe}s"
    assert spell(f"Services. NAVCA{s} members are many.") == (f"Services. The {NAVCA}{s} (NAVCA{s}) members are many.")
    assert spell(f"Ask NAVCA{s} staff.") == f"Ask the {NAVCA}{s} (NAVCA{s}) staff."
    assert spell(f"Ask its ICB{s} staff.") == f"Ask its integrated care board{s} (ICB{s}) staff."
    assert spell(f"All ICBs{apostrophe} plans.") == (
        f"All integrated care boards{apostrophe} (ICBs{apostrophe}) plans."
    )


def test_a_possessive_written_after_a_linked_abbreviation_moves_into_the_link() -> None:
    runs = ["Ask ", "NAVCA", "'s members."]
    assert FirstUse(GLOSSARY, "en-GB").block(runs) == ["Ask ", f"the {NAVCA}'s (NAVCA's)", " members."]


def test_text_that_spells_it_out_itself_is_left_alone_and_counts_as_the_first_use() -> None:
    runs = ["An integrated care board (ICB) plans services.", "Each ICB differs."]
    assert expand_first_use(runs, GLOSSARY, "en-GB") == runs
    # What the rule itself wrote, read again (a heading is read on its own, then in the text).
    for written in [f"the {NAVCA}'s (NAVCA's) members", "integrated care boards' (ICBs') plans"]:
        assert spell(written) == written


def test_plurals_pluralise_the_name_s_head_words_containing_capitals_and_unknown_abbreviations() -> None:
    assert spell("Two ICBs met.") == "Two integrated care boards (ICBs) met."
    assert spell("Some CVSs help.") == "Some councils for voluntary service (CVSs) help."
    assert spell("See GOV.UK and the LCSIX data, and the NHS.") == "See GOV.UK and the LCSIX data, and the NHS."


def test_a_and_an_agree_with_the_words_that_now_follow_them() -> None:
    assert spell("Find an LIO near you.") == "Find a local infrastructure organisation (LIO) near you."
    assert spell("An LIO helps.") == "A local infrastructure organisation (LIO) helps."
    assert spell("Ask an ICB.") == "Ask an integrated care board (ICB)."
    assert Grammar.of("en").indefinite("a", "union") == "a"
    assert Grammar.of("en").indefinite("a", "hour") == "an"


def test_welsh_determiners_come_from_the_welsh_catalogue() -> None:
    adran = "yr Adran dros Ddiwylliant, y Cyfryngau a Chwaraeon"
    glossary = [GlossaryEntry(term="DCMS", definition="Adran o'r llywodraeth.", expansion=adran)]

    def sillafu(text: str) -> str:
        return FirstUse(glossary, "cy")(text)

    assert sillafu("Ysgrifennodd at DCMS.") == f"Ysgrifennodd at {adran} (DCMS)."
    assert sillafu("Aeth i'r DCMS.") == f"Aeth i'r {adran[3:]} (DCMS)."
    assert sillafu("Aeth i\u2019r DCMS.") == f"Aeth i\u2019r {adran[3:]} (DCMS)."
    assert sillafu("Darllenwch ymchwil yr DCMS.") == f"Darllenwch ymchwil yr {adran[3:]} (DCMS)."
    assert sillafu("Mae eu DCMS nhw.") == f"Mae eu {adran[3:]} (DCMS) nhw."
    assert sillafu("DCMS sy'n cyhoeddi.") == f"Y{adran[1:]} (DCMS) sy'n cyhoeddi."
    # English determiners are not Welsh ones: "the" is a word like any other in a Welsh pack.
    assert sillafu("Gweler the DCMS.") == f"Gweler the {adran} (DCMS)."
    assert Grammar.of("cy").plural("adran") == "adrans"  # the English plural rule is English only


def test_a_language_with_no_catalogue_keeps_each_article_it_cannot_recognise() -> None:
    assert spell("an DCMS", language="de") == f"an the {DCMS} (DCMS)"
    assert spell("Two CVSs", language="de") == "Two council for voluntary services (CVSs)"


def test_the_written_forms_of_an_expansion_leave_its_article_out() -> None:
    assert written_forms(f"the {DCMS}", "en-GB") == (DCMS, "Departments for Culture, Media and Sport")
    assert written_forms("council for voluntary service", "en") == (
        "council for voluntary service",
        "councils for voluntary service",
    )


def test_each_reading_order_starts_afresh() -> None:
    """A web page, an email and a PDF edition each spell out their own first uses."""
    first, second = FirstUse(GLOSSARY, "en-GB"), FirstUse(GLOSSARY, "en-GB")
    assert first("the ICB") == "the integrated care board (ICB)"
    assert first("the ICB") == "the ICB"
    assert second("the ICB") == "the integrated care board (ICB)"
