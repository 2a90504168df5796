"""One build at a time into an output folder, and workers that die with their build.

A build holds an exclusive lock (flock) on a file of the parse cache's folder beside its
output folder (data/.zhenggai-cache/processed.lock), in which it writes its PID and start
time; a second build into the same folder is refused with a
sentence naming the first. The system releases the lock when the holder dies, however it
dies, so a stale lock is simply taken over.

Pool workers ask the kernel to kill them when their parent dies (Linux's
PR_SET_PDEATHSIG), so a build killed by a scheduler, the OOM killer or a closed kernel leaves
no worker behind; where that call does not exist, a watchdog thread in each worker exits as
soon as the parent is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import signal
import threading
import time
from pathlib import Path

from zhenggai.dataset.cache import CACHE_FOLDER

_PR_SET_PDEATHSIG = 1
LOCK_FOLDER = CACHE_FOLDER  # the parse cache's folder beside the output
WATCHDOG_SECONDS = 0.5


class BuildLocked(Exception):
    """Another build holds the output folder."""


class BuildLock:
    """The lock on an output folder, held while a build writes into it."""

    def __init__(self, out_dir: Path) -> None:
        out_dir = Path(out_dir).absolute()
        self.out_dir = out_dir
        self.path = out_dir.parent / LOCK_FOLDER / f"{out_dir.name}.lock"
        self.fd: int | None = None

    def __enter__(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise BuildLocked(f"another build is writing into '{self.out_dir}' "
                              f"({holder or 'its PID unknown'}); wait for it to finish, or "
                              "stop it") from None
        os.ftruncate(fd, 0)
        started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        os.pwrite(fd, f"PID {os.getpid()}, started {started}".encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def die_with_parent() -> None:
    """A pool worker's initializer: end this process when the one that started it ends."""
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held while it started
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(WATCHDOG_SECONDS)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
