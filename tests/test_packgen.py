"""The seeded pack generator (``tests/packgen.py``) makes valid packs of every shape, repeatably."""

from __future__ import annotations

from pathlib import Path

from lcsi_briefs.cli.main import main

from .packgen import generate_pack, write_generated

SEEDS = range(10)


def test_every_generated_pack_is_valid(tmp_path: Path) -> None:
    paths = [write_generated(tmp_path, seed) for seed in SEEDS]
    assert main(["validate", *map(str, paths)]) == 0


def test_the_generator_varies_the_shape_of_packs() -> None:
    packs = [generate_pack(seed) for seed in range(40)]
    findings = {len(pack["findings"]) for pack in packs}
    assert min(findings) == 1
    assert max(findings) > 12
    assert {pack["briefing"]["language"] for pack in packs} == {"en-GB", "cy"}
    assert {bool(pack.get("functions")) for pack in packs} == {True, False}
    tables = [table for pack in packs for finding in pack["findings"] for table in finding.get("tables", [])]
    assert max(len(table["rows"]) for table in tables) > 12
    assert {len(table["columns"]) for table in tables} == {2, 3, 4, 5, 6}
    kinds = {chart["kind"] for pack in packs for finding in pack["findings"] for chart in finding.get("charts", [])}
    assert kinds == {"bar", "stacked-bar", "line"}


def test_knobs_fix_one_aspect_and_seeds_repeat() -> None:
    assert generate_pack(3) == generate_pack(3)
    assert generate_pack(3) != generate_pack(4)
    thirty = generate_pack(5, findings=30, language="cy", functions=False)
    assert len(thirty["findings"]) == 30
    assert thirty["briefing"]["language"] == "cy"
    assert "functions" not in thirty


def test_knob_packs_are_valid(tmp_path: Path) -> None:
    paths = [
        write_generated(tmp_path / "thirty", 11, findings=30, tables=0.6),
        write_generated(tmp_path / "one", 12, findings=1, long_names=True, language="cy"),
    ]
    assert main(["validate", *map(str, paths)]) == 0
