"""Render PDFs in parallel worker processes, each with a time limit.

Renders run in worker processes forked from the build, which already has WeasyPrint imported
and the stylesheets parsed, so a worker starts at once. A worker renders one job at a time and
then the next, keeping what its first render set up (Pango's fonts, modules WeasyPrint imports
on first use, cached values): a worker per PDF paid for that again every time, a tenth of the
bundled pack's render time. A render that hangs is stopped by killing its worker, without
touching the others, and a fresh worker takes its place; so does one every ``JOBS_PER_WORKER``
jobs, so what WeasyPrint keeps between renders stays small. Results come back as soon as each
job finishes.

A worker must not outlive its build either: if the build is killed (``kill -9``, a closed
terminal) the workers would be re-parented and go on writing into ``build/.work``. On Linux
each worker asks the kernel to kill it when its parent dies (``PR_SET_PDEATHSIG``); elsewhere
a thread in the worker watches for the parent to go.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from lcsi_briefs.faults import is_machine_fault
from lcsi_briefs.memory import between_jobs, keep_what_is_held
from lcsi_briefs.pdf.preflight.kinds import Measured
from lcsi_briefs.pdf.render import RenderFailedError, RenderJob, forget_styles, prepare_styles, render_pdf

#: A fault of the machine met by a worker: errno, its text and the file, to raise again in the build.
Fault = tuple[int, str, str | None]


@dataclass(frozen=True)
class Outcome:
    """One render's outcome as a worker sends it back through its pipe (pickled: plain data only).

    The job is left out: the build knows which job the worker had, and need not be sent its
    HTML again.
    """

    warnings: list[str]
    #: Why the render failed, or None when the PDF was written.
    error: str | None = None
    #: The fault of the machine behind a failed render, if one was.
    fault: Fault | None = None
    #: What preflight measured in the PDF written.
    problems: tuple[Measured, ...] = ()
    #: What a reader's software needs that the PDF written lacks (none when the render failed).
    checked: tuple[str, ...] = ()
    #: The page each cross-reference's target is on in the PDF written (see ``RenderJob.pages``).
    pages: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RenderResult(Outcome):
    """A render's outcome with its job, as the build hands it on."""

    job: RenderJob = field(kw_only=True)

    @classmethod
    def of(cls, job: RenderJob, outcome: Outcome) -> RenderResult:
        return cls(**vars(outcome), job=job)


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


def _result(job: RenderJob) -> Outcome:
    """One render's outcome, to send back to the build."""
    try:
        rendered = render_pdf(job)
        return Outcome(
            rendered.warnings, problems=tuple(rendered.problems), checked=rendered.reader.problems, pages=rendered.pages
        )
    except RenderFailedError as error:
        return Outcome([], str(error), _fault(error))
    except Exception as error:
        return Outcome([], f"{type(error).__name__}: {error}")


def _serve(connection: Connection, parent: int) -> None:
    # Ctrl+C reaches every process of the terminal's group: the build stops its workers and says
    # so once, so a worker ignores it rather than print a traceback of its own. It was started
    # with the signal blocked (see _start), so none can arrive before this line.
    keep_what_is_held()  # first, before anything here allocates (see lcsi_briefs.memory)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent(parent)
    try:
        while (job := connection.recv()) is not None:
            connection.send(_result(job))
            between_jobs()
    except EOFError:
        pass
    finally:
        connection.close()
        # A worker ends without running exit handlers: the fonts it decoded itself go now.
        forget_styles()


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start(process: BaseProcess) -> None:
    """Start a worker with Ctrl+C held back until it has chosen to ignore it (see _serve)."""
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


#: Jobs a worker renders before a fresh one takes its place: enough that setting up what a first
#: render needs is paid rarely, few enough that what WeasyPrint keeps between renders stays small.
JOBS_PER_WORKER = 12


