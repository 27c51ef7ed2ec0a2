"""Benchmark ``lcsi-briefs build`` at several sizes against the two floors it cannot beat.

Run it with ``nox -s bench`` (it is not part of the tests). For each size it builds a fresh
project with the real command in a subprocess, several times, and times a clean build, a
rebuild with nothing changed, a rebuild after editing one finding and one after editing one
audience's implications, and records peak memory. On the same content it times the two
floors: a plain ``sphinx-build -b html`` of the generated MyST pages, and WeasyPrint alone
rendering the same print HTML. Every figure is shown as a ratio to those floors, so the cost
of our own machinery is visible whatever the machine. The table goes to
``build/bench/results.md`` (and ``docs/manual/benchmark-results.inc`` with ``--update-docs``).
"""

# ruff: noqa: T201 - a command-line script: its output is the point

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from lcsi_briefs.model.pack import Pack

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "briefings" / "lcsi-2025.yaml"


def _most(field_name: str) -> int:
    """The most items a pack may list in ``field_name``: the model's own cap, which validate holds to."""
    caps = [getattr(item, "max_length", None) for item in Pack.model_fields[field_name].metadata]
    return min(cap for cap in caps if cap is not None)


#: The largest pack lcsi-briefs accepts (findings x audiences): the caps keep a build to minutes.
LARGEST = f"{_most('findings')}x{_most('audiences')}"
DEFAULT_SIZES = f"10x5,100x20,{LARGEST},bundled"
#: Sizes bigger than this (findings x audiences) take minutes a build, so run once by default.
LARGE = (100, 20)
MIB = 1024 * 1024

#: Renders every print HTML file in a folder, one after another, as the build's renderer
#: would (same stylesheets, fonts and PDF variant), with nothing else around it. Arguments:
#: the folder, the output folder, then JSON {"standard": [css, ...], "large": [css, ...]}.
#: The WeasyPrint floor prints one line per PDF with this prefix: its name and seconds.
FLOOR_LINE = "floor-pdf"
WEASYPRINT_FLOOR = """
FLOOR_LINE = "floor-pdf"
import json, sys, time
from pathlib import Path
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
folder, out, sheets = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
for page in sorted(folder.glob("*.html")):
    start = time.perf_counter()
    fonts = FontConfiguration()
    kind = ("brief-" if "--brief" in page.name else "") + ("large" if "--large-print" in page.name else "standard")
    paths = sheets[kind]
    css = [CSS(filename=path, font_config=fonts) for path in paths]
    HTML(filename=str(page)).write_pdf(
        out / f"{page.stem}.pdf", stylesheets=css, font_config=fonts, pdf_variant="pdf/ua-1"
    )
    print(f"{FLOOR_LINE} {page.stem}.pdf {time.perf_counter() - start:.4f}", flush=True)
"""

#: The HTML floor's conf.py: the same parsers and theme as the site, without lcsi-briefs.
FLOOR_CONF = """\
extensions = ["myst_parser", "sphinx_design"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
html_theme = "furo"
# Included by pages, not pages themselves (the site's extension excludes them the same way).
exclude_patterns = ["briefing/_includes/*"]
"""

#: The generated pages' download links need the lcsi-briefs extension; the floor goes without.
DOWNLOADS_BLOCK = re.compile(r"^```\{briefing-downloads\}.*?^```\n", re.MULTILINE | re.DOTALL)


# --- Synthetic packs ---------------------------------------------------------------------

#: Plain words of the kind a briefing uses; text is made by drawing from them at random.
VOCABULARY = """
local groups support volunteers funding councils partners evidence services community people
organisations networks training advice capacity trust places health needs research voice change
data sector leaders grants skills neighbourhood charities commissioning collaboration advocacy
resilience outcomes infrastructure partnership governance safeguarding wellbeing inclusion access
digital rural urban small large regular shared practical strong stable new long-term early public
private national
"""
WORDS = tuple(VOCABULARY.split())
#: Glossary terms come from the same words, so the site links them wherever they appear.
GLOSSARY = "commissioning collaboration advocacy resilience infrastructure partnership governance safeguarding"
GLOSSARY_TERMS = (*GLOSSARY.split(), "wellbeing", "inclusion")


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _prose(rng: random.Random, words: int) -> str:
    """About ``words`` words of plain text, in sentences of 8 to 16 words."""
    sentences: list[str] = []
    left = words
    while left > 0:
        length = min(left, rng.randint(8, 16))
        sentences.append(_sentence(rng, length))
        left -= length
    return " ".join(sentences)


