"""What each `zhenggai` command does; cli.py parses the arguments and handles errors."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from zhenggai import dataset
from zhenggai.dataset import cache
from zhenggai.dataset.assemble import assemble
from zhenggai.dataset.describe import summary as summary_of
from zhenggai.dataset.folders import FolderError, check_folders, notices_in
from zhenggai.dataset.ingest import Limits
from zhenggai.dataset.lock import BuildLock, BuildLocked
from zhenggai.dataset.write import recover, write_tables
from zhenggai.text.dates import iso

EXIT_STRICT, EXIT_USAGE = 1, 2
PROGRESS_MIN_FILES = 50  # fewer files are read too fast for a progress bar to help


def _error(message: str) -> int:
    print(f"zhenggai: {message}", file=sys.stderr)
    return EXIT_USAGE


def _progress(n_files: int) -> tuple[Callable[[], None], Callable[[], None]]:
    """(advance, finish) of a progress bar on stderr, when it is a terminal."""
    if n_files < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return (lambda: None), (lambda: None)
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task("parsing", total=n_files)
    bar.start()
    return (lambda: bar.advance(task)), bar.stop


MAX_REPORTED = 20  # files named one by one on stderr; past this, a count


def _report_files(log) -> None:
    """Rejected, skipped and warned files on stderr: the first MAX_REPORTED, then a count."""
    lines = []
    for name, status, message in zip(*(log[c].to_pylist() for c in
                                       ("source_file", "status", "message")), strict=True):
        if status in ("rejected", "skipped", "warning") and name != dataset.MANIFEST:
            lines.append(f"  {status} {name}: {message}")
    for line in lines[:MAX_REPORTED]:
        print(line, file=sys.stderr)
    if len(lines) > MAX_REPORTED:
        print(f"  … and {len(lines) - MAX_REPORTED} more files rejected, skipped or with "
              "warnings: see ingest_log.csv", file=sys.stderr)


def build_command(args: argparse.Namespace) -> int:
    raw, out = Path(args.raw), Path(args.out)
    try:
        check_folders(raw, out)
    except FolderError as exc:
        return _error(str(exc))
    limits = Limits(int(args.max_file_mb * 1024 * 1024), args.time_limit)
    try:
        with BuildLock(out):
            return _locked_build(args, raw, out, limits)
    except BuildLocked as exc:
        return _error(str(exc))
    except OSError as exc:  # the lock's folder cannot be made: nothing can be written there
        return _error(f"cannot write beside '{out}': {exc.strerror or exc}; nothing was "
                      "replaced")


def _locked_build(args: argparse.Namespace, raw: Path, out: Path, limits: Limits) -> int:
    """A build holding the lock on its output folder."""
    recover(out)  # what an interrupted build left, even when nothing is to be built
    folder = None if args.no_cache else cache.default_folder(out)
    if folder and (note := cache.check(folder, out)):
        print(f"zhenggai: {note}", file=sys.stderr)
    signature = cache.folder_signature(raw, limits) if folder else ""
    summary = cache.unchanged(folder, out, signature) if folder else None
    if summary and not args.strict:
        print(f"nothing changed since the last build: {summary} -> {out}")
        return 0
    last = cache.load(folder, out, limits) if folder else None
    advance, finish = _progress(len(os.listdir(raw)))
    try:
        result = assemble(raw, limits, last, advance)
    finally:
        finish()
    tables = result.tables
    if tables["notices"].num_rows == 0 and not args.force and (held := notices_in(out)):
        return _error(f"no notice was parsed from '{raw}'; refusing to replace the dataset in "
                      f"'{out}', which holds {held} notices (check --raw, or pass --force)")
    try:
        warnings = write_tables(tables, out)
    except OSError as exc:
        return _error(f"cannot write to '{out}': {exc.strerror or exc}; nothing was replaced")
    line = summary_of(tables)
    kept = f"; {result.n_reused} entries reused from the last build" \
        if result.n_reused else ""
    print(f"{line}{kept} -> {out}")
    if folder:
        cache.remember(folder, out, signature, line, tables, result.reusable, limits)
    log = tables["ingest_log"]
    _report_files(log)
    for warning in warnings:
        print(f"  {warning}", file=sys.stderr)
    statuses = log["status"].to_pylist()
    n_bad = sum(s in ("rejected", "warning") for s in statuses)
    if args.strict and n_bad:
        print(f"--strict: {n_bad} file(s) rejected or with warnings", file=sys.stderr)
        return EXIT_STRICT
    return 0


def parse_command(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        return _error(f"no file '{path}'")
    item = dataset.parse_file(path)
    print(f"{item.source_file}: {item.status}"
          + (f" ({item.encoding}, {item.file_format})" if item.encoding else ""))
    print(f"  evidence  {item.evidence}")
    notice = item.notice
    if notice is None:
        print(f"  {item.message}", file=sys.stderr)
        return EXIT_STRICT
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
              f"  <- line {d.line}: {d.evidence}")
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


def report_command(args: argparse.Namespace) -> int:
    from zhenggai.report.audit import write_audit_pages
    from zhenggai.report.pages import build_report, notebooks_in, write_index

    data = Path(args.data)
    if not (data / "notices.csv").exists():
        return _error(f"no notices.csv in '{data}': run `zhenggai build` first")
    raw = Path(args.raw) if args.raw else None
    if raw is not None and not raw.is_dir():
        return _error(f"raw folder '{raw}' does not exist")
    if args.index_only:
        if raw is not None:
            pages = write_audit_pages(raw, data, Path(args.out))
            print(f"{len(pages)} audit pages -> {Path(args.out) / 'notices'}")
        index = write_index(notebooks_in(Path(args.notebooks_dir)), Path(args.out), data)
        print(f"index -> {index}")
        return 0
    only = [Path(p) for p in args.notebooks] or None
    from nbclient.exceptions import CellExecutionError

    try:
        executed = build_report(Path(args.notebooks_dir), Path(args.out), data, only, raw)
    except CellExecutionError as exc:  # say what stopped the page, not the cell's code
        reason = f"{exc.ename}: {exc.evalue}" if getattr(exc, "ename", "") else \
            str(exc).strip().splitlines()[-1]
        return _error(f"the report stopped: {reason}")
    for name in executed:
        print(f"executed {name} -> {Path(args.out) / (name + '.html')}")
    if only is None:  # one page at a time (make report): the index is written once, after
        print(f"index -> {Path(args.out) / 'index.html'}")
    return 0


def sheet_command(args: argparse.Namespace) -> int:
    from zhenggai.analysis.validation import coding_sheet
    from zhenggai.dataset.load import load_tables

    data = Path(args.data)
    if not (data / "problems.csv").exists():
        return _error(f"no problems.csv in '{data}': run `zhenggai build` first")
    frames = load_tables(data)
    path = coding_sheet(frames["problems"], frames["notices"], Path(args.out))
    print(f"coding sheet for {len(frames['problems'])} problems -> {path}")
    return 0


def agreement_command(args: argparse.Namespace) -> int:
    from zhenggai.analysis import validation
    from zhenggai.dataset.load import load_tables

    if len(args.codes) < (1 if args.auto else 2):
        return _error("give two coders' files or more (or one file with --auto)")
    missing = [c for c in args.codes if not Path(c).is_file()]
    if missing:
        return _error(f"no file '{missing[0]}'")
    try:
        coded = {path: validation.read_codes(path) for path in args.codes}
        auto = validation.auto_codes(load_tables(Path(args.data))["problems"]) \
            if args.auto else None
    except validation.CodesError as exc:
        return _error(f"cannot score the codes: {exc}")
    except (KeyError, ValueError, OSError) as exc:
        return _error(f"cannot read the codes: {exc} (columns needed: notice_id, problem_seq, "
                      "and categories or one column per category)")
    names = {path: ", ".join(validation.coders(path)) for path in args.codes}
    print(f"{len(args.codes)} file(s) of hand codes: "
          + "; ".join(f"{path} (coded by {names[path]})" for path in args.codes))
    paths = list(args.codes)
    for i, first in enumerate(paths):  # humans against humans first
        for second in paths[i + 1:]:
            table = validation.agreement(coded[first], coded[second])
            print(f"\nhuman against human: B = {second} against A = {first}, on "
                  f"{int(table['n_problems'].iloc[0])} problems coded by both")
            print(table.round(3).to_string())
    for path in paths if auto is not None else []:
        table = validation.agreement(coded[path], auto)
        print(f"\nthe keyword codebook against A = {path}, on "
              f"{int(table['n_problems'].iloc[0])} problems")
        print(table.round(3).to_string())
    return 0
