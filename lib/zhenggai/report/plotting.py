"""Figures that render Chinese on any machine.

`use_chinese_font()` picks an installed CJK font (Noto Sans CJK, Source Han Sans, PingFang,
Microsoft YaHei, WenQuanYi, SimHei…) and otherwise registers the Noto Sans CJK SC font shipped
by the `mplfonts` pip package, so a fresh machine with no system fonts still draws 长沙, not
boxes. Every plotting function here calls it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from zhenggai.analysis.compare import group_labels

CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei",
    "Heiti SC", "STHeiti", "Arial Unicode MS",
)
# 《中国共产党巡视工作条例》: the inspected organisation reports its rectification to the
# inspection office within two months of feedback. No rule sets a date for publishing.
FEEDBACK_WINDOW = pd.DateOffset(months=2)
REPORT_DUE = "report due: 2 months after feedback (巡视工作条例)"
MAX_ROWS = 50  # rows of one figure, one per notice, a reader can still tell apart


def _bundled_font() -> Path:
    import mplfonts

    return Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"


@lru_cache(maxsize=1)
def use_chinese_font() -> str:
    """Make matplotlib draw Chinese; return the font family chosen."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    family = next((name for name in CJK_FAMILIES if name in installed), None)
    if family is None:
        path = _bundled_font()
        font_manager.fontManager.addfont(str(path))
        family = font_manager.FontProperties(fname=str(path)).get_name()
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False  # some CJK fonts lack U+2212
    plt.rcParams["figure.dpi"] = 110
    return family


def histogram(series: pd.Series, ax=None, xlabel: str = "", title: str = ""):
    """The distribution of a series' values, with their number."""
    use_chinese_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.2))
    values = series.dropna().astype(float)
    ax.hist(values, bins=min(40, max(5, int(np.sqrt(len(values))))), color="#4c72b0")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("notices")
    ax.set_title(f"{title} (distribution over {len(values):,} notices)")
    ax.grid(axis="y", alpha=0.3)
    return ax


def lag_distributions(notices: pd.DataFrame, by: str = "admin_level", ax=None):
    """Box plots of the three lags by group: what a timeline becomes past MAX_ROWS notices."""
    use_chinese_font()
    lags = ["days_inspecting", "days_to_feedback", "days_to_publication"]
    groups = group_labels(notices, by)
    names = sorted(groups.unique())
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 0.5 * len(lags) * len(names) + 1.5))
    data, labels = [], []
    for lag in lags:
        for name in names:
            values = notices.loc[groups == name, lag].dropna().astype(float)
            data.append(values.to_numpy() if len(values) else np.array([np.nan]))
            labels.append(f"{lag.replace('_', ' ')} · {name} (n = {len(values)})")
    ax.boxplot(data, orientation="horizontal", tick_labels=labels, showfliers=True)
    ax.axvline(61, color="#dd8452", alpha=0.6, linestyle="--",
               label=REPORT_DUE + ", for days to publication")
    ax.set_xlabel("days")
    ax.set_title(f"Lags by {by.replace('_', ' ')} ({len(notices):,} notices: distributions, "
                 "not one row each)")
    ax.figure.tight_layout()
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    return ax