def synthetic_pack(findings: int, audiences: int, seed: int = 2025) -> dict[str, Any]:
    """A valid pack of the given size, with text about as long as a real briefing's.

    Seeded, so every run and every machine measures exactly the same content.
    """
    rng = random.Random(f"{seed}-{findings}x{audiences}")
    source_ids = [f"report-{n}" for n in range(1, 6)]
    finding_ids = [f"finding-{n:04d}" for n in range(1, findings + 1)]
    audience_ids = [f"audience-{n:02d}" for n in range(1, audiences + 1)]
    function_ids = [f"function-{n}" for n in range(1, 6)]
    return {
        "briefing": {
            "title": f"Synthetic briefing: {findings} findings for {audiences} audiences",
            "subtitle": "Generated for the benchmark",
            "series": {"name": "Benchmark briefings", "number": 1},
            "edition_date": "2026-01-15",
            "publisher": "lcsi-briefs benchmark",
            "language": "en-GB",
            "summary": _prose(rng, 70),
            "about_implications": _prose(rng, 50),
            "keywords": ["benchmark", "synthetic"],
        },
        "sources": [
            {
                "id": source_id,
                "title": f"Report {n}: {_sentence(rng, 8)}",
                "short_title": f"Report {n}",
                "publisher": "Example Research Unit",
                "date": "2025-07-11",
                "url": f"https://example.org/reports/{source_id}",
                "description": _prose(rng, 30),
            }
            for n, source_id in enumerate(source_ids, start=1)
        ],
        "findings": [_finding(rng, finding_id, n, source_ids) for n, finding_id in enumerate(finding_ids)],
        "functions": [
            {
                "id": function_id,
                "name": _sentence(rng, 3)[:-1],
                "description": _prose(rng, 40),
                "examples": [_sentence(rng, 5)[:-1] for _ in range(3)],
            }
            for function_id in function_ids
        ],
        "pathways": [
            {
                "id": f"pathway-{n}",
                "name": _sentence(rng, 3)[:-1],
                "description": _prose(rng, 30),
                "functions": sorted(rng.sample(function_ids, 2 + n % 2)),
                "beneficiaries": sorted(rng.sample(audience_ids, min(len(audience_ids), 2 + n))),
            }
            for n in range(1, 4)
        ],
        "audiences": [_audience(rng, audience_id, n, finding_ids) for n, audience_id in enumerate(audience_ids, 1)],
        "glossary": [{"term": term, "definition": _prose(rng, 20)} for term in GLOSSARY_TERMS],
    }


def _finding(rng: random.Random, finding_id: str, index: int, source_ids: list[str]) -> dict[str, Any]:
    finding: dict[str, Any] = {
        "id": finding_id,
        "statement": _sentence(rng, 15),
        "explanation": _prose(rng, 60),
        "sources": sorted(rng.sample(source_ids, rng.randint(1, 2))),
    }
    if index % 4 == 0:
        finding["quote"] = {"text": _sentence(rng, 20), "source": finding["sources"][0]}
    return finding


def _audience(rng: random.Random, audience_id: str, number: int, finding_ids: list[str]) -> dict[str, Any]:
    return {
        "id": audience_id,
        "name": f"{_sentence(rng, 2)[:-1]} ({number})",
        "description": _prose(rng, 25),
        "implications": [
            {
                "title": _sentence(rng, 8)[:-1],
                "text": _prose(rng, 50),
                "findings": sorted(rng.sample(finding_ids, min(len(finding_ids), rng.randint(1, 3)))),
                "actions": [_sentence(rng, 8) for _ in range(2)],
                "questions": [_sentence(rng, 9)[:-1] + "?"],
            }
            for _ in range(rng.randint(2, 3))
        ],
    }


