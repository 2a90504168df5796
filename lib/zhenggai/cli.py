"""The `zhenggai` command: `build` a dataset from a raw folder, `parse` one file to inspect it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zhenggai import dataset
from zhenggai.text.dates import iso


def _build(args: argparse.Namespace) -> int:
    raw, out = Path(args.raw), Path(args.out)
    if not raw.is_dir():
        print(f"zhenggai: raw folder '{raw}' does not exist", file=sys.stderr)
        return 2
    frames = dataset.build(raw, out)
    print(f"{dataset.summary(frames)} → {out}")
    log = frames["ingest_log"]
    for row in log[log["status"] == "rejected"].itertuples():
        print(f"  rejected {row.source_file}: {row.message}")
    if args.strict:
        n_bad = int(log["status"].isin(["rejected", "warning"]).sum())
        if n_bad:
            print(f"--strict: {n_bad} file(s) rejected or with warnings", file=sys.stderr)
            return 1
    return 0


def _parse(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"zhenggai: no file '{path}'", file=sys.stderr)
        return 2
    item = dataset.parse_file(path)
    print(f"{item.source_file}: {item.status}"
          + (f" ({item.encoding}, {item.file_format})" if item.encoding else ""))
    notice = item.notice
    if notice is None:
        print(f"  {item.message}")
        return 1
    place, inspection = notice.place, notice.inspection
    print(f"  title     {notice.title}")
    print(f"  issuer    {notice.issuer}   unit {notice.unit}")
    print(f"  place     {place.admin_level or '?'}: "
          + " ".join(v for v in (place.province, place.city, place.county) if v)
          + (f" ({place.adcode})" if place.adcode else ""))
    print(f"  inspection {inspection.inspection_kind} by "
          f"{inspection.team or inspection.inspecting_body or '?'}"
          + (f", round {inspection.round}" if inspection.round else "")
          + (f", mode {inspection.inspection_mode}" if inspection.inspection_mode else ""))
    print("  dates")
    for d in notice.dates:
        flag = " (year inferred)" if d.year_inferred else ""
        note = f" [{d.note}]" if d.note else ""
        print(f"    {d.event:<17}{iso(d.date) or '?':<11}{flag}{note}"
              f"  ← line {d.line}: {d.evidence}")
    print(f"  problems  {len(notice.problems)} extracted"
          + (f", {notice.declared.problems} declared" if notice.declared.problems else ""))
    for p in notice.problems:
        status = f" [{p.status}]" if p.status else ""
        section = f" {{{p.section}}}" if p.section else ""
        print(f"    {p.seq:>3}. ({p.number_as_printed}){section}{status} "
              f"{len(p.measures)} measure(s): {p.problem[:60]}")
    for w in notice.warnings:
        print(f"  warning   {w}")
    for n in notice.cleaning_notes:
        print(f"  cleaned   {n}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from zhenggai.report.pages import build_report

    data = Path(args.data)
    if not (data / "notices.csv").exists():
        print(f"zhenggai: no notices.csv in '{data}': run `zhenggai build` first", file=sys.stderr)
        return 2
    if args.index_only:
        from zhenggai.report.pages import notebooks_in, write_index

        index = write_index(notebooks_in(Path(args.notebooks_dir)), Path(args.out), data)
        print(f"index → {index}")
        return 0
    only = [Path(p) for p in args.notebooks] or None
    executed = build_report(Path(args.notebooks_dir), Path(args.out), data, only)
    for name in executed:
        print(f"executed {name} → {Path(args.out) / (name + '.html')}")
    print(f"index → {Path(args.out) / 'index.html'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhenggai", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the dataset from a folder of notices")
    build.add_argument("--raw", required=True, help="folder of raw notices")
    build.add_argument("--out", required=True, help="folder for the tables")
    build.add_argument("--strict", action="store_true",
                       help="exit non-zero if any file is rejected or has warnings")
    build.set_defaults(run=_build)
    parse = commands.add_parser("parse", help="show what is extracted from one file")
    parse.add_argument("file")
    parse.set_defaults(run=_parse)
    report = commands.add_parser("report", help="execute notebooks and write the HTML report")
    report.add_argument("--data", default="data/processed", help="processed-data folder")
    report.add_argument("--out", default="reports", help="folder for the HTML pages")
    report.add_argument("--notebooks-dir", default="notebooks", help="folder of notebooks")
    report.add_argument("notebooks", nargs="*", help="notebooks to execute (default: all)")
    report.add_argument("--index-only", action="store_true",
                        help="only rewrite index.html from the notebooks' questions")
    report.set_defaults(run=_report)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
