"""The one-sheet brief: two A4 pages per audience, or a located error saying how far over it is."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfReader

from lcsi_briefs.editions import Cobrand, MemberCopy, editions
from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pdf.brief import audience_url, brief_context, fill_brief
from lcsi_briefs.pdf.print_setup import (
    HERE,
    TooLong,
    brief_limit,
    brief_too_long,
    print_stylesheets,
    too_long_messages,
)
from lcsi_briefs.pdf.render import TOO_LONG, RenderJob, render_pdf

from .conftest import REPO, small_pack, write_pack

CREATED = "2026-01-15T00:00:00Z"
FIGURES_EXAMPLE = REPO / "tests" / "fixtures" / "valid" / "figures-example.yaml"


def _fold(text: str) -> str:
    return " ".join(text.split())


def test_front_lists_only_the_findings_it_rests_on_numbered_as_in_the_full_briefing(bundled: LoadedPack) -> None:
    audience = bundled.pack.audiences[-1]
    html = fill_brief(brief_context(bundled, audience.id, url="", created=CREATED), large_print=False)
    page = BeautifulSoup(html, "html.parser")
    cited = {f for implication in audience.implications for f in implication.findings}
    expected = [bundled.pack.finding_number(f) for f in sorted(cited, key=bundled.pack.finding_number)]
    assert [int(li["value"]) for li in page.select("ol.brief-findings li")] == expected
    assert f"For {audience.in_text}" in page.get_text()
    assert [h3.get_text() for h3 in page.select(".brief-back h3")] == [i.title for i in audience.implications]
    assert page.select(".brief-back img") == [], "no QR code without the site's address"


def test_the_back_says_it_is_our_reading_and_what_each_implication_rests_on(bundled: LoadedPack) -> None:
    """The implications are the publisher's reading: a brief that printed them under the
    research's sentences, unlabelled, passed our reading off as the research's."""
    audience = bundled.pack.audience("local-government")
    page = BeautifulSoup(
        fill_brief(brief_context(bundled, audience.id, url="", created=CREATED), large_print=False), "html.parser"
    )
    back = page.select_one(".brief-back")
    assert back is not None
    note = back.select_one("h2 + p.brief-note")
    assert note is not None and "the publisher's own reading" in note.get_text()
    shown = [span.get_text() for span in back.select(".brief-implication .brief-rests")]
    expected = []
    for implication in audience.implications:
        numbers = sorted(bundled.pack.finding_number(f) for f in implication.findings)
        words = (
            " and ".join([", ".join(map(str, numbers[:-1])), str(numbers[-1])]) if len(numbers) > 1 else str(numbers[0])
        )
        expected.append(f"(Rests on finding{'s' if len(numbers) > 1 else ''} {words})")
    assert shown == expected
    assert any(len(i.findings) > 1 for i in audience.implications), "the case of several findings is covered"


def test_text_from_the_pack_stays_text(tmp_path: Path) -> None:
    pack = small_pack()
    pack["audiences"][0]["implications"][0]["title"] = "<script>alert(1)</script> & more"
    loaded = load_pack(write_pack(tmp_path / "small.yaml", pack))
    html = fill_brief(brief_context(loaded, "councils", url="", created=CREATED), large_print=False)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_qr_code_for_the_audience_page_when_the_site_address_is_known(bundled: LoadedPack) -> None:
    url = audience_url("https://example.org/site/", bundled, "funders", "_briefings", ".html")
    assert url == "https://example.org/site/_briefings/lcsi-2025/audiences/funders.html"
    assert audience_url("", bundled, "funders", "_briefings", ".html") == ""
    page = BeautifulSoup(
        fill_brief(brief_context(bundled, "funders", url=url, created=CREATED), large_print=False), "html.parser"
    )
    qr = page.select_one(".brief-more img")
    assert qr is not None
    assert qr["src"].startswith("data:image/svg+xml;base64,")
    assert qr["alt"] == f"QR code for {url}"
    assert page.select_one(f'.brief-more a[href="{url}"]') is not None


def test_every_audience_has_a_two_page_brief_and_a_large_print_twin(bundled_build: Path, bundled: LoadedPack) -> None:
    pdf_dir = bundled_build / "build" / "pdf"
    for audience in bundled.pack.audiences:
        layout = PackLayout(bundled.slug)
        reader = PdfReader(pdf_dir / layout.pdf_name(audience.id, brief=True))
        assert len(reader.pages) == 2
        front, back = (_fold(page.extract_text()) for page in reader.pages)
        assert f"For {audience.in_text}" in front
        assert bundled.pack.briefing.publisher in front
        for implication in audience.implications:
            assert _fold(implication.title)[:40] in f"{front} {back}"
        assert (pdf_dir / layout.pdf_name(audience.id, brief=True, large_print=True)).is_file()


def test_the_site_links_each_brief(bundled_build: Path, bundled: LoadedPack) -> None:
    site = bundled_build / "build" / "html"
    briefs = {e.filename for e in editions(bundled) if e.brief}
    landing = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert briefs <= {a["href"].rsplit("/", 1)[-1] for a in landing.select("a.lcsi-pdf")}
    for audience in bundled.pack.audiences:
        page = site / f"{PackLayout(bundled.slug).audience_doc(audience.id)}.html"
        linked = {
            a["href"].rsplit("/", 1)[-1]
            for a in BeautifulSoup(page.read_text("utf-8"), "html.parser").select("a.lcsi-pdf")
        }
        assert PackLayout(bundled.slug).pdf_name(audience.id, brief=True) in linked


def test_a_brief_that_cannot_fit_two_pages_is_printed_whole_with_a_warning_naming_what_to_shorten(
    tmp_path: Path,
) -> None:
    pack = small_pack()
    long_action = "Write down, with the people who use it, what the library does for them in each season. " * 3
    implications = pack["audiences"][1]["implications"]
    second = {"title": "A second point", "text": "Going helps.", "findings": ["regular-visits"]}
    implications.append({**second, "actions": [long_action] * 30})
    path = write_pack(tmp_path / "briefings" / "small.yaml", pack)
    loaded = load_pack(path)
    html = fill_brief(brief_context(loaded, "residents", url="", created=CREATED), large_print=False)
    job = RenderJob(
        html=html,
        target=tmp_path / "brief.pdf",
        base_url=tmp_path.as_uri() + "/",
        stylesheets=print_stylesheets(large_print=False, brief=True),
        allowed_roots=(tmp_path, HERE),
        limit=brief_limit(large_print=False),
    )
    warnings = render_pdf(job).warnings
    assert len(warnings) == 1 and warnings[0].startswith(TOO_LONG)
    text = _fold(" ".join(page.extract_text() for page in PdfReader(job.target).pages))
    assert text.count(_fold(long_action)) == 30, "never a cut"
    how_long = warnings[0].removeprefix(TOO_LONG)
    assert re.fullmatch(r"\d+ pages, about \d+\.\d of a page too long", how_long)
    edition = next(e for e in editions(loaded) if e.brief and e.audience == "residents")
    message = brief_too_long(loaded, edition, None, how_long)
    lines = path.read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "title: A second point" in text)
    assert message.startswith(f"{path}:{line}:")
    assert ": warning: audiences[1].implications[1]: the one-sheet brief for Residents does not fit" in message
    assert how_long in message and "give it a shorter `brief` form" in message
    # A member's copy may run over where the publisher's fits: said at the member's file, naming it.
    fields = dict.fromkeys(("logo", "logo_alt", "primary", "accent", "shared_line"), "")
    fields |= {"foreword_heading": "", "foreword_note": "", "contact_heading": "", "charity": ""}
    member = Cobrand(name="Leeds CVS", foreword=[], contact=[], **fields)
    copy = MemberCopy("members/leeds-cvs/x.pdf", member, "members/leeds-cvs.yaml:1")
    message = brief_too_long(loaded, edition, copy, how_long)
    assert message.startswith(
        "members/leeds-cvs.yaml:1: warning: Leeds CVS's copy of the one-sheet brief for Residents"
    )
    assert f"at {path}:{line}:" in message and how_long in message and "fewer contact details" in message
    # Said once each, the publisher's first; more than three members' copies of it, in one line.
    copies = [
        MemberCopy(f"members/m{n}/x.pdf", replace(member, name=f"Member {n}"), f"members/m{n}.yaml:1") for n in range(5)
    ]
    own = TooLong(loaded, edition, None, how_long)
    many = too_long_messages([*(TooLong(loaded, edition, c, how_long) for c in reversed(copies)), own])
    assert len(many) == 2 and many[0] == brief_too_long(loaded, edition, None, how_long)
    assert many[1].startswith(f"{path}:{line}:") and "5 members' copies of the one-sheet brief for Residents" in many[1]
    assert "(Member 0, Member 1, Member 2 and 2 more; the first runs to" in many[1]
    few = too_long_messages([TooLong(loaded, edition, c, how_long) for c in copies[1::-1]])
    assert few == [brief_too_long(loaded, edition, c, how_long) for c in copies[:2]]


def test_front_carries_the_key_figures_of_the_findings_it_rests_on(tmp_path: Path) -> None:
    from lcsi_briefs.text.numbers import figure_value  # noqa: PLC0415

    # The figures example's audience also rests on the finding whose figures it measures.
    resting = FIGURES_EXAMPLE.read_text(encoding="utf-8").replace(
        "findings: [costs-rising, volunteers-by-region]", "findings: [costs-rising, volunteers-by-region, response]"
    )
    (tmp_path / "figures-example.yaml").write_text(resting, encoding="utf-8")
    shown = 0
    for example, audience in [
        (loaded, audience)
        for loaded in (load_pack(REPO / "briefings" / "lcsi-2025.yaml"), load_pack(tmp_path / "figures-example.yaml"))
        for audience in loaded.pack.audiences
    ]:
        pack = example.pack
        cited = {f for implication in audience.implications for f in implication.findings}
        html = fill_brief(brief_context(example, audience.id, url="", created=CREATED), large_print=False)
        page = BeautifulSoup(html, "html.parser")
        listed = [li.get_text(" ") for li in page.select(".brief-front .brief-figures li")]
        wanted = [
            (figure_value(figure, pack.briefing.language), figure.label)
            for finding in pack.findings
            if finding.id in cited
            for figure in finding.figures
            if figure.about == "finding"  # counts of the evidence are not the findings' figures
        ]
        assert len(listed) == len(wanted)
        shown += len(listed)
        for (value, label), line in zip(wanted, listed, strict=True):
            assert line.startswith(value) and label in line
    assert shown > 0
