"""What `zhenggai collect` does; cli.py parses its arguments and handles errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from zhenggai.cli_commands import _error


def collect_command(args: argparse.Namespace) -> int:
    import re

    from zhenggai.collect.crawl import collect
    from zhenggai.collect.fetch import PoliteClient

    urls = list(args.urls)
    if args.url_file:
        try:
            text = Path(args.url_file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            return _error(f"cannot read the URL file '{args.url_file}': {exc}")
        urls += [line.strip() for line in text.splitlines()
                 if line.strip() and not line.lstrip().startswith("#")]
    if not urls and not args.crawl:
        return _error("nothing to collect: give URLs, --urls FILE or --crawl START_URL")
    bad = [u for u in [*urls, args.crawl or "http://x"] if not u.startswith(("http://",
                                                                          "https://"))]
    if bad:
        return _error(f"not a web address: {bad[0]!r} (an address starts with http:// or "
                      "https://)")
    try:
        re.compile(args.match)
    except re.error as exc:
        return _error(f"--match is not a regular expression: {exc}")
    raw = Path(args.raw)
    if raw.exists() and not raw.is_dir():
        return _error(f"--raw '{raw}' is not a folder")
    client = PoliteClient(args.delay, args.timeout, int(args.max_file_mb * 1024 * 1024))
    bar = _collect_progress()
    try:
        summary = collect(raw, urls, args.crawl, args.match, args.max_pages, client,
                          set(args.allow_host), bar[0])
    except OSError as exc:
        return _error(f"cannot write to '{raw}': {exc.strerror or exc}")
    finally:
        bar[1]()
    lines = summary.lines()
    print(f"{lines[0]} -> {raw}")
    for line in lines[1:]:
        print(line, file=sys.stderr)
    return 0


def _collect_progress() -> tuple[Callable[[int], None], Callable[[], None]]:
    """(advance(total), finish) of a progress bar of the pages fetched, on a terminal."""
    if not sys.stderr.isatty():
        return (lambda total: None), (lambda: None)
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task("collecting", total=None)
    bar.start()

    def advance(total: int) -> None:
        bar.update(task, total=total, advance=1)

    return advance, bar.stop
