"""Fidelity: findings read against the source's own words, implications marked as ours.

The four faults a policy editor planted in the bundled pack are planted again here, one at a
time, in a copy: each must fail ``lcsi-briefs check --strict`` at the very field it was planted
in. The bundled pack as shipped passes, and every finding in it carries the source's words.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lcsi_briefs.check import check_pack
from lcsi_briefs.check.modality import certainty, hedge_kinds
from lcsi_briefs.cli.main import main
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.text.quantities import quantities, values

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "briefings" / "lcsi-2025.yaml"
CHECK_FIXTURES = Path(__file__).parent / "fixtures" / "check"

#: (what was planted, the text as shipped, the text planted, the field the problem must name)
FAULTS = [
    (
        "an invented figure in an explanation",
        "The evidence\n      review also found little agreement on the main terms in the existing literature.",
        "The evidence\n      review also found little agreement on the main terms in the existing literature.\n"
        "      In all, 91 per cent of areas have no local infrastructure.",
        "findings[0].explanation",
    ),
    (
        "a dropped hedge",
        "were seen as an effective bridge that can help the VCSE sector",
        "act as a trusted bridge that helps the VCSE sector",
        "findings[5].statement",
    ),
    (
        "a weakened hedge",
        "Strengthening LCSI will almost certainly keep resting",
        "Strengthening LCSI may perhaps keep resting",
        "findings[10].statement",
    ),
    (
        "an own-reading marker replaced by a flat claim",
        "We take this to mean the\n          relationship deserves attention at senior level, not only through\n"
        "          individual contracts.",
        "Councils that ignore it see services fail.",
        "audiences[2].implications[0].text",
    ),
]


def test_the_bundled_pack_passes_strict_and_every_finding_carries_the_sources_words() -> None:
    loaded = load_pack(BUNDLED)
    assert [str(problem) for problem in check_pack(loaded)] == []
    for finding in loaded.pack.findings:
        assert finding.excerpts, finding.id
        assert all(e.source and e.location and e.text for e in finding.excerpts)
        assert all(e.source in finding.source_ids for e in finding.excerpts)


@pytest.mark.parametrize("planting", FAULTS, ids=[f[0] for f in FAULTS])
def test_each_planted_fault_fails_strict_at_the_planted_field(
    planting: tuple[str, str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fault, shipped, planted, field = planting
    text = BUNDLED.read_text(encoding="utf-8")
    assert text.count(shipped) == 1, fault
    copy = tmp_path / "lcsi-2025.yaml"
    copy.write_text(text.replace(shipped, planted), encoding="utf-8")
    problems = check_pack(load_pack(copy))
    assert problems, fault
    assert {problem.field for problem in problems} == {field}
    assert main(["check", "--strict", str(copy)]) == 1
    printed = capsys.readouterr()
    assert f": warning: {field}: " in printed.out + printed.err


@pytest.mark.parametrize("written", ["91", "91%", "91 per cent", "ninety-one", "ninety one", "Ninety-One"])
def test_a_number_is_one_number_however_it_is_written(written: str) -> None:
    assert values(f"In all, {written} areas took part.", "en-GB") == {Decimal(91)}


def test_welsh_number_words_are_read_in_welsh() -> None:
    assert values("un ar ddeg a phedwar ugain o ardaloedd", "cy") == {Decimal(91)}
    assert values("dwy ffordd", "cy") == {Decimal(2)}


@pytest.mark.parametrize(
    "text",
    [
        "In July 2025 the reports came out.",
        "The work ran during 2024.",
        "From 2022 to 2027.",
        "In 2022/23 and 2022\u201327.",
        "Published 2025-07-11.",
        "(Kane and Cohen, 2023)",
        "On 14 July 2025.",
        "Open 09:30 to 17:00 from 2025-07-11T10:00:00.",
    ],
)
def test_a_year_inside_a_date_or_period_is_not_a_figure(text: str) -> None:
    assert list(quantities(text, "en-GB")) == []


def test_a_number_that_looks_like_a_year_but_counts_is_a_figure() -> None:
    assert values("There are 2024 groups.", "en-GB") == {Decimal(2024)}


def test_hedges_and_certainty_are_read_in_the_packs_language() -> None:
    assert hedge_kinds("LCSI organisations were seen as an effective bridge", "en-GB") == {"perception": "seen as"}
    assert hedge_kinds("It will almost certainly rest on this", "en-GB") == {"near certainty": "almost certainly"}
    assert "near certainty" not in hedge_kinds("It may perhaps rest on this", "en-GB")
    assert [m.text for m in certainty("It will almost certainly rest on this", "en-GB")] == []
    assert [m.text for m in certainty("They act as a trusted link", "en-GB")] == ["trusted"]
    # A Welsh statement is read with Welsh hedges; an English excerpt's kind is the same kind.
    assert hedge_kinds("Fe'u gwelwyd fel pont effeithiol", "cy") == {"perception": "Fe'u gwelwyd"}
    assert hedge_kinds("were seen as an effective bridge", "cy") == {}
    assert "perception" in hedge_kinds("were seen as an effective bridge", None)


def test_figures_that_count_the_evidence_print_under_about_the_evidence() -> None:
    from lcsi_briefs.pages.figures import finding_numbers  # noqa: PLC0415
    from lcsi_briefs.text.numbers import plain_notes  # noqa: PLC0415

    loaded = load_pack(BUNDLED)
    first = "\n".join(finding_numbers(loaded, loaded.pack.findings[0]))
    assert "**About the evidence**" in first
    assert "Key figures" not in first
    assert "227" in first
    assert plain_notes(loaded.pack, "no-agreed-definition")[0].startswith("About the evidence: 227 items")
    measured = load_pack(REPO / "tests" / "fixtures" / "valid" / "figures-example.yaml")
    shown = "\n".join(line for f in measured.pack.findings for line in finding_numbers(measured, f))
    assert "**Key figures**" in shown
    assert "About the evidence" not in shown


def _clean_with(tmp_path: Path, changes: dict[str, str]) -> Path:
    """The clean check fixture with some text replaced, written as a pack of its own."""
    text = (CHECK_FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    for old, new in changes.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_welsh_pack_is_read_with_welsh_hedges_and_welsh_own_reading_phrases(tmp_path: Path) -> None:
    """An English excerpt's hedge is kept by a Welsh hedge of the same kind, and only by one."""
    english_excerpt = "People who came to a library every week said they felt lonely less often."
    changes = {
        "language: en-GB": "language: cy",
        english_excerpt: "Libraries were seen as a welcoming place for people who feel lonely.",
        "statement: People who visit a library each week feel lonely less often.": (
            "statement: Fe'u gwelwyd fel lle croesawgar i bobl unig."
        ),
        "explanation: The study followed visitors at 40 libraries for a year.": (
            "explanation: Dilynodd yr astudiaeth ymwelwyr mewn 40 o lyfrgelloedd."
        ),
        "read this as a reason to keep staff in post.": "read this. Yn ein barn ni, dylid cadw staff.",
    }
    kept = _clean_with(tmp_path, changes)
    fields = {problem.field for problem in check_pack(load_pack(kept))}
    assert "findings[0].statement" not in fields
    assert "audiences[0].implications[0].text" not in fields
    dropped = {
        **changes,
        "statement: People who visit a library each week feel lonely less often.": (
            "statement: Mae llyfrgelloedd yn lle croesawgar i bobl unig."
        ),
    }
    assert "findings[0].statement" in {p.field for p in check_pack(load_pack(_clean_with(tmp_path, dropped)))}


def test_a_pack_may_name_its_own_reading_phrases(tmp_path: Path) -> None:
    own = _clean_with(
        tmp_path,
        {
            "  preferred_terms:\n": "  own_reading_markers: [As the board sees it]\n  preferred_terms:\n",
            "We\n          read this as a reason": "As the board sees it, this is a reason",
        },
    )
    fields = [problem.field for problem in check_pack(load_pack(own))]
    # The first implication uses the pack's phrase; the second ("We think") now lacks one.
    assert fields == ["audiences[1].implications[0].text"]
