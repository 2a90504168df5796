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

CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei",
    "Heiti SC", "STHeiti", "Arial Unicode MS",
)
FEEDBACK_WINDOW = pd.DateOffset(months=2)  # rectification is reported within two months


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


def timeline(notices: pd.DataFrame, labels: pd.Series, ax=None, relative: bool = False):
    """One row per notice: inspection window (bar), feedback (▲), publication (◆), and the
    two months after feedback (shaded). Hollow markers: year inferred, not printed.
    With `relative`, the x axis is days since the inspection began, so stages line up."""
    use_chinese_font()
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
                    label="two months after feedback" if row == 0 else None)
            hollow = "feedback" in inferred
            ax.plot(start, row, marker="^", markersize=9, color="#dd8452",
                    markerfacecolor="white" if hollow else "#dd8452", linestyle="none")
        if pd.notna(n["publication_date"]):
            hollow = "publication" in inferred
            ax.plot(n["publication_date"], row, marker="D", markersize=7, color="#55a868",
                    markerfacecolor="white" if hollow else "#55a868", linestyle="none")
        if "inspection_end" in inferred and pd.notna(n["inspection_end"]):
            ax.plot(n["inspection_end"], row, marker="|", markersize=14, color="#c44e52")
    handles = [
        Patch(color="#4c72b0", label="inspection (巡视/巡察)"),
        Line2D([], [], marker="^", color="#dd8452", linestyle="none", label="feedback (反馈)"),
        Patch(color="#dd8452", alpha=0.25, label="two months after feedback"),
        Line2D([], [], marker="D", color="#55a868", linestyle="none",
               label="publication (发布)"),
        Line2D([], [], marker="^", color="#dd8452", markerfacecolor="white",
               linestyle="none", label="hollow: year inferred"),
        Line2D([], [], marker="|", color="#c44e52", markersize=12, linestyle="none",
               label="end with year inferred"),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3,
              frameon=False, fontsize=8)
    ax.set_yticks(range(len(order)), labels.loc[order])
    ax.invert_yaxis()
    ax.set_xlabel("days since the inspection began" if relative else "date")
    ax.grid(axis="x", alpha=0.3)
    return ax


def heatmap(table: pd.DataFrame, ax=None, fmt: str = "{:.0%}", title: str = "",
            cmap: str = "Blues"):
    """A labelled heat map of a small table (rows × columns), values written in the cells."""
    use_chinese_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(1.0 * len(table.columns) + 2.5, 0.5 * len(table) + 1.5))
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(table.columns)), [str(c) for c in table.columns], rotation=35,
                  ha="right")
    ax.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    finite = values[np.isfinite(values)]
    middle = (finite.max() + finite.min()) / 2 if finite.size else 0
    for (r, c), value in np.ndenumerate(values):
        if np.isfinite(value):
            ax.text(c, r, fmt.format(value), ha="center", va="center", fontsize=8,
                    color="white" if value > middle else "black")
    ax.set_title(title)
    ax.figure.colorbar(image, ax=ax, fraction=0.03)
    return ax


def cluster_map(coordinates: np.ndarray, clusters: np.ndarray, names: dict[int, str], ax=None):
    """Problems on two dimensions, coloured by cluster, with the clusters' labels."""
    use_chinese_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 6))
    colours = plt.get_cmap("tab10")
    for c in sorted(set(clusters)):
        points = coordinates[clusters == c]
        ax.scatter(points[:, 0], points[:, 1], s=30, color=colours(c % 10),
                   label=f"{c}: {names.get(c, '')}")
    ax.legend(fontsize=8, loc="best", frameon=False)
    ax.set_xlabel("dimension 1 (truncated SVD of TF-IDF)")
    ax.set_ylabel("dimension 2")
    return ax


def bars(series: pd.Series, ax=None, xlabel: str = "", title: str = "", annotate=None):
    """Horizontal bars of a labelled series; `annotate` adds text after each bar (e.g. n)."""
    use_chinese_font()
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
