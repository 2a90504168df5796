"""What each `zhenggai` command does; cli.py parses the arguments and handles errors."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from zhenggai import dataset
from zhenggai.dataset.builder import Built, NothingParsed, build_locked
from zhenggai.dataset.folders import FolderError, check_folders
from zhenggai.dataset.ingest import Limits
from zhenggai.dataset.lock import BuildLock, BuildLocked
from zhenggai.dataset.tables import convert_without_pandas
from zhenggai.progress import progress
from zhenggai.text.dates import iso

EXIT_STRICT, EXIT_USAGE = 1, 2


def _error(message: str) -> int:
    print(f"zhenggai: {message}", file=sys.stderr)
    return EXIT_USAGE


def build_command(args: argparse.Namespace) -> int:
    raw, out = Path(args.raw), Path(args.out)
    try:
        check_folders(raw, out)
    except FolderError as exc:
        return _error(str(exc))
    limits = Limits(int(args.max_file_mb * 1024 * 1024), args.time_limit)
    convert_without_pandas()
    advance, finish = progress(len(os.listdir(raw)), "parsing")
    try:
        with BuildLock(out):
            built = build_locked(raw, out, limits, not args.no_cache, advance,
                                 keep_held=not args.force, shortcut=not args.strict)
    except BuildLocked as exc:
        return _error(str(exc))
    except NothingParsed as exc:
        return _error(f"no notice was parsed from '{raw}'; refusing to replace the dataset in "
                      f"'{out}', which holds {exc.held} notices (check --raw, or pass --force)")
    except OSError as exc:  # a full disk, a folder that cannot be written: nothing replaced
        return _error(f"cannot write to '{out}': {exc.strerror or exc}; nothing was replaced")
    finally:
        finish()
    return _told(built, out, args.strict)


def _told(built: Built, out: Path, strict: bool) -> int:
    """What a build did, on stdout (the summary) and stderr (the files to look at)."""
    if built.cache_note:
        print(f"zhenggai: {built.cache_note}", file=sys.stderr)
    if built.census is None:
        print(f"nothing changed since the last build: {built.summary} -> {out}")
        return 0
    copied, n_batches = built.batches_copied
    kept = (f"; {built.n_reused} entries reused from the last build ({copied} of {n_batches} "
            "batches copied as they were)") if built.n_reused else ""
    print(f"{built.summary}{kept} -> {out}")
    census = built.census
    for line in census.flagged:
        print(f"  {line}", file=sys.stderr)
    if census.n_flagged > len(census.flagged):
        print(f"  … and {census.n_flagged - len(census.flagged)} more files rejected, skipped "
              "or with warnings: see ingest_log.csv", file=sys.stderr)
    for warning in built.warnings:
        print(f"  {warning}", file=sys.stderr)
    n_bad = census.statuses["rejected"] + census.statuses["warning"]
    if strict and n_bad:
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


def audit_command(args: argparse.Namespace) -> int:
    from zhenggai.dataset.load import TableError
    from zhenggai.report.audit_pages import NoSuchNotice, write_audit_page

    data, raw = Path(args.data), Path(args.raw)
    if not raw.is_dir():
        return _error(f"raw folder '{raw}' does not exist")
    try:
        page = write_audit_page(args.notice_id, raw, data, Path(args.out))
    except (NoSuchNotice, TableError, FileNotFoundError) as exc:
        return _error(str(exc))
    except OSError as exc:
        return _error(f"the page of {args.notice_id} could not be written: {exc}")
    print(f"audit page -> {page}")
    return 0


def report_command(args: argparse.Namespace) -> int:
    from zhenggai.report.audit_pages import write_audit_pages
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
