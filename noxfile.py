"""Sessions for building, testing and checking lcsi-briefs. Dependencies come from pyproject.toml.

Each session keeps its environment between runs and reinstalls only when pyproject.toml (the
dependencies) changed: the project is installed in editable mode, so edits to the code need no
reinstall. ``nox -s build`` twice costs one install, not two.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests", "lint"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
STAMP = ".lcsi-briefs-installed"


def install(session: nox.Session, *extras: str, groups: tuple[str, ...] = ()) -> None:
    """Install the project (editable) with ``extras`` and dependency ``groups``, once per change.

    The stamp in the environment records what was installed from which pyproject.toml; when
    both match, the install is skipped (nox's ``-R`` made the default, but safe).
    """
    target = f".[{','.join(extras)}]" if extras else "."
    packages = ["-e", target, *(p for group in groups for p in nox.project.dependency_groups(PYPROJECT, group))]
    wanted = hashlib.sha256(Path("pyproject.toml").read_bytes() + repr(packages).encode()).hexdigest()
    location = getattr(session.virtualenv, "location", None)
    stamp = Path(location) / STAMP if location else None
    if stamp is not None and stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return
    # uv leaves bytecode to the first import; compiling it here keeps that cost out of the
    # first test run, where every test process and build subprocess would pay it.
    session.install(*packages, env={"UV_COMPILE_BYTECODE": "1"})
    if stamp is not None:
        stamp.write_text(wanted, encoding="utf-8")


@nox.session
def build(session: nox.Session) -> None:
    """Build the site into build/html, every PDF into build/pdf and the emails into build/newsletter."""
    install(session)
    session.run("lcsi-briefs", "build", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite on every core (the accessibility test needs Chromium and axe-core: see README).

    ``worksteal`` keeps both cores busy to the end: a few tests (the browser pass, the large-print
    reading) take far longer than the rest. Pass ``-n 0`` to run in one process.
    """
    install(session, "serve", groups=("test",))
    session.run("pytest", "-n", "auto", "--dist", "worksteal", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check the code with ruff and mypy."""
    install(session, "serve", groups=("lint",))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000/: the site first, then the PDFs; rebuilt on every save."""
    install(session, "serve")
    session.run("lcsi-briefs", "serve", *session.posargs)


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Build the tool's manual (editing, workflow, data reference, performance) into build/manual."""
    install(session)
    session.run("sphinx-build", "-q", "-W", "-b", "html", "docs/manual", "build/manual", *session.posargs)
    session.log("Manual: build/manual/index.html")


@nox.session(default=False)
def linkcheck(session: nox.Session) -> None:
    """Check every link on the site, the source reports' addresses included (needs the network)."""
    install(session)
    session.run("sphinx-build", "-b", "linkcheck", "-q", "-c", ".", "docs", "build/linkcheck", *session.posargs)
    session.log("Report: build/linkcheck/output.txt (and output.json)")


@nox.session(default=False)
def validate(session: nox.Session) -> None:
    """Check the briefing packs without building anything."""
    install(session)
    session.run("lcsi-briefs", "validate", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Time builds of synthetic packs against their floors; see docs/manual/performance.md."""
    install(session)
    session.run("python", "tests/benchmarks/bench.py", *session.posargs)
