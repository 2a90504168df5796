"""Hypothesis profiles: a quick one on a developer's machine, 1,000 examples a test in CI."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=150)
settings.register_profile("ci", max_examples=1000)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# --- the seeds, frozen: tests read this copy, never data/raw (a researcher's own corpus) ---
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def seeds_processed(tmp_path_factory) -> Path:
    """The tables of the frozen seeds, built once for the session."""
    from zhenggai.dataset.builder import build

    out = tmp_path_factory.mktemp("seeds") / "processed"
    build(SEEDS, out, use_cache=False)
    return out


# --- no process outlives the tests: every build, pool worker and kernel a test starts ends ---
OURS = (b"zhenggai", b"pytest", b"ipykernel", b"multiprocessing")


def _processes() -> dict[int, bytes]:
    """PID → command line of every process this user can see (empty without /proc)."""
    found = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            found[int(entry.name)] = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state == "Z":  # a zombie has ended; its parent has yet to reap it
            del found[int(entry.name)]
    return found


@pytest.fixture(scope="session", autouse=True)
def no_process_left_behind():
    """Fail the session when a process a test started (a build, its workers, a kernel) is
    still running a few seconds after the last test."""
    import time

    before = set(_processes())
    yield
    deadline = time.monotonic() + 5
    while True:
        left = {pid: cmd for pid, cmd in _processes().items()
                if pid not in before and pid != os.getpid() and any(w in cmd for w in OURS)}
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    named = [f"{pid} {cmd.replace(bytes(1), b' ').decode(errors='replace')[:120]}"
             for pid, cmd in left.items()]
    assert not left, "processes outlived the tests: " + "; ".join(named)