@dataclass(frozen=True)
class Size:
    """One benchmarked pack: a synthetic size such as ``100x20``, or the bundled pack."""

    name: str
    findings: int
    audiences: int

    @classmethod
    def parse(cls, text: str) -> Size:
        if text == "bundled":
            pack = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
            return cls(text, len(pack["findings"]), len(pack["audiences"]))
        match = re.fullmatch(r"(\d+)x(\d+)", text)
        if not match or min(int(match[1]), int(match[2])) < 1:
            raise argparse.ArgumentTypeError(f"a size is FINDINGSxAUDIENCES (e.g. 100x20) or 'bundled', found {text!r}")
        if int(match[1]) > _most("findings") or int(match[2]) > _most("audiences"):
            raise argparse.ArgumentTypeError(
                f"the largest pack lcsi-briefs accepts has {LARGEST.replace('x', ' findings for ')} audiences "
                f"(validate refuses more), found {text!r}"
            )
        return cls(text, int(match[1]), int(match[2]))

    @property
    def large(self) -> bool:
        return self.findings * self.audiences > LARGE[0] * LARGE[1]

    def pack(self) -> dict[str, Any]:
        if self.name == "bundled":
            return dict(yaml.safe_load(BUNDLED.read_text(encoding="utf-8")))
        return synthetic_pack(self.findings, self.audiences)


# --- Running and measuring ---------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One finished subprocess: wall time, its exit status, output and memory."""

    seconds: float
    status: int
    output: str
    #: The largest resident set of any one process in the tree (the command or a worker).
    max_rss_mib: float
    #: The most memory the whole tree held at once (proportional set size, sampled); None off Linux.
    peak_tree_mib: float | None
    #: Each line of output with the seconds since the start at which it appeared.
    lines: tuple[tuple[float, str], ...] = ()

    def seconds_to(self, prefix: str) -> float | None:
        """When a line starting with ``prefix`` appeared: splits a build into its phases."""
        return next((when for when, line in self.lines if line.startswith(prefix)), None)


def _process_tree(root: int) -> list[int]:
    """The process and all its descendants, from /proc (Linux only)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields_after_name = stat.read_text(encoding="utf-8").rpartition(")")[2].split()
        except OSError:  # the process ended while we looked
            continue
        parents[int(stat.parent.name)] = int(fields_after_name[1])
    tree, queue = [], [root]
    while queue:
        current = queue.pop()
        tree.append(current)
        queue += [pid for pid, parent in parents.items() if parent == current]
    return tree


def _pss_kib(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="utf-8")
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith("Pss:")), 0)


class TreeMemory:
    """Samples the memory of a process tree: PDF workers run at once, so one process's peak undercounts."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval = pid, interval
        self.peak_kib = 0
        self.supported = Path("/proc/self/smaps_rollup").is_file()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        if self.supported:
            self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self.supported:
            self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in _process_tree(self.pid)))
            self._stop.wait(self.interval)