class _Worker:
    """A render process fed jobs one at a time, with the deadline of the job it is rendering."""

    def __init__(self, context: BaseContext) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, os.getpid()), daemon=True)  # type: ignore[attr-defined]
        _start(self.process)
        child.close()
        self.job: RenderJob | None = None
        self.deadline = 0.0
        self.rendered = 0

    def give(self, job: RenderJob, timeout: float) -> None:
        self.job, self.deadline = job, time.monotonic() + timeout
        self.rendered += 1
        self.connection.send(job)

    def ask_to_stop(self) -> None:
        """Tell an idle worker to end once it has read this (it takes no more jobs)."""
        with contextlib.suppress(OSError):
            self.connection.send(None)

    def stop(self) -> None:
        """Wait for a worker asked to end, or kill it when it does not (it may be mid-render)."""
        self.process.join(timeout=5)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.close()

    def close(self) -> None:
        """Let go of an ended worker's pipe and process handle (three file descriptors)."""
        self.connection.close()
        self.process.close()


def _prepare(jobs: Sequence[RenderJob]) -> None:
    """Parse every set of stylesheets the jobs use, once, before the workers are forked.

    The workers inherit them (each would otherwise parse them again); thousands of jobs share
    a handful of sets, so each set is prepared once.
    """
    prepared: set[tuple[object, ...]] = set()
    for job in jobs:
        key = (job.stylesheets, job.limit.smaller if job.limit else (), job.source_date_epoch)
        if key not in prepared:
            prepared.add(key)
            prepare_styles(job)


def _let_go_of_ended(retired: list[_Worker]) -> None:
    """Close the retired workers that have ended: kept to the end of the build, each held three
    file descriptors, and a build of thousands of PDFs retires hundreds of workers."""
    for worker in [worker for worker in retired if not worker.process.is_alive()]:
        retired.remove(worker)
        worker.process.join()
        worker.close()


def render_all(
    jobs: Sequence[RenderJob],
    *,
    workers: int,
    timeout: float,
    start: Callable[[RenderJob], RenderJob] | None = None,
) -> Iterator[RenderResult]:
    """Yield a result per job, in the order they finish, never more than ``workers`` at once.

    ``start`` readies each job as it goes to a worker, knowing the results yielded so far (the
    builder gives a member's copy the pages another copy of its edition was found to have).
    """
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, found {workers}")
    context = _context()
    if context.get_start_method() == "fork":
        _prepare(jobs)
    waiting = list(reversed(jobs))
    idle: list[_Worker] = []
    retired: list[_Worker] = []
    busy: dict[Connection, _Worker] = {}
    try:
        while waiting or busy:
            while waiting and len(busy) < workers:
                worker = idle.pop() if idle else _Worker(context)
                job = waiting.pop()
                worker.give(start(job) if start else job, timeout)
                busy[worker.connection] = worker
            soonest = min(worker.deadline for worker in busy.values())
            ready = multiprocessing.connection.wait(list(busy), timeout=max(0.0, soonest - time.monotonic()))
            for finished in ready:
                worker = busy.pop(finished)  # type: ignore[call-overload]
                job = worker.job
                assert job is not None
                try:
                    outcome: Outcome = worker.connection.recv()
                except (EOFError, OSError):
                    outcome = Outcome([], "the renderer stopped without a result")
                    worker.kill()
                else:
                    if worker.rendered < JOBS_PER_WORKER:
                        idle.append(worker)
                    else:
                        # Asked to end now, waited for at the end: the others' results go on.
                        worker.ask_to_stop()
                        retired.append(worker)
                yield RenderResult.of(job, outcome)
            _let_go_of_ended(retired)
            for connection, worker in list(busy.items()):
                if time.monotonic() >= worker.deadline:
                    del busy[connection]
                    worker.kill()
                    assert worker.job is not None
                    stopped = f"rendering took longer than {timeout:g} seconds and was stopped"
                    yield RenderResult([], stopped, job=worker.job)
    finally:
        for worker in busy.values():
            worker.kill()
        for worker in idle:
            worker.ask_to_stop()
        for worker in [*idle, *retired]:
            worker.stop()
