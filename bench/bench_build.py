"""Benchmark: how fast `zhenggai build` makes a dataset of N varied notices, and how much
memory it takes. Prints one `key value` pair per line; asserts nothing.

usage: python bench/bench_build.py [--notices N] [--report]

The corpus is made by bench/synthetic.py from the seeds: problems subset and reordered, years
shifted, places drawn from the gazetteer, so every notice is parsed for real and has its own
id. The floor is reading and decoding the corpus's bytes, which no build can beat.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import seeds, write_corpus

ROOT = Path(__file__).resolve().parents[1]
ZHENGGAI = [sys.executable, "-m", "zhenggai"]


def _timed(command: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   cwd=cwd)
    return time.perf_counter() - start


def _floor(raw: Path) -> float:
    start = time.perf_counter()
    for path in sorted(raw.iterdir()):
        path.read_bytes().decode("utf-8")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--report", action="store_true", help="also time make report on it")
    parser.add_argument("--source", type=Path, default=ROOT / "data" / "raw",
                        help="the raw folder whose notices are varied (any format and "
                        "encoding; default data/raw)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "out" / "processed"
        write_corpus(raw, args.notices, source=args.source)
        floor = _floor(raw)
        build = [*ZHENGGAI, "build", "--raw", str(raw), "--out", str(out)]
        cold = _timed(build)
        nochange = _timed(build)
        extra = raw / "zz_added.txt"
        extra.write_text(seeds(args.source)[0].text + "\n附：新增一份通报。\n",
                         encoding="utf-8")
        add_one = _timed(build)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        figures = {
            "notices": args.notices,
            "floor_read_decode_s": f"{floor:.2f}",
            "build_cold_s": f"{cold:.2f}",
            "build_nochange_s": f"{nochange:.2f}",
            "build_add_one_s": f"{add_one:.2f}",
            "peak_rss_mib": f"{peak:.0f}",
            "notices_per_s": f"{args.notices / cold:.0f}",
            "cold_over_floor": f"{cold / max(floor, 1e-9):.0f}",
        }
        if args.report:
            figures["report_s"] = f"{_timed(['make', 'report', f'RAW={raw}'], cwd=ROOT):.1f}"
        for key, value in figures.items():
            print(f"{key} {value}")


if __name__ == "__main__":
    main()
