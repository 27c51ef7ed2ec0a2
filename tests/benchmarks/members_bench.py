"""``nox -s bench -- --members 200``: how fast member editions print, and what N members would take.

A build of 200 members of the bundled pack prints 5,600 PDFs, hours on a small machine, so
this measures a sample and projects. It builds the bundled pack once without members, then
adds one generated member (seeded: names, SVG and PNG logos, colours, one too light to read)
and builds again, then ``--sample`` more and builds a third time. Each of those builds prints
only the members' PDFs.

The first member's build is measured apart because it costs more: its copies are the first of
their editions, and find the pages their cross-references point to by laying each out about
twice. Every later copy starts from those pages, as the other members' copies do within one
build, so the first copy of each edition is paid once per build (once per shard), not per
member. From the two builds come

- member PDFs per second per core (the build's workers are one per core) for the members
  after the first, and for the first;
- the peak memory of one PDF worker (its peak resident set, ``VmHWM``, and its largest
  proportional share, ``Pss``, which counts pages shared with the parent once);

and from them the wall time for ``--members`` members on C cores of one machine, and on N
machines of C cores each with ``--shard K/N`` (the site and the publisher's PDFs go on
shard 1; each shard pays for a first member, and the rest divides evenly, as the shards'
split by member does).
"""

# ruff: noqa: T201 - a command-line script: its output is the point

from __future__ import annotations

import io
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
MIB = 1024 * 1024
#: Machines to project onto: (shards, cores each). GitHub's standard Linux runner has 4 cores.
PROJECTIONS = ((1, 2), (1, 4), (1, 16), (4, 4), (8, 4), (16, 4))
_PRINTED = re.compile(r"PDFs: (\d+) printed")


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text(encoding="utf-8").rpartition(")")[2].split()[1])
        except OSError:
            continue
    found, queue = [], [root]
    while queue:
        current = queue.pop()
        children = [pid for pid, parent in parents.items() if parent == current]
        found += children
        queue += children
    return found


def _status_kib(pid: int, field: str) -> int:
    path = Path(f"/proc/{pid}/status") if field == "VmHWM" else Path(f"/proc/{pid}/smaps_rollup")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith(f"{field}:")), 0)


