"""The `zhenggai` command's entry point: Ctrl-C while the program is still starting ends it
quietly with exit 130, before cli.py and the libraries it imports are loaded."""

from __future__ import annotations

import signal
import sys

EXIT_INTERRUPTED = 130


def _quietly(signum: int, frame: object) -> None:
    sys.exit(EXIT_INTERRUPTED)


def run() -> None:
    signal.signal(signal.SIGINT, _quietly)
    from zhenggai.cli import main

    signal.signal(signal.SIGINT, signal.default_int_handler)  # main() handles it from here
    sys.exit(main())
