"""Broken and hostile input: nothing crashes, nothing leaks, nothing good is lost.

The broken-pack corpus is in tests/fixtures/invalid (test_loader.py); the markup corpus is in
test_escaping.py. Here: text in every script, property-based packs, links out of the project,
renders that hang, and builds interrupted half-way.
"""

from __future__ import annotations

import gc
import os
import re
import signal
import string
import subprocess
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from lcsi_briefs.memory import THRESHOLDS
from lcsi_briefs.model import font_coverage as coverage
from lcsi_briefs.model.fields import ID_PATTERN
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.problems import PackError
from lcsi_briefs.pages import render_pages
from lcsi_briefs.pdf import pool
from lcsi_briefs.pdf.render import Rendered, RenderFailedError, RenderJob, render_pdf

from .conftest import interruptible_command, make_project, one_audience_pack, shared_build, small_pack, write_pack
from .test_build import snapshot

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 8
LONG_URL = "https://example.org/" + "a" * 1500
SCRIPTS = {
    "rtl": "Arabic العربية and Hebrew עברית in one line",
    "combining": "cafe\u0301 and n\u0303 and A\u030a",
    "emoji": "emoji 👩🏽\u200d⚕️ 🎉 ✓",
    "zero-width": "zero\u200bwidth\u200cjoiners\u200dhere\ufeffend",
    "welsh": "Cynghorau ac ŵyr a ŷd",
}


def unicode_pack() -> dict[str, Any]:
    pack = one_audience_pack()  # the text under test is the first audience's
    finding = pack["findings"][0]
    finding["statement"] = " — ".join(SCRIPTS.values())
    finding["explanation"] = f"A very long word: {LONG_WORD} and text after it."
    pack["sources"][0]["url"] = LONG_URL
    pack["audiences"][0]["name"] = SCRIPTS["welsh"]
    pack["audiences"][0]["implications"][0]["actions"] = [SCRIPTS["rtl"], SCRIPTS["emoji"]]
    return pack


@pytest.fixture(scope="module")
def unicode_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lcsi_briefs.cli.build import build_all  # noqa: PLC0415

    def make(root: Path) -> None:
        make_project(root, {"uni": unicode_pack()})
        assert build_all(root) == 0, "text in any script must build, with no WeasyPrint warning"

    return shared_build(tmp_path_factory, "unicode", make) / "build"


def test_every_script_appears_literally_in_the_html(unicode_build: Path) -> None:
    page = (unicode_build / "html" / "briefing" / "uni" / "index.html").read_text(encoding="utf-8")
    text = BeautifulSoup(page, "html.parser").get_text("")
    for sample in SCRIPTS.values():
        assert sample in text
    assert LONG_WORD in text
    sources = (unicode_build / "html" / "briefing" / "uni" / "sources.html").read_text(encoding="utf-8")
    assert f'href="{LONG_URL}"' in sources


def test_every_script_prints_in_the_pdf_with_embedded_fonts(unicode_build: Path) -> None:
    path = unicode_build / "pdf" / "uni.pdf"
    # Extraction may give accented letters decomposed; compare in composed form.
    extracted = " ".join(page.extract_text() for page in PdfReader(path).pages)
    text = "".join(unicodedata.normalize("NFC", extracted).split())
    # The long address runs over a page break: take out the running header and footer between
    # (and the list markers pypdf reads out of order there).
    running = ["".join(unicode_pack()["briefing"]["title"].split()), "15January2026", "•"]
    text = re.sub(r"Page\d+of\d+", "", text)
    for words in running:
        text = text.replace(words, "")
    assert LONG_WORD in text
    assert "Cynghorauacŵyraŷd" in text
    assert LONG_URL.removeprefix("https://") in text
    with pikepdf.open(path) as pdf:
        names = {str(font.get("/BaseFont")) for page in pdf.pages for font in page.Resources.Font.values()}
    assert any("Noto-Emoji" in name for name in names), names
    assert any("Atkinson" in name for name in names), names


