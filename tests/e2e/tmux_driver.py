"""Drive the installed ``sidelight`` in a real terminal: a tmux server on a private socket.

Each test gets its own server (``tmux -L sidelight-test-<random>``, no user config) with one
shell pane; keys are sent with ``send-keys`` and the screen read with ``capture-pane``.
Waits poll the screen with a timeout instead of sleeping fixed times.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

SIDELIGHT = Path(sys.executable).with_name("sidelight")
# How long a wait may take before the test fails. A wait ends as soon as the screen shows what
# it waits for, so only a failing test waits this long; the reader starting, or the CLI
# beside it, takes several times longer on a machine at load 25 than on a quiet one.
WAIT_SECONDS = 60.0


def available() -> str:
    """Why the end-to-end tests cannot run here, or '' when they can."""
    if shutil.which("tmux") is None:
        return "tmux is not installed"
    if not SIDELIGHT.exists():
        return f"the sidelight script is not installed next to {sys.executable}"
    return ""


class Tmux:
    def __init__(self, cwd: Path, env: dict[str, str], width: int = 160, height: int = 50):
        self.socket = f"sidelight-test-{uuid.uuid4().hex[:10]}"
        self.cwd = cwd
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in sorted(env.items()))
        # A plain shell with a fixed prompt; the environment is given on its command line so
        # that nothing from the tmux server's own environment decides the test.
        self._tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", str(width),
            "-y", str(height), "-c", str(cwd),
            f"env -i HOME={shlex.quote(str(cwd))} PATH={shlex.quote(_path())} {exports} "
            "PS1='$ ' sh",
        )
        self._tmux("set-option", "-g", "status", "off")

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        if done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def option(self, *args: str) -> None:
        self._tmux(*args)

    def keys(self, *keys: str) -> None:
        """Named keys (Enter, Escape, C-s, …) or single characters."""
        self._tmux("send-keys", "-t", "main", *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "main", "-l", text)

    def run(self, command: str) -> None:
        """Type a shell command in the pane and press enter."""
        self.type(command)
        self.keys("Enter")

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "main")

    def styled(self) -> str:
        """The screen with its colours and attributes as escape sequences."""
        return self._tmux("capture-pane", "-e", "-p", "-t", "main")

    def display(self, fmt: str) -> str:
        return self._tmux("display-message", "-p", "-t", "main", fmt).strip()

    def buffers(self) -> str:
        return self._tmux("list-buffers")

    def wait_for(self, wanted: str | Callable[[str], bool], timeout: float = WAIT_SECONDS) -> str:
        """Poll the screen until it shows ``wanted`` (or the predicate holds); return it."""
        check = wanted if callable(wanted) else (lambda screen: wanted in screen)
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {wanted!r}; the screen shows:\n{screen}")

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True,
                       timeout=10)


def _path() -> str:
    import os

    return os.pathsep.join([str(SIDELIGHT.parent), os.environ.get("PATH", "/usr/bin:/bin")])
