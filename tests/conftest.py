"""Shared fixtures: small packs as Python data, and throwaway projects built the real way."""

from __future__ import annotations

import contextlib
import copy
import io
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from filelock import FileLock

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.memory import keep_what_is_held
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack

from . import pdftext
from .chromium import browser_missing, chromium_path, require

pytest_plugins = ("sphinx.testing.fixtures",)

REPO = Path(__file__).resolve().parents[1]


#: Fixtures that build: a test using one belongs to the tier named (the costliest wins).
TIER_FIXTURES = {
    "browser": {"browser"},
    "pdf": {"bundled_build", "site", "small_built_with_pdfs"},
    "build": {"project", "app", "make_app", "sphinx_test_tempdir"},
}
#: Words in a test module's source that mean it builds without one of those fixtures.
BUILD_CALLS = ("build_all(", "make_app(", '"build"', "sphinx_build(", "write_pdf(", "render_pdf(", "subprocess.")


def tier(item: pytest.Item) -> str:
    """The cheapest tier that covers what the test uses: pure, build, pdf or browser."""
    used = set(getattr(item, "fixturenames", ()))
    for name, fixtures in TIER_FIXTURES.items():
        if used & fixtures:
            return name
    source = Path(str(item.fspath)).read_text(encoding="utf-8")
    return "build" if any(call in source for call in BUILD_CALLS) else "pure"


