"""Run a command and measure its whole process tree: wall time and peak memory, sampled from
/proc (through psutil) every few hundredths of a second. The peak is the largest sum over the
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


def _tree_memory(root: psutil.Process) -> tuple[int, int]:
    pss = rss = 0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for process in processes:
        try:
            info = process.memory_full_info()
        except psutil.Error:  # ended between the listing and the reading
            continue
        pss += getattr(info, "pss", info.rss)
        rss += info.rss
    return pss, rss


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