def timeline(notices: pd.DataFrame, labels: pd.Series, ax=None, relative: bool = False):
    """One row per notice: inspection window (bar), feedback (▲), publication (◆ the page's
    date, ■ the date under the signature), and the two months after feedback in which the
    rectification report is due (shaded). Hollow markers: year inferred, not printed.
    With `relative`, the x axis is days since the inspection began, so stages line up.
    Past MAX_ROWS notices, box plots of the lags by level are drawn instead."""
    use_chinese_font()
    if len(notices) > MAX_ROWS:
        return lag_distributions(notices, ax=ax)
    order = notices.sort_values("inspection_start", na_position="last").index
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 0.6 * len(order) + 1.6))
    for row, i in enumerate(order):
        n = notices.loc[i]
        if relative:
            origin = n["inspection_start"]
            if pd.isna(origin):
                continue
            n = n.copy()
            for column in ("inspection_start", "inspection_end", "feedback_date",
                           "publication_date"):
                n[column] = (n[column] - origin).days if pd.notna(n[column]) else np.nan
            n["feedback_window_end"] = ((notices.loc[i, "feedback_date"] + FEEDBACK_WINDOW
                                         - origin).days
                                        if pd.notna(notices.loc[i, "feedback_date"]) else np.nan)
        inferred = str(n["years_inferred"])
        if pd.notna(n["inspection_start"]) and pd.notna(n["inspection_end"]):
            ax.barh(row, n["inspection_end"] - n["inspection_start"], left=n["inspection_start"],
                    height=0.45, color="#4c72b0", label="inspection" if row == 0 else None)
        if pd.notna(n["feedback_date"]):
            start = n["feedback_date"]
            end = n["feedback_window_end"] if relative else start + FEEDBACK_WINDOW
            ax.barh(row, end - start, left=start, height=0.45,
                    color="#dd8452", alpha=0.25,
                    label=REPORT_DUE if row == 0 else None)
            hollow = "feedback" in inferred
            ax.plot(start, row, marker="^", markersize=9, color="#dd8452",
                    markerfacecolor="white" if hollow else "#dd8452", linestyle="none")
        if pd.notna(n["publication_date"]):
            hollow = "publication" in inferred
            marker = "s" if n.get("publication_source") == "signature" else "D"
            ax.plot(n["publication_date"], row, marker=marker, markersize=7, color="#55a868",
                    markerfacecolor="white" if hollow else "#55a868", linestyle="none")
    handles = [
        Patch(color="#4c72b0", label="inspection (巡视/巡察)"),
        Line2D([], [], marker="^", color="#dd8452", linestyle="none", label="feedback (反馈)"),
        Patch(color="#dd8452", alpha=0.25, label=REPORT_DUE),
        Line2D([], [], marker="D", color="#55a868", linestyle="none",
               label="published: page's date"),
        Line2D([], [], marker="s", color="#55a868", linestyle="none",
               label="published: date under signature"),
        Line2D([], [], marker="^", color="#dd8452", markerfacecolor="white",
               linestyle="none", label="hollow: year inferred"),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3,
              frameon=False, fontsize=8)
    ax.set_yticks(range(len(order)), labels.loc[order])
    ax.invert_yaxis()
    ax.set_xlabel("days since the inspection began" if relative else "date")
    ax.grid(axis="x", alpha=0.3)
    return ax


def heatmap(table: pd.DataFrame, ax=None, fmt: str = "{:.0%}", title: str = "",
            cmap: str = "Blues", per_column: bool = False):
    """A labelled heat map of a small table (rows × columns), values written in the cells.
    With `per_column`, each column is coloured on its own scale (so 151 days in one column
    does not flatten the others) and no common colour bar is drawn."""
    use_chinese_font()
    from zhenggai.report.tables import header

    table = table.rename(columns=header)  # column names in words, not snake_case
    if ax is None:
        _, ax = plt.subplots(figsize=(1.0 * len(table.columns) + 2.5, 0.5 * len(table) + 1.5))
    values = table.to_numpy(dtype=float)
    shown = values
    if per_column:
        low, high = np.nanmin(values, axis=0), np.nanmax(values, axis=0)
        shown = (values - low) / np.where(high > low, high - low, 1)
    image = ax.imshow(shown, cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(table.columns)), [str(c) for c in table.columns], rotation=35,
                  ha="right")
    ax.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    finite = shown[np.isfinite(shown)]
    middle = (finite.max() + finite.min()) / 2 if finite.size else 0
    for (r, c), value in np.ndenumerate(values):
        if np.isfinite(value):
            ax.text(c, r, fmt.format(value), ha="center", va="center", fontsize=8,
                    color="white" if shown[r, c] > middle else "black")
    ax.set_title(title)
    if not per_column:
        ax.figure.colorbar(image, ax=ax, fraction=0.03)
    return ax