# --- property-based packs ---------------------------------------------------------------------

#: Every character the PDFs can print (a valid pack holds no other; lcsi_briefs.model.font_coverage).
PRINTABLE = sorted(
    char
    for char in map(chr, coverage.printable())
    if coverage.needs_glyph(char) and unicodedata.category(char) not in ("Zl", "Zp")
)
PROSE = st.text(
    alphabet=st.sampled_from(PRINTABLE) | st.sampled_from("*_`<>{}[]|$#&\\"),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() != "")
IDS = st.from_regex(ID_PATTERN, fullmatch=True).filter(
    lambda value: value not in {"con", "prn", "aux", "nul"} and value[:3] not in {"com", "lpt"}
)


@st.composite
def packs(draw: st.DrawFn) -> dict[str, Any]:
    """Valid packs: unique ids, and every reference pointing at something that exists."""
    source_ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    finding_ids = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    audience_ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    pack = small_pack()
    pack["briefing"].update(title=draw(PROSE), summary=draw(PROSE), about_implications=draw(PROSE))
    pack["sources"] = [
        {"id": s, "title": draw(PROSE), "publisher": draw(PROSE), "date": "2025-01-02", "url": "https://example.org/"}
        for s in source_ids
    ]
    pack["findings"] = [
        {
            "id": f,
            "statement": draw(PROSE),
            "explanation": draw(PROSE),
            "sources": draw(st.lists(st.sampled_from(source_ids), min_size=1, max_size=2, unique=True)),
        }
        for f in finding_ids
    ]
    pack["functions"], pack["pathways"] = [], []
    pack["audiences"] = [
        {
            "id": a,
            "name": draw(PROSE),
            "description": draw(PROSE),
            "implications": [
                {
                    "title": draw(PROSE),
                    "text": draw(PROSE),
                    "findings": draw(st.lists(st.sampled_from(finding_ids), min_size=1, max_size=2, unique=True)),
                    "actions": draw(st.lists(PROSE, max_size=2)),
                }
            ],
        }
        for a in audience_ids
    ]
    pack["glossary"] = []
    return pack


def folded(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pack=packs())
def test_generated_valid_packs_load_and_keep_their_text(tmp_path: Path, pack: dict[str, Any]) -> None:
    loaded = load_pack(write_pack(tmp_path / "generated.yaml", pack))
    assert [folded(f.statement) for f in loaded.pack.findings] == [folded(f["statement"]) for f in pack["findings"]]
    pages = render_pages([loaded], "briefing")
    assert "generated/index.md" in pages


MUTATIONS = st.sampled_from(["drop", "unknown", "retype", "dangle", "tab", "truncate", "empty"])


def mutate(pack: dict[str, Any], how: str, text: str, cut: int) -> str:
    """Break a valid pack one way an editor might, and return the file text."""
    if how == "drop":
        del pack["findings"][0]["sources"]
    elif how == "unknown":
        pack["findings"][0]["statment"] = "typo"
    elif how == "retype":
        pack["audiences"][0]["implications"] = "not a list"
    elif how == "dangle":
        pack["audiences"][0]["implications"][0]["findings"] = ["no-such-finding"]
    elif how == "empty":
        pack["briefing"]["title"] = "   "
    dumped = yaml.safe_dump(pack, allow_unicode=True, sort_keys=False)
    if how == "tab":
        return dumped.replace("\n  ", "\n\t", 1)
    if how == "truncate":
        return dumped[: max(1, cut % len(dumped))] + text
    return dumped


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pack=packs(), how=MUTATIONS, text=st.text(max_size=5), cut=st.integers(min_value=0))
def test_mutated_packs_give_positioned_problems_and_nothing_else(
    tmp_path: Path, pack: dict[str, Any], how: str, text: str, cut: int
) -> None:
    path = tmp_path / "mutated.yaml"
    path.write_text(mutate(pack, how, text, cut), encoding="utf-8")
    try:
        load_pack(path)
    except PackError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == path
            assert problem.line >= 1 and problem.column >= 1
            assert problem.message and "\n" not in problem.message
    else:
        assert how == "truncate", f"a {how!r} mutation must be reported"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pack=packs())
