"""What every notebook does first, as one call: `frames = zhenggai.report.notebook.setup()`."""

from __future__ import annotations

import pandas as pd

from zhenggai.dataset import schema
from zhenggai.dataset.load import load_tables
from zhenggai.report.plotting import use_chinese_font
from zhenggai.report.tables import readable_html

MAX_COLWIDTH = 80


def _readable_tables() -> None:
    """Show every DataFrame through zhenggai.report.tables (in IPython only)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, readable_html)


def setup(*tables: str, without: dict[str, list[str]] | None = None
          ) -> dict[str, pd.DataFrame]:
    """Chinese fonts for the figures, readable tables, and the processed tables the notebook
    names (all when it names none; from data/processed, or $ZHENGGAI_DATA when `make
    report` points at another build), each `without` the columns it lists. A table or
    column not asked for is not read: on a large corpus the measures alone are hundreds of
    megabytes, the problems' responses most of that table."""
    use_chinese_font()
    pd.set_option("display.max_colwidth", MAX_COLWIDTH)
    _readable_tables()
    columns = {table: [c for c in schema.columns(table) if c not in left_out]
               for table, left_out in (without or {}).items()}
    return load_tables(tables=list(tables) or None, columns=columns)
