"""Render PDFs in parallel worker processes, each with a time limit.

Each render runs in its own forked process: the parent already has WeasyPrint imported, so a
fork starts at once, a render that hangs can be stopped without touching the others, and
nothing a render allocates outlives it. Results come back as soon as each job finishes.

A worker must not outlive its build either: if the build is killed (``kill -9``, a closed
terminal) the workers would be re-parented and go on writing into ``build/.work``. On Linux
each worker asks the kernel to kill it when its parent dies (``PR_SET_PDEATHSIG``); elsewhere
a thread in the worker watches for the parent to go.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from lcsi_briefs.faults import is_machine_fault
from lcsi_briefs.pdf.preflight.kinds import Measured
from lcsi_briefs.pdf.render import RenderFailedError, RenderJob, forget_styles, prepare_styles, render_pdf

#: A fault of the machine met by a worker: errno, its text and the file, to raise again in the build.
Fault = tuple[int, str, str | None]


@dataclass(frozen=True)
class RenderResult:
    job: RenderJob
    warnings: list[str]
    error: str | None
    fault: Fault | None = None
    #: What preflight measured in the PDF written.
    problems: tuple[Measured, ...] = ()
    #: What a reader's software needs that the PDF written lacks (none when the render failed).
    checked: tuple[str, ...] = ()


def _fault(error: BaseException) -> Fault | None:
    """A full disk or a read-only folder behind a failed render, which the build reports as such."""
    cause = error.__context__
    if isinstance(cause, OSError) and is_machine_fault(cause):
        filename = os.fsdecode(cause.filename) if cause.filename is not None else None
        return (cause.errno or 0, cause.strerror or str(cause), filename)
    return None


#: From <linux/prctl.h>.
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Make this worker end when the build that started it ends, however it ends."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            # The parent may have died before the request was made: then nobody would signal us.
            if os.getppid() != parent:
                os._exit(1)
            return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _child(job: RenderJob, sender: Connection, parent: int) -> None:
    # Ctrl+C reaches every process of the terminal's group: the build stops its workers and says
    # so once, so a worker ignores it rather than print a traceback of its own. It was started
    # with the signal blocked (see _start), so none can arrive before this line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent(parent)
    try:
        rendered = render_pdf(job)
        sender.send((rendered.warnings, None, None, tuple(rendered.problems), rendered.reader.problems))
    except RenderFailedError as error:
        sender.send(([], str(error), _fault(error), (), ()))
    except Exception as error:
        sender.send(([], f"{type(error).__name__}: {error}", None, (), ()))
    finally:
        sender.close()
        # A worker ends without running exit handlers: the fonts it decoded itself go now.
        forget_styles()


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start(process: BaseProcess) -> None:
    """Start a worker with Ctrl+C held back until it has chosen to ignore it (see _child)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        process.start()
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        process.start()
    finally:
        # A Ctrl+C that came meanwhile is delivered to the build now, which stops every worker.
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def render_all(jobs: Sequence[RenderJob], *, workers: int, timeout: float) -> Iterator[RenderResult]:
    """Yield a result per job, in the order they finish, never more than ``workers`` at once."""
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, found {workers}")
    context = _context()
    forked = context.get_start_method() == "fork"
    waiting = list(reversed(jobs))
    running: dict[Connection, tuple[RenderJob, BaseProcess, float]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < workers:
                job = waiting.pop()
                if forked:
                    # Parsed here once, the job's stylesheets and fonts are inherited by every
                    # worker forked after it (each would otherwise parse them again).
                    prepare_styles(job)
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_child, args=(job, sender, os.getpid()), daemon=True)  # type: ignore[attr-defined]
                _start(process)
                sender.close()
                running[receiver] = (job, process, time.monotonic() + timeout)
            now = time.monotonic()
            soonest = min(deadline for _, _, deadline in running.values())
            ready = multiprocessing.connection.wait(list(running), timeout=max(0.0, soonest - now))
            for finished in ready:
                receiver = next(r for r in running if r is finished)
                job, process, _ = running.pop(receiver)
                try:
                    warnings, error, fault, problems, checked = receiver.recv()
                except EOFError:
                    warnings, error, fault, problems, checked = (
                        [],
                        "the renderer stopped without a result",
                        None,
                        (),
                        (),
                    )
                receiver.close()
                process.join()
                yield RenderResult(job, warnings, error, fault, problems, checked)
            for receiver, (job, process, deadline) in list(running.items()):
                if time.monotonic() >= deadline:
                    process.kill()
                    process.join()
                    receiver.close()
                    del running[receiver]
                    yield RenderResult(job, [], f"rendering took longer than {timeout:g} seconds and was stopped")
    finally:
        for receiver, (_, process, _) in running.items():
            process.kill()
            process.join()
            receiver.close()
