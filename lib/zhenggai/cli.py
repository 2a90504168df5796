"""The `zhenggai` command: `collect` notices from the web into a raw folder, `build` a dataset
from a raw folder, `parse` one file to inspect it, `report` the notebooks as HTML, `audit`
one notice's page.

Exit codes: 0 success; 1 with --strict when a file was rejected or has warnings; 2 a usage or
folder error (nothing written); 3 an unexpected internal error (a bug: run again with --debug
for the traceback and report it); 130 interrupted (Ctrl-C; nothing half-written).
The summary goes to stdout; warnings, rejections and errors to stderr.
"""

from __future__ import annotations

import argparse
import sys

from zhenggai import __version__
from zhenggai.cli_collect import collect_command
from zhenggai.cli_commands import (
    agreement_command,
    audit_command,
    build_command,
    parse_command,
    report_command,
    sheet_command,
)
from zhenggai.notice.vocabulary import COLLECT_MATCH as DEFAULT_MATCH

EXIT_INTERNAL, EXIT_INTERRUPTED = 3, 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhenggai", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"zhenggai {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build", help="build the dataset from a folder of notices",
        description="Read every file of a raw folder (saved pages, text, Word, PDF), decide "
        "which are rectification notices, and write their inspection dates, problems, "
        "responses, measures and outcomes as tables (CSV, Parquet, a workbook) with a data "
        "dictionary. Every file gets a row in ingest_log.csv saying what became of it. The "
        "previous dataset is replaced only by a complete new one.")
    build.add_argument("--raw", required=True, help="folder of raw notices")
    build.add_argument("--out", required=True, help="folder for the tables")
    build.add_argument("--strict", action="store_true",
                       help="exit 1 if any file is rejected or has warnings")
    build.add_argument("--force", action="store_true",
                       help="replace a dataset even when no notice was parsed")
    build.add_argument("--max-file-mb", type=_positive(float, 0.001, 4096), default=20.0,
                       help="refuse input files larger than this (default 20, at most 4096)")
    build.add_argument("--time-limit", type=_positive(float, 0.1, 86400), default=30.0,
                       help="seconds one file may take to read and parse (default 30, at "
                       "most a day)")
    build.add_argument("--no-cache", action="store_true",
                       help="parse every file again instead of reusing cached parses "
                       "(kept in .zhenggai-cache beside --out)")
    build.set_defaults(run=build_command)
    _collect_parser(commands)
    parse = commands.add_parser(
        "parse", help="show what is extracted from one file",
        description="Explain one file: whether it reads as a notice and on what evidence, "
        "its place, dates (with the sentence each was read from), problems with their "
        "sections, statuses and measure counts, and its warnings. Writes nothing.")
    parse.add_argument("file")
    parse.set_defaults(run=parse_command)
    report = commands.add_parser(
        "report", help="execute notebooks and write the HTML report",
        description="Run the numbered notebooks on the dataset and write them as a static "
        "HTML report that opens offline, with an index, a copy of the data and, with --raw, "
        "an audit page per notice showing which lines of its text each value came from.")
    report.add_argument("--data", default="data/processed", help="processed-data folder")
    report.add_argument("--out", default="reports", help="folder for the HTML pages")
    report.add_argument("--notebooks-dir", default="notebooks", help="folder of notebooks")
    report.add_argument("notebooks", nargs="*", help="notebooks to execute (default: all)")
    report.add_argument("--raw", default=None,
                        help="the raw folder of the build: writes an audit page per notice")
    report.add_argument("--index-only", action="store_true",
                        help="only rewrite the index (and the audit pages, with --raw)")
    report.set_defaults(run=report_command)
    audit = commands.add_parser(
        "audit", help="write the audit page of one notice",
        description="Write the audit page of one notice (its text line by line, with what "
        "was taken from each line) into the report's notices/ folder: a large corpus's "
        "report has pages only for the notices with warnings and a sample of the others.")
    audit.add_argument("notice_id", help="the notice's notice_id (notices.csv)")
    audit.add_argument("--data", default="data/processed", help="processed-data folder")
    audit.add_argument("--raw", default="data/raw", help="the raw folder of the build")
    audit.add_argument("--out", default="reports", help="the report's folder")
    audit.set_defaults(run=audit_command)
    book = commands.add_parser(
        "codebook", help="hand-code problems and measure agreement",
        description="Validate the problem-type codebook as content analysts do: write a "
        "coding sheet for human coders, then score agreement between coders, or between a "
        "coder and the keyword codebook.")
    book_commands = book.add_subparsers(dest="codebook_command", required=True)
    sheet = book_commands.add_parser("sheet", help="write a coding sheet for human coders")
    sheet.add_argument("--data", default="data/processed", help="processed-data folder")
    sheet.add_argument("--out", required=True, help="the .xlsx to write")
    sheet.set_defaults(run=sheet_command)
    agree = book_commands.add_parser(
        "agreement", help="agreement between human coders, then with the keyword codebook",
        description="Score hand codes: every pair of coders against each other first "
        "(precision, recall, F1, Cohen's kappa, Krippendorff's alpha), then, with --auto, "
        "the keyword codebook against each coder. Only the sheet's marks are read (1 or "
        "empty); a sheet with nothing coded is refused.")
    agree.add_argument("codes", nargs="+", help="A.csv B.csv … (or one file with --auto); "
                       "csv with notice_id, problem_seq, categories, coder, or filled "
                       "coding sheets")
    agree.add_argument("--auto", action="store_true",
                       help="also score the keyword codebook against each file given")
    agree.add_argument("--data", default="data/processed", help="processed-data folder")
    agree.set_defaults(run=agreement_command)
    return parser


