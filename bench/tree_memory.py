"""Run a command and measure its whole process tree: wall time and peak memory, sampled from
/proc every few hundredths of a second (the tree through psutil, each process's memory from
/proc/PID/smaps_rollup, which the kernel sums for it: reading the full smaps would cost the
sampler more CPU than the build it measures). The peak is the largest sum over the
tree at one moment, as PSS (shared pages split among the processes sharing them: what the
tree costs the machine) and as RSS (shared pages counted in every process: an upper bound).
A peak shorter than the sampling interval can be missed."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

INTERVAL_S = 0.05


@dataclass
class Run:
    seconds: float
    peak_pss_mib: float
    peak_rss_mib: float


def _memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in bytes, or (0, 0) once it has ended."""
    found = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("Pss", "Rss"):
                    found[key] = int(value.split()[0]) * 1024
    except (OSError, ValueError):
        return 0, 0
    return found.get("Pss", 0), found.get("Rss", 0)


def _tree_memory(root: psutil.Process) -> tuple[int, int]:
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    sums = [_memory(process.pid) for process in processes]
    return sum(p for p, _ in sums), sum(r for _, r in sums)


def measured(command: list[str], cwd: Path | None = None, env: dict | None = None) -> Run:
    """Run `command` to the end (it must succeed), sampling its tree's memory."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             cwd=cwd, env=env)
    root = psutil.Process(child.pid)
    peak_pss = peak_rss = 0
    while child.poll() is None:
        pss, rss = _tree_memory(root)
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(INTERVAL_S)
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, command)
    return Run(seconds, peak_pss / 2**20, peak_rss / 2**20)
