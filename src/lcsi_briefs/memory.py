"""How the build's processes use Python's cyclic garbage collector.

A build makes and drops whole trees of objects (Sphinx's doctrees, WeasyPrint's boxes) while it
keeps what it read until it ends, so the default thresholds' full collections, which walk every
object the process holds, found little to free and cost a tenth of a render's time. What they
cost, and what these settings save, is measured in the manual (performance.md, "Garbage
collection, and the suite's time").
"""

from __future__ import annotations

import gc

#: Python's own thresholds for the two young generations; the full collection's ten times higher.
THRESHOLDS = (700, 10, 100)


def collect_rarely() -> None:
    """A build keeps what it reads to its end: the collector need not keep looking through it."""
    gc.set_threshold(*THRESHOLDS)


def keep_what_is_held() -> None:
    """For a render worker as it starts, and a test process once its tests are collected: what it
    holds now lives as long as it does, so the collector stops walking it (and, in a forked
    worker, copying its pages by writing to them)."""
    gc.freeze()
    collect_rarely()


def between_jobs() -> None:
    """The render just sent is garbage now: freed before the next, so a worker holds one render
    at its peak, not the last one's box trees as well (full collections being rare)."""
    gc.collect()
