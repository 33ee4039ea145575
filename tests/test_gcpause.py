"""``argmap.gcpause``: the collector is off inside ``analyze`` and as it was after it."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.exceptions import EmptyInputError
from argmap.gcpause import paused
from argmap.pipeline import analyze

DATA = Path(__file__).parent / "data"
ESSAY = ("Fees must fall. First, they deter students. Second, they burden families. "
         "However, cutting them costs money. Still, the state can pay, because it "
         "taxes wealth.")


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.fixture
def collector_off() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_paused_switches_off_and_back_on() -> None:
    seen = []
    with paused():
        seen.append(gc.isenabled())
        with paused():
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())   # the outer block is still open
    seen.append(gc.isenabled())
    assert seen == [False, False, False, True]


@pytest.mark.usefixtures("collector_off")
def test_paused_leaves_a_collector_the_caller_switched_off() -> None:
    with paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_paused_restores_when_the_block_raises() -> None:
    with pytest.raises(KeyError), paused():
        raise KeyError("x")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_a_block_in_another_thread_leaves_the_collector_on() -> None:
    seen: list[bool] = []

    def work() -> None:
        with paused():
            seen.append(gc.isenabled())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert seen == [True]


@pytest.mark.usefixtures("collector_on")
def test_analyze_in_worker_threads_never_stops_the_collector(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A thread pool calling analyze must not switch the process-wide collector off (the
    # pause is the main thread's only). The module's calls of gc.disable are counted,
    # not the collector's state, which other libraries' threads may change meanwhile.
    calls: list[str] = []

    class Recorder:
        def __getattr__(self, name: str) -> object:
            return getattr(gc, name)

        def disable(self) -> None:
            calls.append(threading.current_thread().name)
            gc.disable()

    import argmap.gcpause

    monkeypatch.setattr(argmap.gcpause, "gc", Recorder())
    threads = [threading.Thread(target=analyze, args=("\n\n".join([ESSAY] * 20),),
                                name=f"worker-{k}") for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    analyze(ESSAY)  # the main thread does pause: the recorder sees it
    assert calls == [threading.main_thread().name]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
@pytest.mark.usefixtures("collector_on")
def test_a_child_forked_inside_a_block_has_the_collector_on() -> None:
    with paused():
        pid = os.fork()
        if pid == 0:  # the child: report through the exit status, never return
            os._exit(0 if gc.isenabled() else 1)
        assert not gc.isenabled()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_no_collection_runs_inside_analyze() -> None:
    # 60 KB of essays allocate tens of thousands of objects: enough for dozens of
    # young-generation passes when the collector is on. At most one may start: when the
    # collector comes back on at the end, the allocations counted while it was off are
    # due.
    starts: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            starts.append(info["generation"])

    gc.callbacks.append(record)
    try:
        analyze("\n\n".join([ESSAY] * 300))
    finally:
        gc.callbacks.remove(record)
    assert len(starts) <= 1, starts


@pytest.mark.usefixtures("collector_on")
def test_analyze_pauses_and_restores() -> None:
    m = analyze(ESSAY)
    assert m.unit(m.central_claim).text == "Fees must fall."
    assert gc.isenabled()
    with pytest.raises(EmptyInputError):
        analyze("   \n\n  ")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_off")
def test_analyze_leaves_the_callers_choice() -> None:
    analyze(ESSAY)
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector_on")
@pytest.mark.parametrize(("name", "text", "fmt", "most"), [
    # plain text and HTML leave no cyclic garbage at all; markdown-it-py leaves 13
    # objects on a call, and none on the next, whatever the document's length
    ("text", ESSAY, "text", 0),
    ("html", (DATA / "article.html").read_text("utf-8"), "html", 0),
    ("markdown", (DATA / "draft.md").read_text("utf-8"), "markdown", 20),
])
def test_analyze_makes_no_cyclic_garbage_in_proportion_to_its_input(
        name: str, text: str, fmt: str, most: int) -> None:
    # What justifies the pause: the garbage only a cycle collection frees does not grow
    # with the input. Measured at 1 and 16 copies of the document.
    analyze(text, format=fmt)   # first call: imports and caches
    found = []
    for copies in (1, 16):
        gc.collect()
        with paused():
            analyze("\n\n".join([text] * copies), format=fmt)
            inside = gc.isenabled()
        found.append(gc.collect())
        assert not inside
    assert found[1] <= found[0] <= most, (name, found)
