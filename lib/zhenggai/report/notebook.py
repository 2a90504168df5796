"""What every notebook does first, as one call: `frames = zhenggai.report.notebook.setup()`."""

from __future__ import annotations

import pandas as pd

from zhenggai.dataset.load import load_tables
from zhenggai.report.plotting import use_chinese_font

MAX_COLWIDTH = 80


def setup() -> dict[str, pd.DataFrame]:
    """Chinese fonts for the figures, readable tables, and the processed tables (from
    data/processed, or $ZHENGGAI_DATA when `make report` points at another build)."""
    use_chinese_font()
    pd.set_option("display.max_colwidth", MAX_COLWIDTH)
    return load_tables()
