"""``lcsi-briefs serve``: a live preview that answers at once, the site first and the PDFs after.

Built from sphinx-autobuild's parts (its file watcher, reload socket and script injector)
around a builder of our own, because the stock command serves nothing until the whole first
build, PDFs included, has finished:

- the server starts straight away; until the first build is done it shows the last preview,
  or a page saying the preview is being built, which reloads itself;
- each build is a quiet ``sphinx-build -q`` of the site (warnings and errors only), then the
  browser reloads;
- the PDFs whose input changed are then rendered in the background, from a copy of the
  doctrees (so a rebuild never reads or writes them at the same time), into the preview's
  ``pdf/`` folder where the site's download links point; a newer save stops an unfinished
  render and starts it again after the site is rebuilt.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from lcsi_briefs.cli.inputs import loose_files, read_folders, written_by_a_build
from lcsi_briefs.layout import ProjectLayout

#: Host names the preview answers to besides the one it was started with. A web page the
#: editor visits can point a name of its own at 127.0.0.1 (DNS rebinding) and read the drafts;
#: its requests carry that name, so they are refused.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
#: Changes in these are editor litter, never a reason to rebuild; what a build writes itself is
#: left out by the rule the build's digest uses (``cli.inputs.written_by_a_build``).
IGNORED_PATTERNS = [
    r".*(\.tmp|~|\.swp|\.swx|4913)$",
    r".*/\.#.*",
    r".*\.lcsi-briefs-generated$",
]
#: Reader-facing text of the page shown while the first build runs.
BUILDING_TITLE = "Building the preview"
BUILDING_TEXT = "The site is being built; this page reloads by itself when it is ready."


def _placeholder() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="refresh" content="2">'
        f"<title>{BUILDING_TITLE}</title></head>"
        f"<body><main><h1>{BUILDING_TITLE}</h1><p>{BUILDING_TEXT}</p></main></body></html>\n"
    )


class PreviewBuilder:
    """Rebuild the site, then start the PDFs in the background. Picklable: the watcher runs it
    in a worker process, so the state between calls (the PDF render's process id) is a file."""

    def __init__(self, project: Path, *, pdfs: bool) -> None:
        from lcsi_briefs.cli.project import read_layout  # noqa: PLC0415 - reads conf.py with Sphinx

        self.project = project
        self.layout = read_layout(project)
        self.out = self.layout.preview
        self.doctrees = self.layout.preview_work / "doctrees"
        self.pdfs = pdfs

    @property
    def _pid_file(self) -> Path:
        return self.layout.preview_work / "pdf-render.pid"

    def site_command(self) -> list[str]:
        settings = ["-q", "-b", "html", "-c", str(self.project), "-d", str(self.doctrees)]
        return [sys.executable, "-m", "sphinx", "build", *settings, str(self.layout.srcdir), str(self.out)]

    def stop_pdfs(self) -> None:
        """Stop an unfinished render: the site is about to change under it."""
        try:
            pid = int(self._pid_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        self._pid_file.unlink(missing_ok=True)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGTERM)

    def start_pdfs(self) -> None:
        copy = self.layout.preview_work / "pdf-doctrees"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(self.doctrees, copy)
        command = [sys.executable, "-m", "lcsi_briefs.cli.preview", str(self.project), str(self.out / "pdf"), str(copy)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, start_new_session=True)
        self._pid_file.write_text(str(process.pid), encoding="utf-8")

    def __call__(self, *, changed_paths: Sequence[Path] = ()) -> None:
        self.stop_pdfs()
        start = time.monotonic()
        status = subprocess.run(self.site_command(), check=False).returncode
        if status != 0:
            print("lcsi-briefs: the site did not build; the preview shows the last good version.", flush=True)
            return
        print(f"lcsi-briefs: site rebuilt in {time.monotonic() - start:.1f} s", flush=True)
        if self.pdfs:
            self.start_pdfs()


def render_pdfs(project: Path, outdir: Path, doctrees: Path) -> int:
    """The background render: quiet, one line when done (run as ``python -m lcsi_briefs.cli.preview``)."""
    from lcsi_briefs.cli.build import build_pdfs  # noqa: PLC0415

    start = time.monotonic()
    status = build_pdfs(project, outdir, doctrees)
    if status == 0:
        print(f"lcsi-briefs: PDFs updated in {time.monotonic() - start:.1f} s", file=sys.stderr, flush=True)
    return status


def allowed_hosts(host: str) -> list[str]:
    """The ``Host`` names the preview answers: this machine's, and the one it was started with."""
    name = host.strip("[]").lower()
    # An address of IPv6 is written in brackets in a Host header.
    return sorted({*LOCAL_HOSTS, f"[{name}]" if ":" in name else name})


def site_files(folder: Path) -> Any:
    """The built site's pages and files, and nothing of a build's own (no ``.``-names)."""
    from starlette.exceptions import HTTPException  # noqa: PLC0415
    from starlette.responses import FileResponse, Response  # noqa: PLC0415
    from starlette.staticfiles import StaticFiles  # noqa: PLC0415

    class SiteFiles(StaticFiles):
        async def get_response(self, path: str, scope: Any) -> Any:
            # Sphinx's .buildinfo, a stray .doctrees or editor litter: never the site's.
            if any(part.startswith(".") for part in Path(path).parts):
                raise HTTPException(status_code=404)
            response = await super().get_response(path, scope)
            if not isinstance(response, FileResponse):
                return response
            # Sent as read now: a rebuild rewrites the pages in place, and a file that shrank
            # after its length was taken broke the response ("Too little data for declared
            # Content-Length") and printed a traceback. The browser reloads once the build is done.
            try:
                body = Path(response.path).read_bytes()
            except OSError:
                raise HTTPException(status_code=404) from None
            return Response(body, status_code=response.status_code, media_type=response.media_type)

    return SiteFiles(directory=folder, html=True)


def watched_paths(layout: ProjectLayout) -> list[Path]:
    """What the preview watches: every folder and file a build reads (``cli.inputs``), so a save
    to any of them rebuilds, as it would make ``lcsi-briefs build`` build again."""
    folders, named = read_folders(layout)
    return [path for path in (*folders, *named, *loose_files(layout)) if path.exists()]


def _app(project: Path, builder: PreviewBuilder, host: str, port: int) -> Any:
    """The server: files from the preview folder, a reload socket, the first build once it is up."""
    from sphinx_autobuild.filter import IgnoreFilter  # noqa: PLC0415 - only the preview needs these
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware  # noqa: PLC0415
    from sphinx_autobuild.server import RebuildServer  # noqa: PLC0415
    from starlette.applications import Starlette  # noqa: PLC0415
    from starlette.middleware import Middleware  # noqa: PLC0415
    from starlette.middleware.trustedhost import TrustedHostMiddleware  # noqa: PLC0415
    from starlette.routing import Mount, WebSocketRoute  # noqa: PLC0415

    layout = builder.layout
    litter = IgnoreFilter([str(path) for path in (layout.build, layout.srcdir / "_build")], IGNORED_PATTERNS)
    root = layout.root.resolve()

    def ignored(changed: str) -> bool:
        # The watcher names files absolutely; the layout's folders may be relative to the project.
        path = Path(changed).resolve()
        path = layout.root / path.relative_to(root) if path.is_relative_to(root) else path
        return litter(changed) or written_by_a_build(layout, path)

    watcher = RebuildServer(watched_paths(layout), ignored, change_callback=builder)

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        async def first_build() -> None:
            await asyncio.get_running_loop().run_in_executor(None, builder)
            watcher.flag.set()  # browsers already showing a page reload it

        async with watcher.lifespan(app):
            task = asyncio.create_task(first_build())
            yield
            task.cancel()

    return Starlette(
        routes=[
            WebSocketRoute("/websocket-reload", watcher, name="reload"),
            Mount("/", app=site_files(builder.out), name="static"),
        ],
        middleware=[
            # First, so a request for another host name reaches nothing else (400 Bad Request).
            Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host), www_redirect=False),
            Middleware(JavascriptInjectorMiddleware, ws_url=f"{host}:{port}"),
        ],
        lifespan=lifespan,
    )


def serve(project: Path, *, host: str, port: int, pdfs: bool) -> int:
    import uvicorn  # noqa: PLC0415
    from sphinx.errors import ConfigError  # noqa: PLC0415

    project = project.resolve()
    if not (project / "conf.py").is_file():
        print(f"error: {project} has no conf.py; run this from the project folder", file=sys.stderr)
        return 2
    try:
        builder = PreviewBuilder(project, pdfs=pdfs)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    builder.out.mkdir(parents=True, exist_ok=True)
    builder.layout.preview_work.mkdir(parents=True, exist_ok=True)
    if not (builder.out / "index.html").is_file():
        (builder.out / "index.html").write_text(_placeholder(), encoding="utf-8")
    app = _app(project, builder, host, port)
    print(f"Preview: open http://{host}:{port}/ in your browser. Press Ctrl+C to stop.", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.run(app, host=host, port=port, log_level="warning")
    builder.stop_pdfs()
    return 0


if __name__ == "__main__":
    sys.exit(render_pdfs(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
