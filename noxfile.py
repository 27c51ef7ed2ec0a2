"""Sessions for building, testing and checking lcsi-briefs. Dependencies come from uv.lock.

pyproject.toml says which versions the project accepts; uv.lock records the exact versions every
session installs, so a new machine gets the set the tests last passed with (refresh it with
``uv lock --upgrade``: see docs/manual/workflow.md). Each session keeps its environment between
runs and reinstalls only when uv.lock or pyproject.toml changed: the project is installed in
editable mode, so edits to the code need no reinstall.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv"


def _trust_the_system_certificates() -> None:
    """uv trusts the operating system's certificate store, as pip does: on a council or NHS network
    whose proxy inspects TLS, the proxy's certificate is in that store, not in uv's own roots.

    A newer uv reads ``UV_SYSTEM_CERTS`` and warns that ``UV_NATIVE_TLS`` is deprecated; an older
    one knows only ``UV_NATIVE_TLS``. Ask the uv nox will use which it is.
    """
    if "UV_SYSTEM_CERTS" in os.environ or "UV_NATIVE_TLS" in os.environ:
        return
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    probe = [uv, "--system-certs", "--version"] if uv else None
    newer = probe is not None and subprocess.run(probe, capture_output=True, check=False).returncode == 0
    os.environ["UV_SYSTEM_CERTS" if newer else "UV_NATIVE_TLS"] = "1"


_trust_the_system_certificates()

nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests", "lint"]

STAMP = ".lcsi-briefs-installed"


def install(session: nox.Session, *extras: str, groups: tuple[str, ...] = ()) -> None:
    """Install the project (editable) with ``extras`` and dependency ``groups``, as uv.lock pins them.

    ``--locked`` refuses a lock file that no longer matches pyproject.toml, naming the fix (``uv
    lock``), instead of quietly resolving anew. The stamp in the environment records what was
    installed from which lock; when it matches, the install is skipped.
    """
    location = session.virtualenv.location
    options = [*(f"--extra={extra}" for extra in extras), *(f"--group={group}" for group in groups)]
    wanted = hashlib.sha256(
        Path("uv.lock").read_bytes() + Path("pyproject.toml").read_bytes() + repr(options).encode()
    ).hexdigest()
    stamp = Path(location) / STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return
    # uv leaves bytecode to the first import; compiling it here keeps that cost out of the
    # first test run, where every test process and build subprocess would pay it.
    session.run_install(
        "uv",
        "sync",
        "--locked",
        "--no-default-groups",
        *options,
        env={"UV_PROJECT_ENVIRONMENT": location, "UV_COMPILE_BYTECODE": "1"},
    )
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
    # uv compiles the dependencies' bytecode (see install); the project's own is compiled here, once,
    # so that the build and CLI processes the tests start do not each compile it again (as they
    # would wherever PYTHONDONTWRITEBYTECODE is set, and Python may not save what it compiles).
    session.run("python", "-m", "compileall", "-q", "src")
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
