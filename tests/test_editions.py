"""What an edition holds is decided once (``editions.contents``), for every output to follow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lcsi_briefs.editions import contents, implication_findings, rests_on
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.newsletter.content import build_newsletter
from lcsi_briefs.pages.audience import render_audience
from lcsi_briefs.pages.common import Labels
from lcsi_briefs.pdf.brief import brief_context, fill_brief

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


def _rests_on_in_page(page: str, labels: Labels, audience_id: str) -> list[list[int]]:
    """Each implication's 'Rests on' list on the site's audience page: finding numbers, in page order."""
    numbers = {labels.finding(finding.id): n for n, finding in enumerate(labels.pack.findings, start=1)}
    # Each implication starts at its own target line, "(<slug>-audience-<id>-<n>)=".
    implication = re.compile(rf"^\({re.escape(labels.implication(audience_id, 0)[:-1])}\d+\)=$", re.MULTILINE)
    blocks = implication.split(page)[1:]
    return [[numbers[label] for label in re.findall(r"\]\(#([^)]+)\)", block) if label in numbers] for block in blocks]


def _numbers_in_brief(html: str) -> tuple[list[int], list[list[int]]]:
    """The brief's findings (their numbers) and each implication's 'Rests on findings 2 and 5'."""
    page = BeautifulSoup(html, "html.parser")
    findings = [int(str(item["value"])) for item in page.select("ol.brief-findings > li")]
    rests = [[int(n) for n in re.findall(r"\d+", span.get_text())] for span in page.select(".brief-rests")]
    return findings, rests


@pytest.mark.parametrize("seed", [3, 11, 29, 41])
def test_the_audience_page_its_pdfs_and_its_email_list_the_same_findings_in_the_same_order(
    seed: int, tmp_path: Path
) -> None:
    """On a generated pack, whose implications name their findings in any order: the site's
    audience page, the audience's one-sheet brief and its email follow ``editions`` (the PDF
    edition prints the page and ``contents`` itself)."""
    loaded = load_pack(write_generated(tmp_path, seed, findings=12))
    pack, labels = loaded.pack, Labels(loaded)
    written_in_another_order = False
    for audience in pack.audiences:
        held = [number for number, _ in contents(pack, audience.id).findings]
        asked = [[n for n, _ in implication_findings(pack, i)] for i in audience.implications]
        written_in_another_order |= any(
            [pack.finding_number(f) for f in i.findings] != numbers
            for i, numbers in zip(audience.implications, asked, strict=True)
        )
        on_page = _rests_on_in_page(render_audience(loaded, audience), labels, audience.id)
        assert on_page == asked
        assert sorted({n for numbers in on_page for n in numbers}) == held
        email = build_newsletter(loaded, audience.id, lambda label: f"https://x.example/#{label}", str)
        assert [headline.number for headline in email.headlines] == held
        brief_findings, brief_rests = _numbers_in_brief(
            fill_brief(brief_context(loaded, audience.id, url="", created="2026-01-15T00:00:00Z"), large_print=False)
        )
        assert brief_findings == held
        assert brief_rests == asked
    assert written_in_another_order  # the pack gives the outputs an order to get wrong
