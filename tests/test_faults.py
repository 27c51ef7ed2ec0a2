"""Faults of the machine: one clear sentence, a non-zero exit, no partial folder, the last good output kept.

Full disks and read-only folders are simulated by making the write that would meet them raise
the ``OSError`` the kernel would give (the tests run as root, which ignores permissions).
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lcsi_briefs import faults
from lcsi_briefs.cli.build import build_all
from lcsi_briefs.layout import ProjectLayout
from lcsi_briefs.newsletter import writer
from lcsi_briefs.pdf import pool
from lcsi_briefs.pdf.render import RenderFailedError, RenderJob

from .conftest import make_project, small_pack, write_pack

PUBLISHED = ("html", "newsletter")


def snapshot(root: Path) -> dict[str, str]:
    build = root / "build"
    return {
        str(path.relative_to(build)): hashlib.sha256(path.read_bytes()).hexdigest()
        for part in PUBLISHED
        for path in sorted((build / part).rglob("*"))
        if path.is_file()
    }


def partial_folders(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "build").iterdir() if p.name.startswith(".") and p.name != ".work")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("faults"), {"small": small_pack()})
    assert build_all(root, pdf=False) == 0
    return root


@pytest.fixture
def changed(built: Path) -> Iterator[Path]:
    """The built project with an edit waiting, so the next build has something to publish."""
    before = snapshot(built)
    pack = small_pack()
    pack["briefing"]["title"] = f"An edited title {time.monotonic_ns()}"
    write_pack(built / "briefings" / "small.yaml", pack)
    yield built
    assert snapshot(built) == before, "the last good output must be kept"
    assert partial_folders(built) == []


def one_sentence(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def raise_on(target: str, number: int) -> Any:
    """A stand-in for ``shutil.copy2`` that meets ``number`` when it writes under ``target``."""
    real = shutil.copy2

    def copy(source: str, destination: str, **kwargs: Any) -> object:
        if f"/{target}/" in str(destination):
            raise OSError(number, os.strerror(number), destination)
        return real(source, destination, **kwargs)

    return copy


def test_a_full_disk_while_publishing(
    changed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(shutil, "copy2", raise_on("build/.html.new", errno.ENOSPC))
    assert build_all(changed, pdf=False) == 1
    err = one_sentence(capsys.readouterr().err)
    assert err.startswith("Build failed: the disk is full, so build/.html.new/")
    assert err.endswith("could not be written; the last good output in build/ is unchanged.")


def test_a_full_disk_while_sphinx_writes(
    changed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Raised inside a Sphinx event handler, the error reaches us wrapped in an ExtensionError."""

    def full(path: Path, data: bytes) -> bool:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(writer, "write_if_changed", full)
    assert build_all(changed, pdf=False) == 1
    err = one_sentence(capsys.readouterr().err)
    assert err.startswith("Build failed: the disk is full, so build/.work/html/newsletter/small.")


def full_disk_render(job: RenderJob) -> list[str]:
    """What render_pdf does when WeasyPrint meets a full disk: the OSError becomes a RenderFailedError."""
    try:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(job.target.with_name(f".{job.target.name}.tmp")))
    except OSError as error:
        raise RenderFailedError(f"OSError: {error}") from None


def test_a_full_disk_while_printing_pdfs(
    changed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pool, "render_pdf", full_disk_render)
    assert build_all(changed) == 1
    err = one_sentence(capsys.readouterr().err)
    assert err.startswith("Build failed: the disk is full, so build/.work/pdf/.small")
    assert err.endswith(".pdf.tmp could not be written; the last good output in build/ is unchanged.")


def test_a_read_only_build_folder(
    changed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def read_only(path: Path) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(faults, "_open_lock", read_only)
    assert build_all(changed, pdf=False) == 1
    err = one_sentence(capsys.readouterr().err)
    assert err == (
        "Build failed: the folder is read-only, so build/.work/build.lock could not be written; "
        "the last good output in build/ is unchanged."
    )


def test_an_interrupt_while_publishing_leaves_no_partial_folder(changed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.copy2

    def interrupted(source: str, destination: str, **kwargs: Any) -> object:
        if "/build/.newsletter.new/" in str(destination):
            raise KeyboardInterrupt
        return real(source, destination, **kwargs)

    monkeypatch.setattr(shutil, "copy2", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_all(changed, pdf=False)


def test_a_process_forked_during_a_build_does_not_keep_the_project_locked(tmp_path: Path) -> None:
    """sphinx-sitemap leaves a process running per build, holding the lock file open: the next
    build in the same process was refused by its own lock."""
    lock = tmp_path / "build.lock"
    with faults.one_build_at_a_time(tmp_path, lock):
        child = os.fork()
        if child == 0:  # pragma: no cover - the child only waits, holding the lock file open
            time.sleep(30)
            os._exit(0)
    try:
        with faults.one_build_at_a_time(tmp_path, lock):
            pass
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


def test_a_second_build_at_once_says_one_is_running(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with ProjectLayout(built).lock.open("a+", encoding="utf-8") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.truncate(0)
        held.write("4242\n")
        held.flush()
        assert build_all(built, pdf=False) == 1
    err = one_sentence(capsys.readouterr().err)
    assert err == f"Another build of {built} is running (process 4242); wait for it to finish, then build again."
    assert build_all(built, pdf=False) == 0, "the lock goes with its holder"


def test_a_missing_build_folder_is_built_again(built: Path) -> None:
    shutil.rmtree(built / "build")
    assert build_all(built, pdf=False) == 0
    assert (built / "build" / "html" / "index.html").is_file()


def test_a_disk_fault_hidden_behind_bad_data_is_not_reported_as_one(tmp_path: Path) -> None:
    """An error raised "from None" (a pack that cannot be read) is about the data, not the disk."""
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError:
            raise ValueError("bad data") from None
    except ValueError as error:
        assert faults.find_os_error(error) is None


WORKER_SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from lcsi_briefs.pdf import pool
    from lcsi_briefs.pdf.render import RenderJob

    def stuck(job):
        Path(sys.argv[1]).write_text(str(os.getpid()))
        time.sleep(120)
        return []

    pool.render_pdf = stuck
    job = RenderJob(html="", target=Path(sys.argv[1] + ".pdf"), base_url="", stylesheets=(), allowed_roots=())
    list(pool.render_all([job], workers=1, timeout=300))
    """
)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_pdf_workers_die_with_a_killed_build(tmp_path: Path) -> None:
    marker = tmp_path / "worker.pid"
    build = subprocess.Popen([sys.executable, "-c", WORKER_SCRIPT, str(marker)], env={**os.environ})
    try:
        deadline = time.monotonic() + 60
        while not (marker.is_file() and marker.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        worker = int(marker.read_text())
        assert alive(worker)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=60)
        # The kernel signals the worker at once; a loaded machine may take a while to schedule it.
        deadline = time.monotonic() + 60
        while alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(worker), "the worker outlived the build that started it"
    finally:
        build.kill()
        if marker.is_file() and marker.read_text() and alive(int(marker.read_text())):
            os.kill(int(marker.read_text()), signal.SIGKILL)