def _run_order(item: pytest.Item) -> int:
    """The bundled build's tests first, then the others that build, the pure tests last."""
    if "bundled_build" in getattr(item, "fixturenames", ()):
        return 0
    return 2 if item.get_closest_marker("pure") else 1


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test gets its tier's marker (``-m pure`` runs in seconds); the slow ones run first.

    Under pytest-xdist (``--dist worksteal``) each worker starts on its share of this list and
    takes work from the other when its own runs out, so the run should end on the short pure
    tests, shared out to the last, rather than on one long read of the bundled PDFs while the
    other worker has nothing left to do. The bundled build's tests lead: the first worker builds
    it (its PDFs rendered on every core) while the other starts on builds of its own.
    """
    for item in items:
        if not any(item.get_closest_marker(name) for name in ("pure", "build", "pdf", "browser")):
            item.add_marker(tier(item))
    items.sort(key=_run_order)


def pytest_collection_finish(session: pytest.Session) -> None:
    """The suite's processes run builds one after another: they collect garbage as a build's
    render worker does (``lcsi_briefs.memory``), what they imported and collected held to the end."""
    keep_what_is_held()


INVALID = Path(__file__).parent / "fixtures" / "invalid"

SMALL_PACK: dict[str, Any] = {
    "briefing": {
        "title": "Libraries and loneliness: what the study found",
        "series": {"name": "Test briefings", "number": 3},
        "edition_date": "2026-01-15",
        "publisher": "Test Umbrella Body",
        "language": "en-GB",
        "summary": "A study of how public libraries reduce loneliness.\n\nA second paragraph.",
        "about_implications": "These implications are our reading of the findings.",
        "keywords": ["libraries", "loneliness"],
    },
    "sources": [
        {
            "id": "main-report",
            "title": "Libraries and loneliness: main report",
            "short_title": "Main report",
            "publisher": "Example Research Unit",
            "date": "2025-11-01",
            "url": "https://example.org/reports/libraries-and-loneliness",
        },
        {
            "id": "data-annex",
            "title": "Libraries and loneliness: data annex",
            "publisher": "Example Research Unit",
            "date": "2025-11-02",
            "url": "https://example.org/reports/annex",
        },
    ],
    "findings": [
        {
            "id": "regular-visits",
            "statement": "Regular library visits go with less loneliness.",
            "explanation": "People who visit weekly report feeling lonely less often.",
            "sources": ["main-report"],
        },
        {
            "id": "staff-matter",
            "statement": "Staff who know their area make the difference.",
            "explanation": "Local knowledge among staff mattered most, the survey suggests.",
            "sources": ["main-report", "data-annex"],
            "quote": {"text": "Staff are the service.", "source": "main-report"},
        },
    ],
    "functions": [
        {"id": "lending", "name": "Lending", "description": "Books and more.", "examples": ["Home delivery"]},
        {"id": "hosting", "name": "Hosting groups", "description": "Space for groups to meet."},
    ],
    "pathways": [
        {
            "id": "connection",
            "name": "Stronger connection",
            "description": "People meet others.",
            "functions": ["lending", "hosting"],
            "beneficiaries": ["councils", "residents"],
        }
    ],
    "audiences": [
        {
            "id": "councils",
            "name": "Councils",
            "description": "Local authorities that fund libraries.",
            "implications": [
                {
                    "title": "Count visits, not loans",
                    "text": "Visits matter more than loans for loneliness.",
                    "findings": ["regular-visits"],
                    "actions": ["Measure weekly visitors"],
                    "questions": ["Do we know who visits?"],
                }
            ],
        },
        {
            "id": "residents",
            "name": "Residents",
            "description": "People who live in the area.",
            "implications": [
                {
                    "title": "Your library is a place to meet people",
                    "text": "Going regularly helps.",
                    "findings": ["regular-visits", "staff-matter"],
                    "actions": ["Visit a group at your library"],
                }
            ],
        },
    ],
    "glossary": [
        {"term": "loneliness", "definition": "Feeling you have fewer connections than you want."},
        {"term": "library", "definition": "A public lending and meeting place."},
    ],
}


def invalid_cases() -> list[object]:
    """One case per invalid fixture; a ``.known-bug`` note turns it into a strict xfail."""
    cases: list[object] = []
    for path in sorted(INVALID.glob("*.yaml")):
        note = path.with_suffix(".known-bug")
        reason = note.read_text(encoding="utf-8").strip() if note.exists() else ""
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(path.name, marks=marks, id=path.stem))
    return cases


#: ``lcsi-briefs`` started with Ctrl+C answered, as in a terminal. A process started with SIGINT
#: ignored (a job run in the background: ``nohup``, ``cmd &``, as a CI runner may start its jobs)
#: passes that on to every process it starts, and Python then sets no handler for it, so the
#: Ctrl+C a test sends would never reach the command.
_ANSWERING_CTRL_C = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('lcsi_briefs.cli.main', run_name='__main__', alter_sys=True)"
)


def interruptible_command(*arguments: str) -> list[str]:
    """The command line of ``lcsi-briefs *arguments`` for a test that interrupts it."""
    return [sys.executable, "-c", _ANSWERING_CTRL_C, *arguments]


def minimal_docs(root: Path, conf: str = "") -> Path:
    """A one-page Sphinx project using the extension, its packs in ``root/briefings``."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    settings = 'extensions = ["lcsi_briefs"]\nlcsi_briefs_packs_dir = "../briefings"\n' + conf
    (docs / "conf.py").write_text(settings, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\n```{include} briefing/_includes/series.md\n```\n", encoding="utf-8")
    return docs


def small_pack() -> dict[str, Any]:
    """A fresh, valid pack to change in a test."""
    return copy.deepcopy(SMALL_PACK)


def one_audience_pack() -> dict[str, Any]:
    """The small pack for its first audience only: a build of it prints six PDFs, not ten, for
    tests that read nothing of a second audience's."""
    pack = small_pack()
    pack["audiences"] = pack["audiences"][:1]
    pack["pathways"][0]["beneficiaries"] = [pack["audiences"][0]["id"]]
    return pack


def mark_template(template: Path, mark: str) -> str:
    """Write ``template`` as the theme's base page with ``mark`` in its head, dated after the pages
    the last build wrote, as an edit by hand would be (the same second would not do); the mark's
    tag, to look for in the pages built from it."""
    template.parent.mkdir(parents=True, exist_ok=True)
    tag = f'<meta name="lcsi-mark" content="{mark}">'
    template.write_text('{% extends "!base.html" %}{% block extrahead %}' + tag + "{% endblock %}", encoding="utf-8")
    later = time.time() + 5
    os.utime(template, (later, later))
    return tag


def write_pack(path: Path, pack: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def make_project(root: Path, packs: dict[str, dict[str, Any]]) -> Path:
    """A copy of this project's conf.py and docs/ with the given packs in briefings/."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "conf.py", root / "conf.py")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("briefing"))
    for slug, pack in packs.items():
        write_pack(root / "briefings" / f"{slug}.yaml", pack)
    return root


ProjectFactory = Callable[..., Path]


def _small_project(root: Path) -> None:
    make_project(root, {"small": one_audience_pack()})
    assert build_all(root) == 0, "the build failed"


@pytest.fixture(scope="session")
def small_built_with_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small pack for its first audience built once per run, site and PDFs, for tests to copy
    (never to change: see :func:`shared_build`, it is shared by the xdist workers). One audience:
    the tests that start from it rebuild it after an edit, and a second audience's four PDFs
    would be printed each time for nothing they read."""
    return shared_build(tmp_path_factory, "small-built", _small_project)


@pytest.fixture
def project(tmp_path: Path, request: pytest.FixtureRequest) -> ProjectFactory:
    """Build a throwaway project with ``lcsi-briefs build``; returns its folder.

    The small pack with PDFs, which many tests start from before changing something, is a copy
    of one build per run (a whole build of it is the slow part of those tests): the pack of
    :func:`one_audience_pack`, which is what those tests write back when they edit it.
    """

    made: list[Path] = []

    def factory(packs: dict[str, dict[str, Any]] | None = None, *, pdf: bool = False) -> Path:
        made.append(tmp_path / f"project{len(made) + 1}")
        if packs is None and pdf:
            template: Path = request.getfixturevalue("small_built_with_pdfs")
            return Path(shutil.copytree(template, made[-1], symlinks=True))
        root = make_project(made[-1], packs if packs is not None else {"small": small_pack()})
        status = build_all(root, pdf=pdf)
        assert status == 0, "the build failed"
        return root

    return factory


@pytest.fixture(scope="session")
def bundled() -> LoadedPack:
    """The bundled pack as the loader reads it."""
    return load_pack(REPO / "briefings" / "lcsi-2025.yaml")


@pytest.fixture(scope="session")
def site(bundled_build: Path) -> Path:
    """The bundled build's site."""
    return bundled_build / "build" / "html"


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """``make(folder)`` done once for the whole run, in a folder every pytest-xdist worker shares.

    A module's tests may be spread over the workers (they steal each other's work), and each
    would otherwise build the module's project again: the first to ask builds it, the others wait
    for that build and read it. Tests only read what it holds.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    root, done = shared / name, shared / f"{name}.done"
    with FileLock(shared / f"{name}.lock"):
        if not done.is_file():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            make(root)
            done.touch()
    pdftext.share(root)
    return root


def shared_printed_build(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]
) -> tuple[Path, str]:
    """A project ``make(folder)`` writes, built once for the run like :func:`shared_build`, and
    what its build printed: (project, printed)."""

    def built(root: Path) -> None:
        project = make(root / "project")
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            assert build_all(project) == 0
        (root / "printed.txt").write_text(printed.getvalue(), encoding="utf-8")

    folder = shared_build(tmp_path_factory, name, built)
    return folder / "project", (folder / "printed.txt").read_text(encoding="utf-8")


def _bundled_project(root: Path) -> None:
    shutil.copy2(REPO / "conf.py", root / "conf.py")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("briefing"))
    shutil.copytree(REPO / "briefings", root / "briefings")
    assert build_all(root) == 0


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled packs built once, site and PDFs, exactly as ``nox -s build`` does (see
    :func:`shared_build`: the costliest step of the suite, done once for all the workers)."""
    return shared_build(tmp_path_factory, "bundled", _bundled_project)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium per test process for every browser test (see ``tests/chromium.py``)."""
    require(browser_missing())
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        # The tests measure layout, never pixels: without a GPU to use, Chromium draws in software
        # directly rather than through an emulated GPU (SwiftShader), about a tenth less CPU.
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])
        try:
            yield launched
        finally:
            launched.close()
