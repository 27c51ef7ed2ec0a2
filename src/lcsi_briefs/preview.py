"""``lcsi-briefs serve``: a live preview with sphinx-autobuild.

sphinx-autobuild watches the pages, the briefing data and this package's templates, rebuilds
the site (the extension regenerates the MyST pages from the data) and reloads the browser.
After each build the PDFs whose input changed are rendered into the preview's ``pdf/``
folder, where the site's download links point.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

PREVIEW = Path("build") / "preview"


def autobuild_arguments(project: Path, *, host: str, port: int, pdfs: bool) -> list[str]:
    out = project / PREVIEW
    doctrees = out / ".doctrees"
    package = Path(__file__).parent
    arguments = [
        str(project / "docs"),
        str(out),
        "-c",
        str(project),
        "-d",
        str(doctrees),
        "--watch",
        str(project / "briefings"),
        "--watch",
        str(package),
        "--ignore",
        str(project / "docs" / "briefings"),
        "--ignore",
        str(project / "build"),
        "--re-ignore",
        r".*(\.tmp|~|\.swp|__pycache__.*)$",
        "--host",
        host,
        "--port",
        str(port),
    ]
    if pdfs:
        command = [sys.executable, "-m", "lcsi_briefs.cli", "pdfs", "--project", str(project)]
        command += ["--outdir", str(out / "pdf"), "--doctrees", str(doctrees)]
        arguments += ["--post-build", shlex.join(command)]
    return arguments


def serve(project: Path, *, host: str, port: int, pdfs: bool) -> int:
    from sphinx_autobuild.__main__ import main  # noqa: PLC0415 - only the preview needs it

    project = project.resolve()
    if not (project / "conf.py").is_file():
        print(f"error: {project} has no conf.py; run this from the project folder", file=sys.stderr)  # noqa: T201
        return 2
    print(f"Preview: open http://{host}:{port}/ in your browser. Press Ctrl+C to stop.")  # noqa: T201
    main(autobuild_arguments(project, host=host, port=port, pdfs=pdfs))
    return 0