def run(command: Sequence[str], cwd: Path) -> Run:
    """Run a command and measure it alone.

    ``os.wait4`` gives the resources of this one child (and the workers it waited for), where
    ``getrusage(RUSAGE_CHILDREN)`` would give the largest of every child so far. Output lines
    are time-stamped as they arrive, so a build's phases can be told apart.
    """
    lines: list[tuple[float, str]] = []
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding="utf-8"
    )
    assert process.stdout is not None
    stream = process.stdout
    reader = threading.Thread(target=lambda: lines.extend((time.perf_counter() - start, line) for line in stream))
    reader.start()
    with TreeMemory(process.pid) as memory:
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    reader.join()
    stream.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    max_rss = usage.ru_maxrss / (MIB if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB elsewhere
    tree = memory.peak_kib / 1024 if memory.supported else None
    output = "".join(line for _, line in lines)
    return Run(seconds, process.returncode, output, max_rss, tree, tuple(lines))


def _checked(result: Run, what: str) -> Run:
    if result.status != 0:
        raise SystemExit(f"{what} failed (exit {result.status}):\n{result.output}")
    return result


def build(project: Path) -> Run:
    """The real command, exactly as a user runs it."""
    command = [sys.executable, "-m", "lcsi_briefs.cli.main", "build", "--project", str(project)]
    return _checked(run(command, project), f"lcsi-briefs build in {project}")


def make_project(root: Path, size: Size) -> tuple[Path, dict[str, Any]]:
    """A fresh copy of the site's conf.py and hand-written pages with the pack to measure."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    shutil.copy2(REPO / "conf.py", root / "conf.py")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("briefing"))
    pack = size.pack()
    write_pack(root, pack)
    return root, pack


def write_pack(root: Path, pack: dict[str, Any]) -> None:
    path = root / "briefings" / "bench.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def snapshot_floor_inputs(project: Path, floors: Path) -> None:
    """Keep the generated pages and print HTML of the clean build, for the floors to use."""
    shutil.rmtree(floors, ignore_errors=True)
    pages = floors / "docs"
    shutil.copytree(project / "docs", pages)
    for page in pages.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        stripped = DOWNLOADS_BLOCK.sub("", text)
        if stripped != text:
            page.write_text(stripped, encoding="utf-8")
    (pages / "conf.py").write_text(FLOOR_CONF, encoding="utf-8")
    shutil.copytree(project / "build" / ".work" / "pdf", floors / "print", ignore=shutil.ignore_patterns("*.pdf"))


def html_floor(floors: Path) -> Run:
    out = floors / "html-out"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(floors / "docs"), str(out)]
    return _checked(run(command, floors), "the sphinx-build floor")


def print_stylesheets() -> dict[str, list[str]]:
    """The stylesheets the PDF builder gives WeasyPrint, so the floor renders exactly the same."""
    from lcsi_briefs.pdf.print_setup import print_stylesheets as builder_stylesheets  # noqa: PLC0415 - imports Sphinx

    return {
        f"{'brief-' if brief else ''}{'large' if large else 'standard'}": [
            str(path) for path in builder_stylesheets(large_print=large, brief=brief)
        ]
        for brief in (False, True)
        for large in (False, True)
    }


def pdf_floor(floors: Path) -> Run:
    out = floors / "pdf-out"
    shutil.rmtree(out, ignore_errors=True)
    sheets = json.dumps(print_stylesheets())
    command = [sys.executable, "-c", WEASYPRINT_FLOOR, str(floors / "print"), str(out), sheets]
    return _checked(run(command, floors), "the WeasyPrint floor")


def rendered(project: Path, before: dict[str, int]) -> list[str]:
    """The PDFs the last build wrote, by their change times: shows what an edit costs."""
    return sorted(name for name, stamp in pdf_stamps(project).items() if before.get(name) != stamp)


def floor_seconds_per_pdf(floor: Run) -> dict[str, float]:
    """The WeasyPrint floor's time for each PDF, from the lines it prints."""
    seconds: dict[str, float] = {}
    for line in floor.output.splitlines():
        prefix, _, rest = line.partition(" ")
        if prefix == FLOOR_LINE:
            name, _, value = rest.rpartition(" ")
            seconds[name] = float(value)
    return seconds


def pdf_stamps(project: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in (project / "build" / ".work" / "pdf").glob("*.pdf")}


# --- One size --------------------------------------------------------------------------------

MEASURES = (
    "clean build (s)",
    "no-change rebuild (s)",
    "edit one finding (s)",
    "edit one audience (s)",
    "peak memory, largest process (MiB)",
    "peak memory, whole build (MiB)",
    "floor: sphinx-build -b html (s)",
    "floor: WeasyPrint alone (s)",
    "floor: WeasyPrint shared over the cores (s)",
    "floor: edit one finding (s)",
    "floor: edit one audience (s)",
    "floor: peak memory (MiB)",
)


@dataclass
class Samples:
    """Every figure measured for one size, one value per run."""

    size: Size
    values: dict[str, list[float]] = field(default_factory=lambda: {measure: [] for measure in MEASURES})
    notes: list[str] = field(default_factory=list)

    def add(self, measure: str, value: float | None) -> None:
        if value is not None:
            self.values[measure].append(value)

    def median(self, measure: str) -> float | None:
        values = self.values[measure]
        return statistics.median(values) if values else None


def package_digest() -> str:
    """A digest of lcsi-briefs' own files: builds depend on them, so an edit mid-run spoils the figures."""
    package = Path(str(files("lcsi_briefs")))
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def measure_size(size: Size, runs: int, workdir: Path) -> Samples:
    """``runs`` fresh projects of one size, each built clean, unchanged, then after two edits."""
    samples = Samples(size)
    floors = workdir / f"{size.name}-floors"
    for number in range(1, runs + 1):
        say(f"{size.name}: run {number} of {runs}")
        code = package_digest()
        measure_run(samples, workdir / size.name, number, floors)
        if package_digest() != code:
            samples.notes.append(
                f"run {number}: lcsi-briefs' own files changed during the run: its figures are unreliable"
            )
    return samples


def measure_run(samples: Samples, root: Path, number: int, floors: Path) -> None:
    """One fresh project: every build measured once, then both floors on the same content."""
    project, pack = make_project(root, samples.size)
    say("  clean build")
    clean = build(project)
    samples.add("clean build (s)", clean.seconds)
    samples.add("peak memory, largest process (MiB)", clean.max_rss_mib)
    samples.add("peak memory, whole build (MiB)", clean.peak_tree_mib)
    if number == 1:
        snapshot_floor_inputs(project, floors)
        samples.notes.append(_phases("clean build", clean, len(pdf_stamps(project)), len(pdf_stamps(project))))
    say("  no-change rebuild")
    unchanged = build(project)
    if "Nothing has changed" not in unchanged.output:
        samples.notes.append(f"run {number}: the no-change rebuild did not take the fast path")
    samples.add("no-change rebuild (s)", unchanged.seconds)
    changed_by: dict[str, list[str]] = {}
    for measure, edit in (("edit one finding (s)", edit_finding), ("edit one audience (s)", edit_audience)):
        what = measure.removesuffix(" (s)")
        say(f"  {what}")
        before = pdf_stamps(project)
        edit(pack, number)
        write_pack(project, pack)
        edited = build(project)
        samples.add(measure, edited.seconds)
        if number == 1:
            changed_by[what] = rendered(project, before)
            samples.notes.append(_phases(what, edited, len(changed_by[what]), len(before)))
    say("  floors")
    html, pdf = html_floor(floors), pdf_floor(floors)
    samples.add("floor: sphinx-build -b html (s)", html.seconds)
    samples.add("floor: WeasyPrint alone (s)", pdf.seconds)
    samples.add("floor: peak memory (MiB)", max(html.max_rss_mib, pdf.max_rss_mib))
    per_pdf = floor_seconds_per_pdf(pdf)
    samples.add("floor: WeasyPrint shared over the cores (s)", _shared(list(per_pdf.values())))
    for what, names in changed_by.items():
        times = [per_pdf.get(name, 0.0) for name in names]
        samples.add(f"floor: {what} (s)", _shared(times))
        samples.notes.append(
            f"{what} (run 1): WeasyPrint alone takes {sum(times):.1f} s for the {len(names)} PDFs this edit "
            f"changes (the longest {max(times, default=0.0):.1f} s), so at least {_shared(times):.1f} s"
        )


def _shared(times: list[float]) -> float:
    """The least time renders taking ``times`` can take on this machine's cores.

    However the renders are shared out, the build waits for its longest PDF, and for the total
    spread evenly over the cores; the larger of the two is the floor.
    """
    from lcsi_briefs.pdf.pool import default_workers  # noqa: PLC0415 - the cores the build renders on

    return max([sum(times) / default_workers(), *times])


def _phases(what: str, result: Run, count: int, total: int) -> str:
    """Where a build's time went: the site first, then the PDFs that changed."""
    pdfs_from = result.seconds_to("Rendering the PDFs")
    site = "" if pdfs_from is None else f"site done after {pdfs_from:.1f} s, then "
    return f"{what} (run 1): {site}{count} of {total} PDFs rendered, {result.seconds:.1f} s in all"


def edit_finding(pack: dict[str, Any], number: int) -> None:
    """Change the explanation of the middle finding, as an editor fixing a sentence would."""
    finding = pack["findings"][len(pack["findings"]) // 2]
    finding["explanation"] = f"{finding['explanation'].rstrip()} Edited for benchmark run {number}."


def edit_audience(pack: dict[str, Any], number: int) -> None:
    """Change the text of the first audience's first implication."""
    implication = pack["audiences"][0]["implications"][0]
    implication["text"] = f"{implication['text'].rstrip()} Edited for benchmark run {number}."


# --- The table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A goal from the issue: which sizes it applies to and how a figure meets it."""

    text: str
    sizes: frozenset[str] | None  # None: every size
    met: Callable[[float, float | None, float | None], bool]  # (median, ratio to floor, to clean build)


TARGETS: dict[str, Target] = {
    "clean build (s)": Target(
        "≤ 1.2x floor", frozenset({"bundled", LARGEST}), lambda _, ratio, __: ratio is not None and ratio <= 1.2
    ),
    "no-change rebuild (s)": Target("< 1.5 s", None, lambda median, _, __: median < 1.5),
    "edit one finding (s)": Target(
        "≤ 1.2x its floor", frozenset({"bundled"}), lambda _, ratio, __: ratio is not None and ratio <= 1.2
    ),
    "peak memory, whole build (MiB)": Target("< 2048 MiB", frozenset({LARGEST}), lambda median, _, __: median < 2048),
}


def _floor(samples: Samples, measure: str) -> float | None:
    """What a figure is compared with.

    A clean build: Sphinx alone, then WeasyPrint alone rendering every PDF shared over the cores
    (what the two tools need whatever we do). An edit: WeasyPrint alone on the PDFs the edit
    changes, shared likewise. Memory: the larger of the two floors' peaks.
    """
    if measure.startswith("floor"):
        return None
    if measure.startswith("peak memory"):
        return samples.median("floor: peak memory (MiB)")
    if measure.startswith("edit"):
        return samples.median(f"floor: {measure}")
    if measure.startswith("no-change"):
        return None
    html = samples.median("floor: sphinx-build -b html (s)")
    pdf = samples.median("floor: WeasyPrint shared over the cores (s)")
    return html + pdf if html is not None and pdf is not None else None


def _cell(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _to_clean(samples: Samples, measure: str, median: float) -> float | None:
    """A rebuild as a share of a clean build of the same content (the edit target's measure)."""
    clean = samples.median("clean build (s)")
    return median / clean if clean and measure.startswith(("edit", "no-change")) else None


def _verdict(samples: Samples, measure: str, median: float, ratio: float | None) -> str:
    target = TARGETS.get(measure)
    if target is None or (target.sizes is not None and samples.size.name not in target.sizes):
        return "—"
    return f"{'yes' if target.met(median, ratio, _to_clean(samples, measure, median)) else '**no**'} ({target.text})"


def _header() -> list[str]:
    """Machine facts and how to read the figures: a number means little without them."""
    from lcsi_briefs.pdf.render import fast_font_subsetting  # noqa: PLC0415 - imports WeasyPrint

    subsetting = "HarfBuzz-Subset" if fast_font_subsetting() else "fontTools (HarfBuzz-Subset not found)"
    return [
        f"- Run on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs; Python {platform.python_version()}, Sphinx {version('sphinx')}, "
        f"MyST-Parser {version('myst-parser')}, WeasyPrint {version('weasyprint')}, "
        f"lcsi-briefs {version('lcsi-briefs')}; fonts subset with {subsetting}.",
        "- Times are wall seconds of the whole command, Python start-up included: median, min and max "
        f"over the runs shown with each size (sizes above {LARGE[0]}x{LARGE[1]} run once unless "
        "`--large-runs` says otherwise). The floor of a clean build is a from-scratch "
        "sphinx-build of the same pages plus WeasyPrint alone rendering every PDF, shared over the cores "
        "(the longest PDF or the total divided by the cores, whichever is more); an edit's floor is "
        "WeasyPrint alone on the PDFs it changes, shared likewise. A rebuild is also shown as a share of "
        "the clean build's median.",
        "- Peak memory: the largest single process (`wait4`), and the whole process tree at once "
        "(proportional set size sampled every 0.1 s, Linux only), over the clean builds; its floor is "
        "the larger of the two floor processes' peaks.",
        "",
        "| Size | Measure | Median | Min | Max | Floor | Ratio | Of clean build | Target met? |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]


def _row(samples: Samples, label: str, measure: str) -> str | None:
    values = samples.values[measure]
    if not values:
        return None
    median = statistics.median(values)
    digits = 0 if measure.endswith("(MiB)") else 2
    floor = _floor(samples, measure)
    ratio = median / floor if floor else None
    cells = [
        label,
        measure,
        *(_cell(value, digits) for value in (median, min(values), max(values), floor)),
        "—" if ratio is None else f"{ratio:.2f}x",
        "—" if (share := _to_clean(samples, measure, median)) is None else f"{share:.2f}x",
        _verdict(samples, measure, median, ratio),
    ]
    return f"| {' | '.join(cells)} |"


def table(all_samples: list[Samples]) -> str:
    """The results as Markdown: machine facts, one row per size and measure, then notes."""
    lines = _header()
    notes: list[str] = []
    for samples in all_samples:
        runs = max(len(values) for values in samples.values.values())
        size = samples.size
        shape = f"{size.findings}x{size.audiences}, " if size.name == "bundled" else ""
        label = f"{size.name} ({shape}{runs} run{'s' if runs != 1 else ''})"
        lines += [row for measure in MEASURES if (row := _row(samples, label, measure))]
        notes += [f"- {size.name}: {note}" for note in samples.notes]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


# --- Command line ----------------------------------------------------------------------------


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        default=DEFAULT_SIZES,
        type=lambda text: [Size.parse(part.strip()) for part in text.split(",") if part.strip()],
        help=f"comma-separated FINDINGSxAUDIENCES or 'bundled' (default: {DEFAULT_SIZES})",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per size up to 100x20 (default: 3)")
    parser.add_argument("--large-runs", type=int, default=1, help="runs per bigger size (default: 1)")
    parser.add_argument("--output", type=Path, default=REPO / "build" / "bench" / "results.md")
    parser.add_argument("--update-docs", action="store_true", help="also write docs/manual/benchmark-results.inc")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark projects in build/bench/work")
    parser.add_argument(
        "--members", type=int, default=0, help="instead: member editions, projected for this many members"
    )
    parser.add_argument("--sample", type=int, default=4, help="with --members: how many members to build (default: 4)")
    arguments = parser.parse_args(argv)
    if arguments.members < 0 or arguments.sample < 1:
        parser.error("--members must be 0 or more and --sample at least 1")
    if arguments.runs < 1 or arguments.large_runs < 1:
        parser.error("--runs and --large-runs must be at least 1")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _arguments(argv)
    workdir = REPO / "build" / "bench" / "work"
    results = []
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    if arguments.members:
        from members_bench import run_members_bench  # noqa: PLC0415 - beside this script

        try:
            text = run_members_bench(arguments.members, arguments.sample, workdir)
        finally:
            if not arguments.keep:
                shutil.rmtree(workdir, ignore_errors=True)
        arguments.output.with_name("members.md").write_text(text, encoding="utf-8")
        print(text)
        return 0
    try:
        for size in arguments.sizes:
            runs = arguments.large_runs if size.large else arguments.runs
            results.append(measure_size(size, runs, workdir))
            # Written after every size, so an interrupted run keeps what it measured.
            arguments.output.write_text(table(results), encoding="utf-8")
    finally:
        if not arguments.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    text = table(results)
    if arguments.update_docs:
        (REPO / "docs" / "manual" / "benchmark-results.inc").write_text(text, encoding="utf-8")
    print(text)
    say(f"Written to {arguments.output}" + (" and docs/manual/benchmark-results.inc" if arguments.update_docs else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
