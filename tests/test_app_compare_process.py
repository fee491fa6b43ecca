"""The reader's comparison runs in a child process: it gives what the core gives, a failure in
the child is one message, and no child outlives the comparison it was started for (other
documents, the reader quitting, the reader killed)."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest
from conftest import compare_docs, compared, pilot_test, reader_app, until

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.claims import claims
from sidelight.annotations.entities import recognize_many
from sidelight.tui.colors import COMPARE_GLYPHS
from sidelight.tui.reading import compare_process
from sidelight.tui.reading.compare_process import ComparisonFailed, compare_in_child

ALL = ("broadcast.txt", "gazette.md", "wire.txt")


def _started(monkeypatch: pytest.MonkeyPatch, *, stop_first: bool = False,
             kill_first: bool = False) -> list[subprocess.Popen[bytes]]:
    """Every comparing child started from now on; the first one stopped (as a comparison still
    under way) or killed (as the system kills a process when memory runs out)."""
    started: list[subprocess.Popen[bytes]] = []
    start = compare_process._start

    def recorded() -> Any:
        child, send, receive = start()
        if not started and (stop_first or kill_first):
            os.kill(child.pid, signal.SIGSTOP if stop_first else signal.SIGKILL)
        started.append(child)
        return child, send, receive

    monkeypatch.setattr(compare_process, "_start", recorded)
    return started


def _comparing_children() -> list[int]:
    """Processes of this one's still running the comparison's child (zombies included)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == os.getpid() and b"compare_process" in cmdline:
            found.append(int(entry.name))
    return found


def _gone(child: subprocess.Popen[bytes], timeout: float = 10.0) -> bool:
    """Whether ``child`` has ended and been waited for (no zombie left) within ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.returncode is not None and child.pid not in _comparing_children():
            return True
        time.sleep(0.05)
    return False


def test_the_child_compares_as_the_core_does() -> None:
    docs = compare_docs(*ALL)
    entities = recognize_many([d.text for d in docs])
    answer = compare_in_child(docs, entities, lambda: False)
    assert answer is not None
    comparison, found = answer
    expected = compare_documents(docs, entities)
    assert comparison == expected and found == claims(expected) and found
    assert all(a is b for a, b in zip(comparison.documents, docs, strict=True))
    assert not _comparing_children()


def test_a_failure_in_the_child_comes_back_as_its_message() -> None:
    docs = compare_docs(*ALL)
    with pytest.raises(ComparisonFailed) as failed:
        compare_in_child(docs, [[]], lambda: False)  # one entity list for three documents
    assert str(failed.value) == "1 entity lists for 3 documents"
    assert not _comparing_children()


def test_a_cancelled_comparison_kills_its_child(monkeypatch: pytest.MonkeyPatch) -> None:
    started = _started(monkeypatch, stop_first=True)
    asked = time.monotonic()
    assert compare_in_child(compare_docs(*ALL), None,
                            lambda: time.monotonic() - asked > 0.5) is None
    assert _gone(started[0])


@pilot_test
async def test_the_reader_shows_the_comparison_made_in_the_child(
    db_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _started(monkeypatch)
    docs = compare_docs(*ALL)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        expected = compare_documents(docs, reader.entities)
        assert reader.comparison == expected
        assert reader.side.compare.claims == claims(expected)
        for pane in reader.panes:
            glyphs = sorted(COMPARE_GLYPHS[kind] for _s, _e, kind in expected.marks(pane.index))
            assert sorted(pane.view._gutter_chars) == glyphs
    assert len(started) == 1 and _gone(started[0])


@pilot_test
async def test_quitting_mid_comparison_leaves_no_child(
    db_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _started(monkeypatch, stop_first=True)
    app = reader_app(compare_docs(*ALL), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await until(pilot, lambda: bool(started))
        await pilot.press("q")
    assert reader.comparison is None
    assert _gone(started[0]) and not _comparing_children()


@pilot_test
async def test_other_documents_stop_the_comparison_under_way(
    db_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _started(monkeypatch, stop_first=True)
    app = reader_app(compare_docs(*ALL), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await until(pilot, lambda: bool(started))
        first = app.reader
        await pilot.press("ctrl+w")  # closes the first pane: a new screen on two documents
        await until(pilot, lambda: app.reader is not first)
        reader = await compared(pilot)
        assert len(reader.documents) == 2 and reader.comparison is not None
        assert first.comparison is None and _gone(started[0])
    assert len(started) == 2 and _gone(started[1])


@pilot_test
async def test_a_child_that_dies_is_one_warning(
    db_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _started(monkeypatch, kill_first=True)
    app = reader_app(compare_docs(*ALL), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await until(pilot, lambda: reader.compare_note.startswith("The sources could not"))
        await pilot.pause()
        note = reader.compare_note
        assert note == ("The sources could not be compared: the comparing process was stopped "
                        "by SIGKILL (the system may have run out of memory)")
        assert "\n" not in note and "Traceback" not in note
        assert reader.status.message == note
        assert "comparison unavailable" in str(app.query_one("#status-progress").render())
        assert reader.comparison is None
        await pilot.press("equals_sign")  # the comparison's keys say there is none
        assert reader.status.message == note


_KILLED_READER = """
import random
from sidelight.annotations.documents import make_text_document
from sidelight.tui.reading import compare_process
start = compare_process._start
def told():
    child, send, receive = start()
    print(child.pid, flush=True)
    return child, send, receive
compare_process._start = told
words = "the council said on Tuesday that its report on water prices would be out".split()
rng = random.Random(1)
text = " ".join(" ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize()
                + f" {rng.randint(2, 999)} times." for _ in range(6000))
docs = [make_text_document(f"/t/{n}.txt", text) for n in range(2)]
compare_process.compare_in_child(docs, [[], []], lambda: False)
"""


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs (an orphan's zombie, waiting for init, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_child_ends_when_the_reader_is_killed() -> None:
    reader = subprocess.Popen([sys.executable, "-c", _KILLED_READER], stdout=subprocess.PIPE,
                              text=True)
    assert reader.stdout is not None
    child = int(reader.stdout.readline())
    time.sleep(1.0)  # the child reads the documents or compares them by now
    assert _running(child)
    reader.kill()
    reader.wait()
    deadline = time.monotonic() + 15
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child), "the comparing child outlived the reader"


def test_the_child_loads_no_textual() -> None:
    # The comparing process starts for each comparison: Textual would add to every start.
    code = ("import sys; from sidelight.tui.reading import compare_process; "
            "from sidelight.annotations.comparison import compare_documents; "
            "from sidelight.annotations.comparison.claims import claims; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_an_answer_is_read_as_it_comes_and_one_cut_short_is_no_answer() -> None:
    answer = ("ok", ["claim"] * 50_000, {"sources": 4})
    data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    for cut, expected in ((len(data), answer), (len(data) // 2, ())):
        r, w = os.pipe()
        # Written from a thread, larger than a pipe holds: read while it is written.
        writer = threading.Thread(target=lambda w=w, n=cut: (_write_all(w, data[:n]),
                                                             os.close(w)))
        writer.start()
        receive = Connection(r, writable=False)
        try:
            assert compare_process._wait_for_reply(receive, lambda: False) == expected
        finally:
            writer.join()
            receive.close()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
