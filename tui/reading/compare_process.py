"""The reader's comparison, run in a child process of its own.

Comparing is seconds to minutes of pure-Python work; run in a thread of the reader it would
hold the interpreter lock the reader needs to answer keys (with four 1 MB sources, keys waited
tens of milliseconds, and seconds at times). A child process has its own interpreter: the
reader's thread only waits on a pipe.

One child per comparison, a fresh interpreter running ``child_main``: forking the reader
would copy its threads' locks in whatever state they are in, and multiprocessing's ``spawn``
runs the program's main script again in the child and lets the child write on the reader's
terminal before it could be stopped. The child starts only when a comparison is needed; when
it ends, the memory the comparison took (gigabytes for large sources) goes back to the
system. It is killed when the comparison is no longer wanted (other documents, the reader
quits), and ends by itself when the reader is gone (its request pipe closes).

The documents and entities go to the child pickled on its stdin, and the comparison comes back
pickled on its stdout, without the documents (the reader holds them already). The answer is
pickled into the pipe and read back from it as it comes, a frame at a time, never whole as
one string of bytes: for four 5 MB sources that string would be over 100 MB in each process,
beside the comparison it holds. Nothing here imports Textual: the child imports this module
and the core only.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sidelight.annotations.comparison import Comparison
    from sidelight.annotations.comparison.claims import Claim
    from sidelight.annotations.documents import Document

POLL_SECONDS = 0.1  # how often the waiting thread looks whether the comparison is still wanted


class ComparisonFailed(Exception):
    """The child could not compare the sources; the message says why, on one line."""


def compare_in_child(documents: Sequence[Document], entities: Sequence[Sequence[Any]] | None,
                     cancelled: Callable[[], bool]) -> tuple[Comparison, list[Claim]] | None:
    """``compare_documents(documents, entities)`` and its claims (the Compare panel's list),
    computed in a child process; None once ``cancelled()`` holds (the child is killed then).
    Raises ``ComparisonFailed``."""
    documents = tuple(documents)
    request = (documents, None if entities is None else [list(found) for found in entities])
    child, send, receive = _start()
    # Sent from a thread of its own: a large request fills the pipe until the child, still
    # starting, reads it, and meanwhile a cancellation must still be noticed.
    failed: list[str] = []
    sender = threading.Thread(target=_send, args=(send, request, failed), daemon=True,
                              name="sidelight-compare-send")
    try:
        sender.start()
        reply = _wait_for_reply(receive, cancelled)
    finally:
        if child.poll() is None:
            child.kill()  # a write still under way then fails: its thread ends
        child.wait()
        sender.join()
        if not send.closed:
            send.close()
        receive.close()
    if reply is None:
        return None
    if not reply:
        raise ComparisonFailed(failed[0] if failed else _ended(child.returncode))
    if reply[0] != "ok":
        raise ComparisonFailed(reply[1])
    _ok, comparison, found = reply
    return replace(comparison, documents=documents), found


# The child's Python path is this process's, whatever the directory it was started in
# holds: ``-m`` or ``-c`` alone would put that directory first, and a checkout of sidelight
# there would be compared with instead of this one.
_LAUNCH = ("import sys; sys.path[:] = sys.argv[1:]; "
           "from sidelight.tui.reading.compare_process import child_main; child_main()")


def _start() -> tuple[subprocess.Popen[bytes], Connection, Connection]:
    """The child, and the two ends of its pipes this process keeps: requests, replies."""
    request_r, request_w = os.pipe()
    reply_r, reply_w = os.pipe()
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, *sys.path], stdin=request_r, stdout=reply_w,
            stderr=subprocess.DEVNULL, close_fds=True)
    except OSError as error:
        for fd in (request_w, reply_r):
            os.close(fd)
        raise ComparisonFailed(f"the comparing process could not be started: {error}") from None
    finally:
        os.close(request_r)
        os.close(reply_w)
    return child, Connection(request_w, readable=False), Connection(reply_r, writable=False)


def _send(send: Connection, request: object, failed: list[str]) -> None:
    try:
        send.send(request)
    except OSError:
        pass  # the child ended before reading it: its end says why
    except Exception as error:  # nothing was written: the child, told nothing, ends
        failed.append(f"the sources could not be sent to the comparing process: {error}")
        send.close()


def _wait_for_reply(receive: Connection,
                    cancelled: Callable[[], bool]) -> tuple[Any, ...] | None:
    """The child's reply; ``()`` when it ended without one; None once cancelled."""
    while not cancelled():
        if not wait([receive], timeout=POLL_SECONDS):
            continue
        # Read as it is written (see the module's docstring); the reads let go of the
        # interpreter, so keys are answered between frames.
        with open(receive.fileno(), "rb", buffering=_FRAME, closefd=False) as stream:
            try:
                reply: tuple[Any, ...] = pickle.load(stream)
                return reply
            except (EOFError, OSError, ValueError, pickle.UnpicklingError):
                return ()  # the child ended before its answer was whole
    return None


_FRAME = 1 << 16  # bytes of the answer buffered at a time, each way


def _ended(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        why = " (the system may have run out of memory)" if -code == signal.SIGKILL else ""
        return f"the comparing process was stopped by {name}{why}"
    return f"the comparing process ended without an answer (exit status {code})"


def child_main() -> None:
    """The child: read the documents and entities, compare, send the comparison back."""
    receive = Connection(os.dup(0), writable=False)
    send = os.fdopen(os.dup(1), "wb", buffering=_FRAME)
    # stdout carries the reply alone; nothing else of the child goes anywhere.
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 1)
    # ctrl+c and friends are the reader's to handle; the child goes when the reader does.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        documents, entities = receive.recv()
    except (EOFError, OSError):
        return
    threading.Thread(target=_exit_with_reader, args=(receive,), daemon=True).start()
    try:
        from sidelight.annotations.comparison import compare_documents
        from sidelight.annotations.comparison.claims import claims

        comparison = compare_documents(documents, entities)
        # The claims too: with thousands of passages they take the reader's process a while.
        reply: tuple[Any, ...] = ("ok", replace(comparison, documents=()), claims(comparison))
    except MemoryError:
        reply = ("error", "not enough memory to compare these sources")
    except Exception as error:  # every failure is told to the reader, as one message
        reply = ("error", str(error) or type(error).__name__)
    try:
        pickle.dump(reply, send, protocol=pickle.HIGHEST_PROTOCOL)
        send.flush()
    except OSError:
        return  # the reader no longer waits
    except Exception:
        # Part of the answer may be in the pipe already: the reader, reading it, finds it
        # cut short and says the comparing process ended without an answer.
        os._exit(1)


def _exit_with_reader(receive: Connection) -> None:
    """End this process once the reader closes its end (killed, crashed, or done waiting),
    whatever the comparison is doing."""
    try:
        receive.poll(None)
    finally:
        os._exit(1)
