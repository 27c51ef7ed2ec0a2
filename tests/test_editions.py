"""What an edition holds is decided once (``editions.contents``), for every output to follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from lcsi_briefs.editions import contents, rests_on
from lcsi_briefs.model.loader import load_pack

from .conftest import small_pack, write_pack
from .packgen import write_generated


def test_an_audience_edition_holds_the_findings_its_implications_rest_on_in_number_order(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "small.yaml", small_pack())).pack
    for audience in pack.audiences:
        held = contents(pack, audience.id)
        numbers = [number for number, _ in held.findings]
        assert numbers == sorted(numbers)
        assert {finding.id for _, finding in held.findings} == rests_on(audience)
        assert [pack.finding_number(finding.id) for _, finding in held.findings] == numbers


def test_the_full_briefing_holds_everything(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "small.yaml", small_pack())).pack
    held = contents(pack)
    assert [finding.id for _, finding in held.findings] == [finding.id for finding in pack.findings]
    assert held.sources == tuple(pack.sources)


@pytest.mark.parametrize("seed", range(6))
def test_on_generated_packs_sources_are_exactly_those_the_held_findings_cite(tmp_path: Path, seed: int) -> None:
    pack = load_pack(write_generated(tmp_path, seed)).pack
    for audience in pack.audiences:
        held = contents(pack, audience.id)
        cited = {source for _, finding in held.findings for source in finding.source_ids}
        assert {source.id for source in held.sources} == cited
        # In the pack's order, so every output lists them alike.
        order = [source.id for source in pack.sources]
        assert [source.id for source in held.sources] == sorted(cited, key=order.index)