def _positive(kind: type, minimum: float = 0.0, maximum: float = float("inf")):
    """An argparse type: a finite number from `minimum` to `maximum` (nan and inf refused)."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not (minimum <= value <= maximum) or value == float("inf"):
            bound = f" and at most {maximum:g}" if maximum < float("inf") else ""
            raise argparse.ArgumentTypeError(
                f"must be a finite number of at least {minimum:g}{bound}")
        return value
    return parse


def _collect_parser(commands) -> None:
    collect = commands.add_parser(
        "collect", help="fetch notices from the web into a raw folder, with their provenance",
        description="Fetch pages into a raw folder: the URLs given, or the articles of a "
        "site's column (--crawl) whose link text names a notice. Each page is saved as "
        "received, with a row in the folder's sources.csv (URL, time, hash, site); "
        "robots.txt is obeyed and requests to a site are spaced by --delay. Nothing held "
        "already is fetched again.")
    collect.add_argument("--raw", required=True, help="the raw folder to collect into")
    collect.add_argument("urls", nargs="*", help="pages to fetch")
    collect.add_argument("--urls", dest="url_file", help="a file of URLs, one a line")
    collect.add_argument("--crawl", metavar="START_URL",
                         help="the first listing page of a site's column to follow")
    collect.add_argument("--match", default=DEFAULT_MATCH, metavar="REGEX",
                         help="link text of the articles to fetch (default: the genre's "
                         f"titles, {DEFAULT_MATCH})")
    collect.add_argument("--max-pages", type=_positive(int, 1), default=50, metavar="N",
                         help="listing pages to read at most (default 50)")
    collect.add_argument("--delay", type=_positive(float), default=1.0, metavar="SECONDS",
                         help="seconds from one answer of a site to the next request to it "
                              "(default 1)")
    collect.add_argument("--allow-host", action="append", default=[], metavar="HOST",
                         help="another site the crawl may follow links to (repeatable)")
    collect.add_argument("--timeout", type=_positive(float, 0.1), default=30.0,
                         metavar="SECONDS", help="seconds to wait for an answer (default 30)")
    collect.add_argument("--max-file-mb", type=_positive(float, 0.001), default=20.0,
                         help="do not save a page larger than this (default 20)")
    collect.set_defaults(run=collect_command)


def _safe_streams() -> None:
    """Never fail on printing: characters an ASCII or C-locale stream cannot take are escaped."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _safe_streams()
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("zhenggai: interrupted; nothing was half-written, the previous outputs are as "
              "they were", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug, not bad input: one line unless asked for more
        if args.debug:
            raise
        print(f"zhenggai: internal error: {type(exc).__name__}: {str(exc)[:200]} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())

