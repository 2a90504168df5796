"""Validating a codebook against human coders, and coders against each other.

Codes are tables of `notice_id, problem_seq, categories` (categories `;`-separated, and a
`coder` column naming who coded), such as data/validation/problem_codes.csv, or filled
coding sheets (one column per category, marked 1 or left empty; the sheet's drop-downs offer
only these). Any other mark is refused with its row and column, and a sheet with nothing
coded is refused: it would otherwise score as perfect agreement on no decision. A problem
counts as coded when at least one of its categories is marked (其他 is a category).
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


MARKED, UNMARKED = "1", ("", "0")  # the only marks a coding sheet defines


class CodesError(ValueError):
    """Codes that cannot be scored, with the reason."""


def _mark(value: object, row: int, column: str) -> int:
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) \
        else str(value).strip()
    text = text[:-2] if text.endswith(".0") else text  # Excel's 1.0
    if text == MARKED:
        return 1
    if text in UNMARKED:
        return 0
    raise CodesError(f"row {row}, column '{column}': the mark {text!r} is not one the sheet "
                     f"defines (1 for yes, empty for no)")


def read_codes(path: str | Path) -> pd.DataFrame:
    """A coder's codes as a 0/1 table indexed by (notice_id, problem_seq), the problems the
    coder coded only; CodesError for an undefined mark, an unknown category or no code."""
    path = Path(path)
    table = pd.read_excel(path, dtype={"notice_id": str}) if path.suffix == ".xlsx" \
        else pd.read_csv(path, dtype={"notice_id": str}, keep_default_na=False)
    table["problem_seq"] = table["problem_seq"].astype(int)
    cats = codebook.categories()
    if "categories" in table.columns:
        labels = table["categories"].fillna("").map(
            lambda s: [c.strip() for c in str(s).split(";") if c.strip()])
        unknown = sorted({c for ls in labels for c in ls} - set(cats))
        if unknown:
            raise CodesError(f"categories the codebook does not have: {'、'.join(unknown)}")
        for c in cats:
            table[c] = labels.map(lambda ls, c=c: int(c in ls))
    else:  # a coding sheet: 1 in a category's column, or nothing
        for c in cats:
            table[c] = [_mark(v, k + 2, c) for k, v in enumerate(table[c])]
    codes = table.set_index(KEY)[cats].astype(int)
    codes = codes[codes.sum(axis=1) > 0]
    if codes.empty:
        raise CodesError(f"{path.name} has nothing coded: no problem has a category marked")
    return codes


def coders(path: str | Path) -> list[str]:
    """Who coded a file (its `coder` column), or the file's name when it does not say."""
    path = Path(path)
    table = pd.read_excel(path) if path.suffix == ".xlsx" else pd.read_csv(
        path, keep_default_na=False)
    named = sorted({str(c) for c in table.get("coder", pd.Series(dtype=str)) if str(c)})
    return named or [path.stem]


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


def leave_one_notice_out(hand: pd.DataFrame, problems: pd.DataFrame) -> pd.DataFrame:
    """The codebook coded out of sample: each hand-coded notice's problems coded without the
    keywords that occur in no other notice's problems (those it was most probably written
    from), then scored against the hand codes like `agreement`. Which notices hold each
    keyword is found once, so the cost grows with the corpus, not with its square."""
    problems = problems.reset_index(drop=True)
    keywords = {k for ks in codebook.codebook()["keywords"] for k in ks}
    holders = {k: frozenset(problems.loc[problems["problem"].str.contains(k, regex=False),
                                         "notice_id"]) for k in keywords}
    coded = set(hand.index.get_level_values("notice_id"))
    found = []
    for notice_id, part in problems[problems["notice_id"].isin(coded)].groupby(
            "notice_id", sort=False):
        own = frozenset(k for k, held_by in holders.items() if held_by <= {notice_id})
        codes = codebook.indicator(part["problem"], without=own)
        codes.index = pd.MultiIndex.from_frame(part[KEY].astype({"problem_seq": int}))
        found.append(codes)
    if not found:  # none of the hand-coded notices is in this corpus
        empty = codebook.indicator(problems["problem"].iloc[:0])
        empty.index = pd.MultiIndex.from_arrays([[], []], names=KEY)
        found.append(empty)
    return agreement(hand, pd.concat(found))


def intervals_over_notices(reference: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """Overall precision, recall and F1 with their intervals over notices (resample.ratio:
    notices resampled, each with all its problems)."""
    from zhenggai.analysis import resample

    shared = reference.index.intersection(other.index)
    a, b = reference.loc[shared], other.loc[shared]
    per = pd.DataFrame({"tp": ((a == 1) & (b == 1)).sum(axis=1),
                        "fp": ((a == 0) & (b == 1)).sum(axis=1),
                        "fn": ((a == 1) & (b == 0)).sum(axis=1)})
    per = per.groupby(level="notice_id").sum()
    rows = []
    for name, num, den in (("precision", per["tp"], per["tp"] + per["fp"]),
                           ("recall", per["tp"], per["tp"] + per["fn"]),
                           ("f1", 2 * per["tp"], 2 * per["tp"] + per["fp"] + per["fn"])):
        interval = resample.ratio(num, den)
        rows.append({"measure": name, **resample.as_columns(interval)})
    return pd.DataFrame(rows).set_index("measure")


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
    first, last = 5, 4 + len(codebook.categories())
    if len(sheet_rows):  # the sheet itself accepts only its marks: 1, or nothing
        sheet.data_validation(1, first, len(sheet_rows), last, {
            "validate": "list", "source": [MARKED], "ignore_blank": True,
            "input_title": "Code", "input_message": "1 if the problem is in this category",
            "error_title": "Not a code", "error_message": "Mark 1, or leave the cell empty."})
    sheet.freeze_panes(1, 5)
    guide = book.add_worksheet("codebook")
    guide.write_row(0, 0, ["category", "gloss", "definition", "include", "exclude"])
    for r, row in enumerate(codebook.codebook().itertuples(), start=1):
        guide.write_row(r, 0, [row.category, row.gloss, row.definition, row.include,
                               row.exclude])
    book.close()
    return path
