"""Benchmark: how fast `zhenggai build` makes a dataset of N varied notices, how much memory
its whole process tree takes, and how much disk its output and cache take. Prints one
`key value` pair per line; asserts nothing, except with --scaling.

usage: python bench/bench_build.py [--notices N] [--report] [--source RAW]
       python bench/bench_build.py --scaling      (tree peak at 5,000 and 20,000 notices)

The corpus is made by bench/synthetic.py from the seeds: problems subset and reordered, years
shifted, places drawn from the gazetteer, so every notice is parsed for real and has its own
id. The floor is reading and decoding the corpus's bytes, which no build can beat. Memory is
the peak over the build's process tree (the build and its workers), sampled from /proc
(bench/tree_memory.py): PSS, shared pages split among the processes sharing them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import seeds, write_corpus
from tree_memory import measured

ROOT = Path(__file__).resolve().parents[1]
ZHENGGAI = [sys.executable, "-m", "zhenggai"]
SCALING = (5_000, 20_000)
MAX_GROWTH = 1.25  # the tree's peak at 20,000 notices over its peak at 5,000, at most


def _floor(raw: Path) -> float:
    start = time.perf_counter()
    for path in sorted(raw.iterdir()):
        path.read_bytes().decode("utf-8")
    return time.perf_counter() - start


def _megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def build_figures(raw: Path, out: Path, n: int, source: Path) -> dict[str, str]:
    build = [*ZHENGGAI, "build", "--raw", str(raw), "--out", str(out)]
    floor = _floor(raw)
    cold = measured(build)
    nochange = measured(build)
    extra = raw / "zz_added.txt"
    extra.write_text(seeds(source)[0].text + "\n附：新增一份通报。\n", encoding="utf-8")
    add_one = measured(build)
    output = _megabytes(out)
    cache = _megabytes(out.parent / ".zhenggai-cache")
    return {
        "notices": str(n),
        "floor_read_decode_s": f"{floor:.2f}",
        "build_cold_s": f"{cold.seconds:.2f}",
        "build_nochange_s": f"{nochange.seconds:.2f}",
        "build_add_one_s": f"{add_one.seconds:.2f}",
        "tree_peak_pss_mib": f"{max(r.peak_pss_mib for r in (cold, nochange, add_one)):.0f}",
        "tree_peak_rss_mib": f"{max(r.peak_rss_mib for r in (cold, nochange, add_one)):.0f}",
        "cold_tree_peak_pss_mib": f"{cold.peak_pss_mib:.0f}",
        "output_mb": f"{output:.1f}",
        "cache_mb": f"{cache:.2f}",
        "cache_plus_output_over_output": f"{(cache + output) / output:.3f}",
        "notices_per_s": f"{n / cold.seconds:.0f}",
        "cold_over_floor": f"{cold.seconds / max(floor, 1e-9):.0f}",
    }


def report_figures(raw: Path, out: Path, tmp: Path) -> dict[str, str]:
    reports = tmp / "reports"
    env = {**os.environ, "ZHENGGAI_DATA": str(out)}
    run = measured([*ZHENGGAI, "report", "--data", str(out), "--raw", str(raw),
                    "--out", str(reports)], cwd=ROOT, env=env)
    return {"report_s": f"{run.seconds:.1f}", "report_tree_peak_pss_mib":
            f"{run.peak_pss_mib:.0f}", "report_folder_mb": f"{_megabytes(reports):.1f}",
            "report_audit_pages": str(len(list((reports / "notices").glob("*.html"))) - 1)}


def scaling(source: Path) -> int:
    """The cold build's tree peak at 5,000 and 20,000 notices; 1 when it grew too much."""
    peaks = []
    for n in SCALING:
        with tempfile.TemporaryDirectory() as tmp:
            raw, out = Path(tmp) / "raw", Path(tmp) / "out" / "processed"
            write_corpus(raw, n, source=source)
            run = measured([*ZHENGGAI, "build", "--raw", str(raw), "--out", str(out)])
            peaks.append(run.peak_pss_mib)
            print(f"tree_peak_pss_mib_{n} {run.peak_pss_mib:.0f}")
    growth = peaks[1] / peaks[0]
    print(f"growth {growth:.3f} (at most {MAX_GROWTH})")
    return 0 if growth <= MAX_GROWTH else 1


def _compiled() -> None:
    """The library's bytecode written once, as an installed package has it (where
    PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile it again)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lib")],
                   check=False, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=10_000, help="up to 100,000 or more")
    parser.add_argument("--report", action="store_true",
                        help="also time `zhenggai report` (notebooks and audit pages) on it")
    parser.add_argument("--scaling", action="store_true",
                        help="check that the tree's peak does not grow with the corpus")
    parser.add_argument("--source", type=Path, default=ROOT / "data" / "raw",
                        help="the raw folder whose notices are varied (any format and "
                        "encoding; default data/raw)")
    args = parser.parse_args()
    _compiled()
    if args.scaling:
        return scaling(args.source)
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "out" / "processed"
        write_corpus(raw, args.notices, source=args.source)
        figures = build_figures(raw, out, args.notices, args.source)
        if args.report:
            figures.update(report_figures(raw, out, Path(tmp)))
        for key, value in figures.items():
            print(f"{key} {value}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
