"""The text model, pinned once: paragraphs, folding, dates and the characters a pack may hold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.problems import PackError
from lcsi_briefs.newsletter.content import build_newsletter
from lcsi_briefs.pages import render_pages
from lcsi_briefs.text import paragraphs as text

from .conftest import small_pack, write_pack


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\n \nTwo.", ["One.", "Two."]),
        ("One.\n\t  \nTwo.", ["One.", "Two."]),
        ("One\nline.\n\n\n\nTwo.\n", ["One line.", "Two."]),
        ("  \n\nOnly.\n\n  ", ["Only."]),
        ("", []),
    ],
)
def test_paragraphs_split_on_blank_lines_even_ones_holding_spaces(prose: str, expected: list[str]) -> None:
    assert text.paragraphs(prose) == expected


def test_fold_joins_every_kind_of_line_break() -> None:
    assert text.fold("a\u2028b\u2029c\x85d\r\ne\vf\fg") == "a b c d e f g"


@pytest.mark.parametrize(("language", "expected"), [("en-GB", "11 July 2025"), ("cy", "11 Gorffennaf 2025")])
def test_long_date_reads_as_the_pack_language_expects(language: str, expected: str) -> None:
    assert text.long_date(dt.date(2025, 7, 11), language) == expected


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff"])
def test_noncharacters_are_unusable(char: str) -> None:
    assert text.is_noncharacter(char)
    assert text.unusable_character(f"a{char}b") == char


@pytest.mark.parametrize("char", ["\ufffd", "\ufdcf", "\ufdf0", "\u2028", "\n", "\t", "é", "\U0001f600"])
def test_ordinary_characters_are_usable(char: str) -> None:
    assert text.unusable_character(f"a{char}b") is None


@pytest.mark.parametrize("char", sorted(text.LINE_BREAKS), ids=lambda c: f"U+{ord(c):04X}")
def test_every_line_break_is_refused_in_one_line_fields_with_its_position(tmp_path: Path, char: str) -> None:
    """Each character ``str.splitlines`` breaks on, written as an escape in a title and a name."""
    assert len(f"a{char}b".splitlines()) == 2, "the set must hold only real line breaks"
    pack = small_pack()
    pack["briefing"]["title"] = f"Before{char}after"
    pack["audiences"][1]["name"] = f"Resi{char}dents"
    path = tmp_path / "breaks.yaml"
    # Written as escapes: raw, YAML itself would read three of them as line breaks.
    path.write_text(yaml.safe_dump(pack, allow_unicode=False, sort_keys=False), encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    problems = {(p.field, p.line > 1, p.column > 1) for p in caught.value.problems}
    assert problems == {("briefing.title", True, True), ("audiences[1].name", True, True)}
    assert all("line break" in p.message or "control character" in p.message for p in caught.value.problems)


def test_every_line_break_is_a_line_break() -> None:
    """No character splitlines breaks on is missing from the set."""
    breaking = {chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) == 2}
    assert breaking == text.LINE_BREAKS


def test_site_and_email_split_a_blank_line_holding_a_space_alike(tmp_path: Path) -> None:
    """Bug B4: a blank line holding a space made two paragraphs on the site and one in the email."""
    pack = small_pack()
    pack["briefing"]["summary"] = "First paragraph.\n \nSecond paragraph."
    loaded = load_pack(write_pack(tmp_path / "small.yaml", pack))
    newsletter = build_newsletter(loaded, None, lambda label: f"https://x.example/#{label}", str)
    assert newsletter.intro == ["First paragraph.", "Second paragraph."]
    overview = render_pages([loaded], "briefing")["small/index.md"]
    assert "\nFirst paragraph\\.\n\nSecond paragraph\\.\n" in overview