def bars(series: pd.Series, ax=None, xlabel: str = "", title: str = "", annotate=None):
    """Horizontal bars of a labelled series; `annotate` adds text after each bar (e.g. n).
    Past MAX_ROWS rows (one per notice cannot be read beyond that) a histogram of the values
    is drawn instead."""
    use_chinese_font()
    if len(series) > MAX_ROWS:
        return histogram(series, ax, xlabel, title)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.45 * len(series) + 1.2))
    ax.barh(range(len(series)), series.to_numpy(dtype=float), color="#4c72b0")
    ax.set_yticks(range(len(series)), [str(i) for i in series.index])
    ax.invert_yaxis()
    if annotate is not None:
        for row, text in enumerate(annotate):
            value = series.iloc[row]
            ax.text((0 if pd.isna(value) else value), row, f"  {text}", va="center", fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    return ax


def diagnostics(table: pd.DataFrame, title: str = ""):
    """Topic-model diagnostics by k: the corpus (solid) against the shuffled baseline
    (dashed: the null distribution's mean, shaded ±2 SD), one panel per diagnostic, the
    chosen k marked."""
    use_chinese_font()
    measures = ["coherence", "exclusivity", "stability"]
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.2))
    chosen = int(table.loc[table["chosen"], "k"].iloc[0])
    for ax, measure in zip(axes, measures, strict=True):
        for corpus, style in (("corpus", "-o"), ("shuffled baseline", "--s")):
            part = table[table["corpus"] == corpus]
            ax.plot(part["k"], part[measure], style, label=corpus, markersize=4)
            if corpus != "corpus" and f"sd_{measure}" in part:  # the null's ±2 SD band
                spread = 2 * part[f"sd_{measure}"]
                ax.fill_between(part["k"], part[measure] - spread, part[measure] + spread,
                                color="#dd8452", alpha=0.15, linewidth=0)
        ax.axvline(chosen, color="#c44e52", alpha=0.5, linewidth=1)
        ax.set_title(measure)
        ax.set_xlabel("k (topics)")
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=8, frameon=False)
    fig.suptitle(title or f"Diagnostics by number of topics (chosen: k = {chosen})")
    fig.tight_layout()
    return axes


def intervals(table: pd.DataFrame, label: str, value: str = "share", ax=None, title: str = "",
              xlabel: str = "", percent: bool = True):
    """Estimates with their intervals over notices, one row each, the number of notices
    written beside; a group without an interval (too few notices) is drawn hollow."""
    use_chinese_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.45 * len(table) + 1.4))
    for row, r in enumerate(table.itertuples()):
        single = bool(getattr(r, "one_notice", False))
        estimate = getattr(r, value)
        ax.plot(estimate, row, "o", color="#4c72b0",
                markerfacecolor="white" if pd.isna(r.ci_low) else "#4c72b0")
        if pd.notna(r.ci_low):
            ax.hlines(row, r.ci_low, r.ci_high, color="#4c72b0", alpha=0.7)
        note = f"n = {r.n_notices} notice{'s' if r.n_notices != 1 else ''}"
        ax.annotate(note + (" (one notice: no comparison)" if single else
                            " (too few notices: no interval)" if pd.isna(r.ci_low) else ""),
                    (1.01, row), xycoords=("axes fraction", "data"), va="center", fontsize=8)
    ax.set_yticks(range(len(table)), table[label].astype(str))
    ax.invert_yaxis()
    if percent:
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    return ax


def keyness(table: pd.DataFrame, n: int = 10, title: str = "", target: str = "",
            reference: str = ""):
    """The most key words on each side: signed G² as bars, log ratio written beside."""
    use_chinese_font()
    top = pd.concat([table.head(n), table.tail(n)]).drop_duplicates("term")
    top = top.sort_values("g2")
    _, ax = plt.subplots(figsize=(8, 0.32 * len(top) + 1.4))
    colors = ["#4c72b0" if g > 0 else "#dd8452" for g in top["g2"]]
    ax.barh(top["term"], top["g2"], color=colors)
    for row, r in enumerate(top.itertuples()):  # in a margin of their own: never on a bar
        ax.annotate(f"log ratio {r.log_ratio:+.1f}", (1.01, row),
                    xycoords=("axes fraction", "data"), fontsize=7, va="center")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"signed G² (right: more in {target or 'target'}; left: more in "
                  f"{reference or 'reference'})")
    ax.set_title(title)
    return ax
