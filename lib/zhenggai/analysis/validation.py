"""Validating a codebook against human coders, and coders against each other.

Codes are tables of `notice_id, problem_seq, categories` (categories `;`-separated), such as
data/validation/problem_codes.csv, or filled coding sheets (one 0/1 column per category).
For each category: the 2×2 confusion counts, precision, recall and F1 of B against A (A taken
as the reference), Cohen's κ and Krippendorff's α (nominal). Overall: micro-averaged
precision, recall and F1, and α over every (problem, category) decision pooled. κ and α are
computed with scikit-learn and the `krippendorff` package.
"""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from zhenggai.analysis import codebook

KEY = ["notice_id", "problem_seq"]


def read_codes(path: str | Path) -> pd.DataFrame:
    """A coder's codes as a 0/1 table indexed by (notice_id, problem_seq)."""
    path = Path(path)
    table = pd.read_excel(path, dtype={"notice_id": str}) if path.suffix == ".xlsx" \
        else pd.read_csv(path, dtype={"notice_id": str}, keep_default_na=False)
    table["problem_seq"] = table["problem_seq"].astype(int)
    cats = codebook.categories()
    if "categories" in table.columns:
        labels = table["categories"].fillna("").map(lambda s: [c.strip() for c in s.split(";")])
        for c in cats:
            table[c] = labels.map(lambda ls, c=c: int(c in ls))
    else:  # a coding sheet: a mark (1, x, ✓) in a category's column
        for c in cats:
            table[c] = table[c].map(lambda v: int(str(v).strip() not in ("", "0", "nan")))
    return table.set_index(KEY)[cats].astype(int)


def auto_codes(problems: pd.DataFrame) -> pd.DataFrame:
    """The keyword codebook's codes of the problems table."""
    table = codebook.indicator(problems["problem"])
    table.index = pd.MultiIndex.from_frame(problems[KEY].astype({"problem_seq": int}))
    return table


def _alpha(a: np.ndarray, b: np.ndarray) -> float:
    if len(set(a) | set(b)) < 2:
        return float("nan")  # no variation: α is undefined
    return float(krippendorff.alpha(reliability_data=np.vstack([a, b]),
                                    level_of_measurement="nominal"))


def _kappa(a: np.ndarray, b: np.ndarray) -> float:
    if len(set(a) | set(b)) < 2:
        return float("nan")
    return float(cohen_kappa_score(a, b))


def _ratio(num: float, den: float) -> float:
    return num / den if den else float("nan")


def agreement(reference: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """Per-category agreement of `other` with `reference` on the problems both coded, and an
    'overall' row (micro-averaged; α pooled over every problem-category decision)."""
    shared = reference.index.intersection(other.index)
    a, b = reference.loc[shared], other.loc[shared]
    rows = []
    for c in a.columns:
        x, y = a[c].to_numpy(), b[c].to_numpy()
        tp, fp = int(((x == 1) & (y == 1)).sum()), int(((x == 0) & (y == 1)).sum())
        fn, tn = int(((x == 1) & (y == 0)).sum()), int(((x == 0) & (y == 0)).sum())
        rows.append({"category": c, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
                     "kappa": _kappa(x, y), "alpha": _alpha(x, y)})
    table = pd.DataFrame(rows)
    tp, fp, fn, tn = (int(table[k].sum()) for k in ("tp", "fp", "fn", "tn"))
    pooled = _alpha(a.to_numpy().ravel(), b.to_numpy().ravel())
    table.loc[len(table)] = {"category": "overall", "tp": tp, "fp": fp, "fn": fn, "tn": tn,
                             "kappa": _kappa(a.to_numpy().ravel(), b.to_numpy().ravel()),
                             "alpha": pooled}
    table["precision"] = [_ratio(r.tp, r.tp + r.fp) for r in table.itertuples()]
    table["recall"] = [_ratio(r.tp, r.tp + r.fn) for r in table.itertuples()]
    table["f1"] = [_ratio(2 * r.tp, 2 * r.tp + r.fp + r.fn) for r in table.itertuples()]
    table["n_problems"] = len(shared)
    return table.set_index("category")[["n_problems", "tp", "fp", "fn", "tn", "precision",
                                        "recall", "f1", "kappa", "alpha"]]


def coding_sheet(problems: pd.DataFrame, notices: pd.DataFrame, path: str | Path) -> Path:
    """An .xlsx for human coders: each problem with its notice, and one empty column per
    category to mark with 1; the codebook's definitions on a second sheet."""
    import xlsxwriter

    units = notices.set_index("notice_id")["unit"]
    sheet_rows = problems[[*KEY, "section", "problem"]].assign(
        unit=problems["notice_id"].map(units))
    path = Path(path)
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                           "strings_to_urls": False})
    sheet = book.add_worksheet("coding")
    header = ["notice_id", "problem_seq", "unit", "section", "problem",
              *codebook.categories(), "note"]
    sheet.write_row(0, 0, header)
    for r, row in enumerate(sheet_rows.itertuples(), start=1):
        sheet.write_row(r, 0, [row.notice_id, int(row.problem_seq), row.unit or "",
                               row.section or "", row.problem])
    sheet.set_column(4, 4, 60)
    guide = book.add_worksheet("codebook")
    guide.write_row(0, 0, ["category", "gloss", "definition", "include", "exclude"])
    for r, row in enumerate(codebook.codebook().itertuples(), start=1):
        guide.write_row(r, 0, [row.category, row.gloss, row.definition, row.include,
                               row.exclude])
    book.close()
    return path