class WorkerMemory:
    """The most memory any one PDF worker (a process under the build's own) held."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.hwm_kib = 0
        self.pss_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            for worker in _descendants(self.pid):
                self.hwm_kib = max(self.hwm_kib, _status_kib(worker, "VmHWM"))
                self.pss_kib = max(self.pss_kib, _status_kib(worker, "Pss"))
            self._stop.wait(0.05)

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass(frozen=True)
class Measured:
    seconds: float
    #: CPU time of the build and all its workers (user and system): unlike the wall time, it
    #: does not grow when other work shares the machine's cores.
    cpu_seconds: float
    printed: int
    worker_hwm_mib: float
    worker_pss_mib: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(project: Path) -> Measured:
    command = [sys.executable, "-m", "lcsi_briefs.cli.main", "build", "--project", str(project)]
    start, cpu_start = time.perf_counter(), _children_cpu()
    process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with WorkerMemory(process.pid) as memory:
        output, _ = process.communicate()
    seconds, cpu_seconds = time.perf_counter() - start, _children_cpu() - cpu_start
    if process.returncode != 0:
        raise SystemExit(f"the build failed:\n{output}")
    match = _PRINTED.search(output)
    printed = int(match[1]) if match else 0
    return Measured(seconds, cpu_seconds, printed, memory.hwm_kib / 1024, memory.pss_kib / 1024)


def _logo_png(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (240, 80), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def generated_members(folder: Path, count: int, seed: int = 2026, first: int = 0) -> None:
    """Members ``first`` to ``first + count - 1`` with seeded names, logos (every third a PNG) and
    colours (the first's too light): the same members however they are added."""
    rng = random.Random(seed)
    places = ["Northfield", "Riverside", "Ashby", "Kelbrook", "Marlow Vale", "Eastgate", "Hollin", "Stanmoor"]
    kinds = ["Council for Voluntary Service", "Community Action", "Voluntary Action", "Volunteer Centre"]
    (folder / "logos").mkdir(parents=True, exist_ok=True)
    for number in range(first + count):
        name = f"{rng.choice(places)} {rng.choice(kinds)} {number + 1}"
        colour = tuple(rng.randrange(0, 160) for _ in range(3))
        words = ["We", "share", "this", "briefing", "with", "our", "members"]
        foreword = " ".join(rng.choice(words) for _ in range(60))
        if number < first:
            continue  # drawn all the same, so that each member is the same whenever it is added
        hex_colour = "#" + "".join(f"{c:02x}" for c in colour)
        member_id = f"member-{number + 1:03d}"
        if number % 3 == 2:
            logo = f"logos/{member_id}.png"
            (folder / logo).write_bytes(_logo_png(colour))  # type: ignore[arg-type]
        else:
            logo = f"logos/{member_id}.svg"
            (folder / logo).write_text(
                f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 80"><rect width="240" height="80" '
                f'fill="{hex_colour}"/><text x="12" y="50" fill="#ffffff" font-size="28">{member_id}</text></svg>',
                encoding="utf-8",
            )
        data = {
            "name": name,
            "logo": {"path": logo, "alt": name},
            "colours": {"primary": "#ffd400" if number == 0 else hex_colour},
            "contact": {"email": f"info@{member_id}.example.org", "phone": f"0113 496 {number:04d}"},
            "charity_number": str(1_100_000 + number),
            "foreword": foreword,
        }
        (folder / f"{member_id}.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f} min" if seconds >= 90 else f"{seconds:.0f} s"


def _rates(measured: Measured, cores: int) -> tuple[float, float]:
    """PDFs per second per core by the wall clock, and per CPU-second (one core to itself)."""
    return measured.printed / measured.seconds / cores, measured.printed / measured.cpu_seconds


def run_members_bench(members: int, sample: int, workdir: Path) -> str:
    """Measure a first member and ``sample`` more of the bundled pack, project to ``members``: the report."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    project = workdir / "members"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy2(REPO / "conf.py", project / "conf.py")
    shutil.copytree(REPO / "docs", project / "docs", ignore=shutil.ignore_patterns("briefing"))
    shutil.copytree(REPO / "briefings", project / "briefings")
    print("Building the bundled pack without members...", file=sys.stderr, flush=True)
    publisher = build(project)
    print("Adding the first generated member...", file=sys.stderr, flush=True)
    generated_members(project / "members", 1)
    first = build(project)
    print(f"Adding {sample} generated members more...", file=sys.stderr, flush=True)
    generated_members(project / "members", sample, first=1)
    further = build(project)
    per_member = further.printed // sample
    rate, cpu_rate = _rates(further, cores)
    first_rate, first_cpu_rate = _rates(first, cores)
    total = members * per_member
    load = os.getloadavg()[0]
    lines = [
        f"Measured on {cores} core{'s' if cores != 1 else ''} (load average {load:.1f} at the end), the site and the "
        f"publisher's PDFs already built: a first generated member of the bundled pack ({first.printed} PDFs in "
        f"{first.seconds:.1f} s wall, {first.cpu_seconds:.1f} s of CPU), then {sample} more, {per_member} PDFs each "
        f"({further.printed} PDFs in {further.seconds:.1f} s wall, {further.cpu_seconds:.1f} s of CPU).",
        "",
        "| Measure | Members after the first | The first member |",
        "| --- | --- | --- |",
        f"| Member PDFs per second per core, wall time (lower when the cores are shared) | {rate:.2f} | "
        f"{first_rate:.2f} |",
        f"| Member PDFs per CPU-second (one core to itself) | {cpu_rate:.2f} | {first_cpu_rate:.2f} |",
        f"| Peak memory of one PDF worker (resident, VmHWM) | {further.worker_hwm_mib:.0f} MiB | "
        f"{first.worker_hwm_mib:.0f} MiB |",
        f"| Peak memory of one PDF worker (own share, Pss) | {further.worker_pss_mib:.0f} MiB | "
        f"{first.worker_pss_mib:.0f} MiB |",
        "",
        f"Site and publisher's PDFs (once, on shard 1): {publisher.seconds:.1f} s wall, "
        f"{publisher.cpu_seconds:.1f} s of CPU.",
        "",
        f"Projected for {members} members ({total:,} PDFs), from the CPU rates: on each machine a first member at "
        "its rate and the rest at the later members' rate, with the site and the publisher's PDFs counted as their "
        "whole CPU time on one core (an upper bound: their PDFs run in parallel too):",
        "",
        "| Machines | Cores each | Wall time |",
        "| --- | --- | --- |",
    ]
    for shards, each in PROJECTIONS:
        later = max(0.0, members / shards - 1) * per_member / cpu_rate
        seconds = publisher.cpu_seconds + (first.cpu_seconds + later) / each
        lines.append(f"| {shards} | {each} | {_minutes(seconds)} |")
    return "\n".join(lines) + "\n"
