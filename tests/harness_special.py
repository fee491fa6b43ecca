"""Special files where sidelight expects a document, a store, an export target or its settings.

Each case makes one kind of file (a FIFO, a character device, a socket, symlinks to a regular
file, to a FIFO and to nowhere) and hands it to one use; the outcome must be the expected one
(refused with a one-line message naming the kind, or the symlink followed to its regular
target), within ``LIMIT`` seconds, and the special file must be as it was (a FIFO is still a
FIFO, ``/dev/null`` still a device).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import socket
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sidelight.annotations.documents import load_document
from sidelight.annotations.errors import SidelightError
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.cli import main as cli_main
from sidelight.tui.settings import load_settings

LIMIT = 1.0
# Without a time limit (the unit test, on a loaded machine) a case still fails when it hangs:
# a FIFO opened for reading waits for ever, so any long wait means one.
HANG = 30.0
TEXT = "Alice went to Paris. Bob stayed in Rome.\n"


@dataclass
class SpecialOutcome:
    case: str
    ok: bool
    seconds: float
    detail: str


@dataclass
class SpecialResult:
    outcomes: list[SpecialOutcome] = field(default_factory=list)

    @property
    def trials(self) -> int:
        return len(self.outcomes)

    @property
    def failures(self) -> int:
        return sum(not o.ok for o in self.outcomes)

    @property
    def slowest(self) -> float:
        return max((o.seconds for o in self.outcomes), default=0.0)


class _Hung(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise _Hung()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _kinds(root: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, what a refusal must say; '' when it must be followed)."""
    regular = root / "regular.txt"
    regular.write_text(TEXT, encoding="utf-8")
    fifo = root / "fifo"
    os.mkfifo(fifo)
    sock = root / "socket"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    _SOCKETS.append(server)
    to_regular = root / "link-to-regular.txt"
    to_regular.symlink_to(regular)
    to_fifo = root / "link-to-fifo"
    to_fifo.symlink_to(fifo)
    kinds = {
        "FIFO": (fifo, "named pipe"),
        "socket": (sock, "socket"),
        "/dev/null": (Path("/dev/null"), "character device"),
        "/dev/zero": (Path("/dev/zero"), "character device"),
        "/dev/urandom": (Path("/dev/urandom"), "character device"),
        "symlink to a FIFO": (to_fifo, "named pipe"),
        "symlink to a regular file": (to_regular, ""),
    }
    block = next((p for p in (Path("/dev/loop0"), Path("/dev/sda"), Path("/dev/vda"))
                  if p.exists() and stat.S_ISBLK(os.stat(p).st_mode)), None)
    if block is not None:
        kinds["block device"] = (block, "block device")
    return kinds


_SOCKETS: list[socket.socket] = []


def _identity(path: Path) -> tuple[int, int, int]:
    st = os.lstat(path)
    return (st.st_mode, st.st_ino, st.st_rdev)


def _as_document(path: Path, root: Path) -> str:
    try:
        doc = load_document(path)
    except SidelightError as err:
        return str(err)
    return "" if doc.text == TEXT else f"read {len(doc.text)} characters, not the document"


def _as_store(path: Path, root: Path) -> str:
    try:
        store = AnnotationStore(path)
        before = len(store)
        store.add(new_highlight(quote_target(str(root / "doc.txt"), "f" * 64, TEXT, 21, 24)))
    except SidelightError as err:
        return str(err)
    if len(AnnotationStore(path.resolve())) != before + 1:
        return "the change did not reach the link's target"
    return ""


def _as_settings(path: Path, root: Path) -> str:
    settings = load_settings(path)
    if settings.problem:
        return settings.problem
    return "" if settings.theme == "nord" else "the settings behind the link were not read"


def _as_export_target(path: Path, root: Path) -> str:
    db = root / "export-db.json"
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli_main(["export", "-o", str(path), "--force", "--db", str(db)])
    return "" if code == 0 else err.getvalue().strip()


USES: dict[str, Callable[[Path, Path], str]] = {
    "document": _as_document,
    "store (--db)": _as_store,
    "settings": _as_settings,
    "export -o --force": _as_export_target,
}


def _prepare(root: Path) -> None:
    """A store with one annotation to export, and settings to reach through a link."""
    doc = root / "doc.txt"
    doc.write_text(TEXT, encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        cli_main(["annotate", str(doc), "--quote", "Bob", "--db", str(root / "export-db.json")])
    (root / "settings-target.json").write_text('{"theme": "nord"}', encoding="utf-8")
    (root / "link-to-settings.json").symlink_to(root / "settings-target.json")


def special_files(limit: float | None = LIMIT) -> SpecialResult:
    result = SpecialResult()
    root = Path(tempfile.mkdtemp(prefix="sidelight-special-"))
    try:
        kinds = _kinds(root)
        _prepare(root)
        for use, run in USES.items():
            for kind, (path, refusal) in kinds.items():
                if use == "store (--db)" and kind == "symlink to a regular file":
                    # A store reached through a link is its target, a store file.
                    target = root / "store-target.json"
                    path = root / "link-to-store.json"
                    path.symlink_to(target)
                    AnnotationStore(target).add(new_highlight(
                        quote_target(str(root / "doc.txt"), "f" * 64, TEXT, 0, 5)))
                if use == "settings" and kind == "symlink to a regular file":
                    path = root / "link-to-settings.json"
                if use == "export -o --force" and kind == "/dev/null" and os.geteuid() == 0:
                    # Never risk the real /dev/null: a device node of our own stands in.
                    path = root / "null"
                    if not path.exists():
                        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
                before = _identity(path)
                target_before = _identity(path.resolve())
                started = time.monotonic()
                try:
                    with _deadline(5 * limit if limit else HANG):
                        said = run(path, root)
                except _Hung:
                    said = "hung"
                seconds = time.monotonic() - started
                ok = (refusal in said and "\n" not in said) if refusal else said == ""
                if refusal:
                    ok = ok and _identity(path) == before and \
                        _identity(path.resolve()) == target_before
                else:
                    ok = ok and os.path.islink(path)  # followed: the link is still a link
                ok = ok and (limit is None or seconds <= limit)
                result.outcomes.append(SpecialOutcome(f"{kind} as {use}", ok, seconds,
                                                      said[:200]))
    finally:
        for s in _SOCKETS:
            s.close()
        _SOCKETS.clear()
        shutil.rmtree(root, ignore_errors=True)
    return result
