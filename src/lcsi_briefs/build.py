"""``lcsi-briefs build``: the site and every PDF, published only when everything succeeded.

Sphinx works in ``build/.work`` (kept between runs so rebuilds are incremental). Only when
both the HTML and the PDF builds pass are the results copied to ``build/html`` and
``build/pdf``, by renaming a complete new copy into place, so a failed build leaves the last
good output exactly as it was.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import SimpleNamespace

from lcsi_briefs.editions import PDF_URL_DIR
from lcsi_briefs.warnings_ import is_note

NEWSLETTER_DIR = "newsletter"

WORK = Path("build") / ".work"
STAMP = WORK / "inputs.sha256"
#: Environment variables that change what a build writes (conf.py reads the site URL ones).
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "LCSI_BRIEFS_SITE_URL", "READTHEDOCS_CANONICAL_URL")
#: Packages whose version changes what a build writes.
TOOLS = ("lcsi-briefs", "sphinx", "myst-parser", "sphinx-design", "furo", "weasyprint", "docutils")


def inputs_digest(project: Path, *, pdf: bool) -> str:
    """A digest of everything a build reads: data, pages, settings, this package, tool versions.

    When it matches the last successful build, the outputs are already what a build would
    write, so ``build`` can stop at once without starting Sphinx.
    """
    digest = hashlib.sha256(f"pdf={pdf}".encode())
    for variable in ENVIRONMENT:
        digest.update(f"{variable}={os.environ.get(variable, '')}".encode())
    for tool in TOOLS:
        try:
            digest.update(f"{tool}={version(tool)}".encode())
        except PackageNotFoundError:
            digest.update(f"{tool}=none".encode())
    generated = project / "docs" / "_briefings"
    folders = [project / "docs", project / "briefings", Path(__file__).parent]
    files = [project / "conf.py"] + [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and generated not in path.parents and "__pycache__" not in path.parts
    ]
    for path in sorted(files):
        digest.update(str(path.relative_to(project) if path.is_relative_to(project) else path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class _Quiet(io.StringIO):
    """Sphinx's status stream: its progress lines are noise to an editor, so they go nowhere."""

    def write(self, text: str) -> int:
        return len(text)


class _ShowNotes(logging.Handler):
    """Prints the package's own notes (records of type ``lcsi`` below warning level) as they come."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.addFilter(is_note)

    def emit(self, record: logging.LogRecord) -> None:
        print(record.getMessage(), flush=True)


@contextmanager
def _notes_shown() -> Iterator[None]:
    """Sphinx replaces the handlers of its own ``sphinx`` logger; ours sit on the package's logger."""
    package_logger = logging.getLogger("sphinx.lcsi_briefs")
    handler = _ShowNotes()
    package_logger.addHandler(handler)
    try:
        yield
    finally:
        package_logger.removeHandler(handler)


def _sphinx(project: Path, builder: str, outdir: Path, doctrees: Path | None = None) -> int:
    """One Sphinx build with warnings as errors; our own errors print as plain messages."""
    from sphinx.application import Sphinx  # noqa: PLC0415 - a build with nothing to do never loads Sphinx
    from sphinx.cmd.build import handle_exception  # noqa: PLC0415
    from sphinx.errors import SphinxError  # noqa: PLC0415
    from sphinx.util.docutils import docutils_namespace, patch_docutils  # noqa: PLC0415

    app = None
    try:
        with patch_docutils(project), docutils_namespace(), _notes_shown():
            app = Sphinx(
                srcdir=project / "docs",
                confdir=project,
                outdir=outdir,
                doctreedir=doctrees or project / WORK / "doctrees",
                buildername=builder,
                status=_Quiet(),
                warning=sys.stderr,
                warningiserror=True,
            )
            app.build()
            return int(app.statuscode)
    except SphinxError as error:
        # Bad data, a failed render, a bad setting: the message says what to fix; no report needed.
        print(f"{error.category}: {error}", file=sys.stderr)
        return 1
    except Exception as error:
        handle_exception(app, SimpleNamespace(pdb=False, verbosity=0, traceback=False), error)
        return 2


def _recover(target: Path) -> None:
    """Undo a publish cut short between its two renames: put the last good output back."""
    stale = target.with_name(f".{target.name}.old")
    if stale.is_dir() and not target.exists():
        stale.rename(target)


def _publish(source: Path, target: Path) -> None:
    """Swap a complete copy into place; the old output survives until the new one is whole."""
    fresh = target.with_name(f".{target.name}.new")
    stale = target.with_name(f".{target.name}.old")
    _recover(target)
    for leftover in (fresh, stale):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(source, fresh)
    if target.exists():
        target.rename(stale)
    fresh.rename(target)
    shutil.rmtree(stale, ignore_errors=True)


def build_pdfs(project: Path, outdir: Path, doctrees: Path) -> int:
    """Render the PDFs from the doctrees of an HTML build, straight into ``outdir`` (for previews)."""
    return _sphinx(project.resolve(), "briefing-pdf", outdir.resolve(), doctrees.resolve())


def build_all(project: Path, *, pdf: bool = True) -> int:
    project = project.resolve()
    if not (project / "conf.py").is_file():
        print(f"error: {project} has no conf.py; run this from the project folder or pass --project", file=sys.stderr)
        return 2
    work = project / WORK
    html_work, pdf_work = work / "html", work / "pdf"
    for published in ("html", "pdf", NEWSLETTER_DIR):
        _recover(project / "build" / published)
    digest = inputs_digest(project, pdf=pdf)
    stamp = project / STAMP
    outputs = [project / "build" / "html" / "index.html"] + ([project / "build" / "pdf"] if pdf else [])
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == digest and all(p.exists() for p in outputs):
        print("Nothing has changed since the last build: build/ is up to date.")
        return 0
    stamp.unlink(missing_ok=True)
    print("Building the site...")
    status = _sphinx(project, "html", html_work)
    if status == 0 and pdf:
        print("Rendering the PDFs...")
        status = _sphinx(project, "briefing-pdf", pdf_work)
    if status != 0:
        print("Build failed: nothing in build/html or build/pdf was changed.", file=sys.stderr)
        return 1
    if pdf:
        pdf_url_dir = html_work / PDF_URL_DIR
        shutil.rmtree(pdf_url_dir, ignore_errors=True)
        pdf_url_dir.mkdir(parents=True)
        pdf_only = project / "build" / ".pdf-files"
        shutil.rmtree(pdf_only, ignore_errors=True)
        pdf_only.mkdir(parents=True)
        for path in sorted(pdf_work.glob("*.pdf")):
            shutil.copy2(path, pdf_url_dir / path.name)
            shutil.copy2(path, pdf_only / path.name)
        _publish(pdf_only, project / "build" / "pdf")
        shutil.rmtree(pdf_only)
    _publish(html_work, project / "build" / "html")
    if (html_work / NEWSLETTER_DIR).is_dir():
        _publish(html_work / NEWSLETTER_DIR, project / "build" / "newsletter")
    stamp.write_text(digest, encoding="utf-8")
    print(f"Site: {project / 'build' / 'html' / 'index.html'}")
    if pdf:
        print(f"PDFs: {project / 'build' / 'pdf'}")
    print(f"Newsletter emails: {project / 'build' / 'newsletter'}")
    return 0
