"""Tables for reading: headers in words, numbers rounded, shares as %, missing values as —,
notice ids linked to their audit pages, and long tables cut to their head with a count.

`zhenggai.report.notebook.setup()` makes every DataFrame a notebook displays go through
`readable`, so the notebooks stay plain pandas and the report still reads well.
"""

from __future__ import annotations

import html

import pandas as pd

MISSING = "—"
LONG_TABLE_ROWS = 40  # a longer table shows its head, its length and where the rest is
_WORDS = {
    "n_notices": "notices", "n_problems": "problems", "n_measures": "measures",
    "n_problems_declared": "problems declared", "ci_low": "interval low",
    "ci_high": "interval high", "interval": "interval (method, notices)",
    "one_notice": "one notice only", "admin_level": "level", "inspection_kind": "kind",
    "days_inspecting": "days inspecting", "days_to_feedback": "days to feedback",
    "days_to_publication": "days to publication", "f1": "F1", "g2": "G²",
    "notice_id": "notice (audit page)",
}
_SHARE_WORDS = ("share", "precision", "recall", "f1")


def header(name: object) -> str:
    """A column name in words: n_notices → notices, days_to_feedback → days to feedback."""
    text = str(name)
    return _WORDS.get(text, text.replace("_", " "))


def _is_share(frame: pd.DataFrame, column: object) -> bool:
    name = str(column).lower()
    if any(w in name for w in _SHARE_WORDS):
        return True
    shares_here = any(any(w in str(c).lower() for w in ("share",)) for c in frame.columns)
    return shares_here and name in ("ci_low", "ci_high")


def number(value: float) -> str:
    """A number as read: whole numbers without decimals (1,234), others with the decimals
    they need (116.5, never 116 by rounding half to even; 0.25)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    text = f"{value:,.1f}" if abs(value) >= 100 else f"{value:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _formatter(frame: pd.DataFrame, column: object):
    series = frame[column]
    if str(column) == "notice_id":
        return lambda v: (f'<a href="notices/{html.escape(str(v))}.html">{html.escape(str(v))}'
                          "</a>" if isinstance(v, str) and v else MISSING)
    if pd.api.types.is_bool_dtype(series):
        return lambda v: MISSING if pd.isna(v) else ("yes" if v else "no")
    if pd.api.types.is_datetime64_any_dtype(series):
        return lambda v: MISSING if pd.isna(v) else v.strftime("%Y-%m-%d")
    if pd.api.types.is_float_dtype(series):
        if _is_share(frame, column):
            return lambda v: MISSING if pd.isna(v) else f"{v:.0%}"
        return lambda v: MISSING if pd.isna(v) else number(v)
    return lambda v: MISSING if v is None or v is pd.NA or (isinstance(v, float) and v != v) \
        or (isinstance(v, str) and v == "") else html.escape(str(v))


def readable_html(frame: pd.DataFrame) -> str:
    """The table as HTML for reading (see the module docstring)."""
    note = ""
    if len(frame) > LONG_TABLE_ROWS:
        note = (f"<p><i>First {LONG_TABLE_ROWS} of {len(frame):,} rows; the full tables are "
                "the CSV files in <a href=\"data/\">data/</a>.</i></p>")
        frame = frame.head(LONG_TABLE_ROWS)
    shown = frame.copy()
    for column in frame.columns:
        shown[column] = frame[column].map(_formatter(frame, column)).astype(object)
    shown.columns = [header(c) for c in frame.columns]
    if isinstance(frame.index, pd.RangeIndex):  # row numbers mean nothing to a reader
        return shown.to_html(escape=False, na_rep=MISSING, border=0, index=False) + note
    shown.index = [header(i) if not isinstance(i, int) else i for i in shown.index]
    shown.index.name = header(frame.index.name) if frame.index.name else None
    return shown.to_html(escape=False, na_rep=MISSING, border=0) + note