def test_whatever_validates_builds_and_shows_its_text(
    tmp_path_factory: pytest.TempPathFactory, pack: dict[str, Any]
) -> None:
    from lcsi_briefs.cli.build import build_all  # noqa: PLC0415

    root = make_project(tmp_path_factory.mktemp("property") / "project", {"generated": pack})
    assert build_all(root, pdf=False) == 0
    page = (root / "build" / "html" / "briefing" / "generated" / "index.html").read_text(encoding="utf-8")
    text = folded(BeautifulSoup(page, "html.parser").get_text(""))
    for finding in pack["findings"]:
        assert folded(finding["statement"]) in text


# --- nothing leaves the project -----------------------------------------------------------------


def test_a_pack_linking_outside_the_project_is_refused(tmp_path: Path) -> None:
    outside = write_pack(tmp_path / "elsewhere" / "pack.yaml", small_pack())
    folder = tmp_path / "project" / "briefings"
    folder.mkdir(parents=True)
    (folder / "linked.yaml").symlink_to(outside)
    with pytest.raises(PackError, match=r"is a link to .*outside its folder"):
        load_pack(folder / "linked.yaml")


def test_renderer_refuses_a_symlink_that_points_out_of_the_project(tmp_path: Path) -> None:
    (tmp_path / "picture.png").symlink_to("/etc/passwd")
    job = RenderJob(
        html='<html lang="en"><title>t</title><img src="picture.png" alt="x"></html>',
        target=tmp_path / "out.pdf",
        base_url=tmp_path.as_uri() + "/",
        stylesheets=(),
        allowed_roots=(tmp_path,),
    )
    with pytest.raises(RenderFailedError, match="outside the project"):
        render_pdf(job)
    assert not (tmp_path / "out.pdf").exists()


# --- a render that hangs cannot hang the build ----------------------------------------------------


def hanging_render(job: RenderJob) -> list[str]:
    time.sleep(600)
    return []


def test_a_render_that_hangs_is_stopped_with_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "render_pdf", hanging_render)
    job = RenderJob(html="", target=tmp_path / "slow.pdf", base_url="", stylesheets=(), allowed_roots=())
    start = time.monotonic()
    results = list(pool.render_all([job], workers=1, timeout=1.0))
    # Far under the render's 600 s however loaded the machine: the pool stopped it, it did not finish.
    assert time.monotonic() - start < 300
    assert [result.error for result in results] == ["rendering took longer than 1 seconds and was stopped"]


#: How long a render waits for a second to be running beside it; it never waits that long when
#: two workers render at once, whatever the machine's load.
BESIDE = 60.0


