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

Nesting and threads: a process-wide count of open blocks is kept under a lock. The
collector is switched off by the first block to open while it is on, and back on when
the last block closes. If the collector was already off when the first block opened
(the caller switched it off), it is left off. A ``gc.enable()`` or ``gc.disable()`` by
another thread while a block is open is overridden when the last block closes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]

_lock = threading.Lock()
_open = 0
_switched_off = False


@contextmanager
def paused() -> Iterator[None]:
    """Run the ``with`` block with CPython's cyclic garbage collector switched off.

    Reference counting still frees every object that is not part of a cycle; cycles made
    inside the block are collected by the next collection after it. Use it only around
    code that makes no cyclic garbage in proportion to its input.

    Yields:
        ``None``. On leaving the last open block the collector is on again if (and only
        if) it was on when the first one opened.
    """
    global _open, _switched_off
    with _lock:
        if _open == 0:
            _switched_off = gc.isenabled()
            if _switched_off:
                gc.disable()
        _open += 1
    try:
        yield
    finally:
        with _lock:
            _open -= 1
            if _open == 0 and _switched_off:
                _switched_off = False
                gc.enable()
