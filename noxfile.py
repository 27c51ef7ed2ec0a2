"""Sessions for building, testing and checking lcsi-briefs. Dependencies come from pyproject.toml."""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["tests", "lint"]

PYPROJECT = nox.project.load_toml("pyproject.toml")


@nox.session
def build(session: nox.Session) -> None:
    """Build the site into build/html and every PDF into build/pdf from the bundled packs."""
    session.install(".")
    session.run("lcsi-briefs", "build", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite."""
    session.install(".", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check the code with ruff and mypy."""
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000/: rebuilds the site and PDFs on every edit."""
    session.install(".", *nox.project.dependency_groups(PYPROJECT, "serve"))
    session.run("lcsi-briefs", "serve", *session.posargs)


@nox.session(default=False)
def linkcheck(session: nox.Session) -> None:
    """Check every link on the site, the source reports' addresses included (needs the network)."""
    session.install(".")
    session.run("sphinx-build", "-b", "linkcheck", "-q", "-c", ".", "docs", "build/linkcheck", *session.posargs)
    session.log("Report: build/linkcheck/output.txt (and output.json)")


@nox.session(default=False)
def validate(session: nox.Session) -> None:
    """Check the briefing packs without building anything."""
    session.install(".")
    session.run("lcsi-briefs", "validate", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Time builds of synthetic packs against their floors; see docs/performance.md."""
    session.install(".")
    session.run("python", "tests/benchmarks/bench.py", *session.posargs)
