"""Benchmark: how fast `zhenggai build` parses notices, and how much memory it takes.

Prints figures; asserts nothing. The corpus is the raw folder copied N times (each copy made
distinct so notice ids differ), which approximates a researcher's folder of a few hundred
notices.
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from zhenggai import dataset

ROOT = Path(__file__).resolve().parents[1]
COPIES = int(sys.argv[1]) if len(sys.argv) > 1 else 40


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        sources = [p for p in (ROOT / "data" / "raw").iterdir() if p.suffix == ".txt"]
        for k in range(COPIES):
            for path in sources:
                text = path.read_text(encoding="utf-8") + f"\n（副本 {k}）\n"
                (raw / f"{path.stem}_{k:03d}.txt").write_text(text, encoding="utf-8")
        n_files = len(sources) * COPIES
        start = time.perf_counter()
        parsed = dataset.parse_folder(raw)
        parse_seconds = time.perf_counter() - start
        start = time.perf_counter()
        frames = dataset.tables(parsed)
        dataset.write_tables(frames, Path(tmp) / "out")
        write_seconds = time.perf_counter() - start
        shutil.rmtree(raw)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files parsed        {n_files}")
    print(f"parse               {parse_seconds:.2f} s ({n_files / parse_seconds:.1f} files/s)")
    print(f"tables + write      {write_seconds:.2f} s")
    print(f"problems            {len(frames['problems'])}")
    print(f"peak memory (RSS)   {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
