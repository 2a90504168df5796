"""A progress bar on stderr for long runs (a build's files, a report's notebooks and pages):
count, rate and the time left, drawn only on a terminal, so logs and pipes stay clean."""

from __future__ import annotations

import sys
from collections.abc import Callable

MIN_STEPS = 50  # fewer steps go too fast for a bar to help (notebooks pass their own floor)


def progress(total: int, what: str, unit: str = "files", min_steps: int = MIN_STEPS
             ) -> tuple[Callable[[], None], Callable[[], None]]:
    """(advance, finish) of a bar of `total` steps, or two no-ops off a terminal."""
    if total < min_steps or not sys.stderr.isatty():
        return (lambda: None), (lambda: None)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.1f} {unit}/s" if speed else f"… {unit}/s")

    bar = Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), Rate(),
                   TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    task = bar.add_task(what, total=total)
    bar.start()
    return (lambda: bar.advance(task)), bar.stop
