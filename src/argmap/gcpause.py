"""Pause CPython's cyclic garbage collector while a map is built.

``analyze`` allocates small container objects (units, spans, relations, markers) by the
hundred thousand: the map of the 5 MB essay corpus holds 175,000 of them. They stay
alive until the map is returned, and none of them form reference cycles: reference
counting frees them. CPython's generational collector does not know that. It starts a
young-generation pass every 700 net allocations and a full pass whenever the objects
that survived grow by a quarter, so while a large map is built it walks the growing heap
again and again and frees nothing. On the 5 MB essay corpus that is 5–10% of
``analyze``'s CPU time (``benchmarks/README.md``).

:func:`paused` switches the collector off for the duration of a block and back on after
it, even when the block raises. The same remedy is Mercurial's ``util.nogc`` decorator
(``mercurial/util.py``), written for the same cost when building large containers;
the mechanism is described in the CPython developer's guide, "Garbage collector
design" (https://devguide.python.org/internals/garbage-collector/).

Threads: only the main thread pauses the collector; a block in any other thread runs
with the collector as it is. The collector is process-wide, so a pause also holds back
the cycles that other threads make, for as long as the block lasts; were every thread
allowed to pause, overlapping calls from a thread pool could keep it off for good.
Nesting: the collector is switched off by the outermost block if it is on, and back on
when that block closes; if the caller had switched it off, it stays off. A process
forked inside a block starts with the collector as it was before the block.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]

_open = 0  # blocks open in the main thread
_switched_off = False  # whether the outermost one switched the collector off


@contextmanager
def paused() -> Iterator[None]:
    """Run the ``with`` block with CPython's cyclic garbage collector switched off, when
    called from the main thread; from any other thread, run it as it is.

    Reference counting still frees every object that is not part of a cycle; cycles made
    inside the block are collected by the next collection after it. Use it only around
    code that makes no cyclic garbage in proportion to its input.

    Yields:
        ``None``. On leaving the outermost block the collector is on again if (and only
        if) it was on when that block opened.
    """
    global _open, _switched_off
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if _open == 0:
        _switched_off = gc.isenabled()
        if _switched_off:
            gc.disable()
    _open += 1
    try:
        yield
    finally:
        _open = max(0, _open - 1)
        if _open == 0 and _switched_off:
            _switched_off = False
            gc.enable()


def _restore_in_child() -> None:
    """After ``os.fork``: the child runs none of the parent's blocks (when another thread
    forked) or must not inherit the pause, so the collector is as before the block."""
    global _open, _switched_off
    if _open and _switched_off:
        gc.enable()
    _open, _switched_off = 0, False


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_restore_in_child)
