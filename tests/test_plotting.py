"""Figures draw Chinese: a missing glyph is a failure, on any machine."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from zhenggai.report import plotting


def test_chinese_text_draws_without_missing_glyph_warnings():
    family = plotting.use_chinese_font()
    assert family in plotting.CJK_FAMILIES or "CJK" in family
    figure, ax = plt.subplots()
    ax.set_title("中共湘潭市文联党组关于巡察整改情况的通报 〇 “四个意识” −5")
    ax.set_xlabel("甘肃省 庆阳市 無錫 繁體")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" becomes an exception
        figure.canvas.draw()
    plt.close(figure)


def test_bundled_font_is_there_for_machines_without_cjk_fonts():
    path = plotting._bundled_font()
    assert path.exists() and path.stat().st_size > 1_000_000