def render_beside_another(job: RenderJob) -> Rendered:
    """A real render held until a second job has started, so that a pool of two is seen with
    two at once however loaded the machine (comparing clocks after a sleep could fail when a
    loaded machine started the second worker late). Each job notes, in its ``.done`` file, how
    many were running as it started."""
    folder = job.target.parent
    job.target.with_suffix(".running").touch()
    running = len(list(folder.glob("*.running")))
    deadline = time.monotonic() + BESIDE
    while len(list(folder.glob("*.running"))) + len(list(folder.glob("*.done"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    rendered = render_pdf(job)
    job.target.with_suffix(".done").write_text(str(running), encoding="utf-8")
    job.target.with_suffix(".running").unlink()
    return rendered


def _one_line_jobs(folder: Path, names: Sequence[str]) -> list[RenderJob]:
    """A job per name: a page of one line, printed to ``folder/<name>.pdf``."""
    return [
        RenderJob(
            html=f"<html lang='en'><title>{n}</title><p>{n}</p></html>",
            target=folder / f"{n}.pdf",
            base_url=folder.as_uri() + "/",
            stylesheets=(),
            allowed_roots=(folder,),
        )
        for n in names
    ]


def test_renders_run_in_parallel_and_all_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "render_pdf", render_beside_another)
    names = string.ascii_lowercase[:5]
    jobs = _one_line_jobs(tmp_path, names)
    results = list(pool.render_all(jobs, workers=2, timeout=BESIDE * 2))
    assert sorted(result.job.target.name for result in results) == sorted(job.target.name for job in jobs)
    assert all(result.error is None for result in results)
    assert all((tmp_path / f"{n}.pdf").read_bytes().startswith(b"%PDF") for n in names)
    # The first two wait for each other, so a pool that renders one at a time counts only 1s
    # (after the first job has waited BESIDE seconds for a second that never comes).
    counted = [int((tmp_path / f"{n}.done").read_text(encoding="utf-8")) for n in names]
    assert max(counted) == 2, f"expected two renders at once, never more: {counted}"


def test_a_render_worker_collects_as_a_build_should(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Full collections walking what a worker was forked with cost a tenth of its rendering
    (``lcsi_briefs.memory``): a worker freezes that and sets its own thresholds, whatever the
    process that forked it had."""

    def noted(job: RenderJob) -> Rendered:
        job.target.with_suffix(".gc").write_text(f"{gc.get_freeze_count()} {gc.get_threshold()}", encoding="utf-8")
        return render_pdf(job)

    monkeypatch.setattr(pool, "render_pdf", noted)
    inherited, ours = gc.get_freeze_count(), gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's own: a worker inherits them, and must change them
    try:
        (result,) = pool.render_all(_one_line_jobs(tmp_path, ["a"]), workers=1, timeout=60)
    finally:
        gc.set_threshold(*ours)
    assert result.error is None
    frozen, thresholds = (tmp_path / "a.gc").read_text(encoding="utf-8").split(" ", 1)
    assert int(frozen) > inherited
    assert thresholds == str(THRESHOLDS)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc (Linux)")
def test_retired_workers_let_go_of_their_pipes_as_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker retires after its share of jobs; a build of thousands of PDFs retires hundreds,
    and each one kept to the end held three file descriptors, past the usual limit of 1,024."""
    monkeypatch.setattr(pool, "JOBS_PER_WORKER", 1)
    jobs = _one_line_jobs(tmp_path, [str(n) for n in range(24)])
    open_files = []
    for result in pool.render_all(jobs, workers=1, timeout=60):
        assert result.error is None
        open_files.append(len(list(Path("/proc/self/fd").iterdir())))
    # 24 workers retired one after another: what stays open does not grow with them.
    assert max(open_files[8:]) <= open_files[4] + 6, open_files


# --- nothing good is lost -----------------------------------------------------------------------


def test_an_interrupted_build_keeps_the_previous_output_and_the_next_one_succeeds(project: Any) -> None:
    root = project(pdf=True)
    before = {part: snapshot(root / "build" / part) for part in ("html", "pdf")}
    changed = one_audience_pack()
    changed["briefing"]["title"] = "A title from an interrupted build"
    write_pack(root / "briefings" / "small.yaml", changed)
    command = interruptible_command("build", "--project", str(root))
    build = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    output = b""
    deadline = time.monotonic() + 60
    while b"rendering PDFs" not in output and b"Rendering the PDFs" not in output and time.monotonic() < deadline:
        output += build.stdout.read1(4096) if build.stdout else b""  # type: ignore[attr-defined]
    os.killpg(build.pid, signal.SIGINT)
    rest, _ = build.communicate(timeout=60)
    assert build.returncode != 0, (output + rest).decode()
    assert b"Traceback" not in output + rest
    assert {part: snapshot(root / "build" / part) for part in ("html", "pdf")} == before
    leftovers = [p.name for p in (root / "build").iterdir() if p.name.startswith(".") and p.name != ".work"]
    assert leftovers == []

    from lcsi_briefs.cli.build import build_all  # noqa: PLC0415

    assert build_all(root) == 0
    assert "A title from an interrupted build" in (root / "build" / "html" / "index.html").read_text(encoding="utf-8")
