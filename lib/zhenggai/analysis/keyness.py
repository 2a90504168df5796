"""Keyness and concordance: which words mark one group of texts against another, and how a
word is used in context.

Keyness is the log-likelihood G² of a word's frequency in the target group against the rest
(Dunning 1993; the statistic quanteda's textstat_keyness reports), signed by direction, with
the log ratio (Hardie 2014: log2 of the ratio of relative frequencies, 0.5 added to zero
counts) as its effect size. G² above 3.84 is p < 0.05 for one word; since every word is a
test, the p-values are adjusted by Holm's method (family-wise error over all words tested),
and a word is called key only when its adjusted p is below 0.05 **and** it occurs in at least
MIN_NOTICES_FOR_KEY notices of the target group: a word of one notice describes that notice.
Counts of the target and the reference are confounded with whatever else separates the two
groups (year, level, unit type); the notebook says which.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd

from zhenggai.analysis.tokenise import tokenise

G2_CRITICAL = 3.84  # χ²(1) at p = 0.05
ALPHA = 0.05
MIN_NOTICES_FOR_KEY = 2


def holm(p_values: list[float]) -> list[float]:
    """Holm's step-down adjustment of p-values (monotone, capped at 1)."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted = [0.0] * len(p_values)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(p_values) - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def _g2(a: int, b: int, total_a: int, total_b: int) -> float:
    expected_a = total_a * (a + b) / (total_a + total_b)
    expected_b = total_b * (a + b) / (total_a + total_b)
    g2 = 0.0
    for observed, expected in ((a, expected_a), (b, expected_b)):
        if observed:
            g2 += observed * math.log(observed / expected)
    return 2 * g2


def keyness(texts: pd.Series, target: pd.Series, min_count: int = 2,
            notices: pd.Series | None = None) -> pd.DataFrame:
    """Keyness of every word in the texts where `target` is True against the others: counts,
    signed G², log ratio, p (χ²₁), Holm-adjusted p, the target notices it occurs in
    (`notices` gives each text's notice), and whether it is key; most key first."""
    from scipy import stats

    target = target.reindex(texts.index).fillna(False).astype(bool)
    tokens = texts.map(tokenise)
    in_target = Counter(t for words in tokens[target] for t in words)
    in_rest = Counter(t for words in tokens[~target] for t in words)
    total_a, total_b = sum(in_target.values()), sum(in_rest.values())
    columns = ["term", "target", "reference", "g2", "log_ratio", "p", "p_holm",
               "target_notices", "key"]
    if not total_a or not total_b:
        return pd.DataFrame(columns=columns)
    notice_of = notices.reindex(texts.index) if notices is not None else pd.Series(
        texts.index, index=texts.index)
    spread: dict[str, set] = {}
    for words, notice in zip(tokens[target], notice_of[target], strict=True):
        for word in set(words):
            spread.setdefault(word, set()).add(notice)
    rows = []
    for term in set(in_target) | set(in_rest):
        a, b = in_target[term], in_rest[term]
        if a + b < min_count:
            continue
        sign = 1 if a / total_a >= b / total_b else -1
        ratio = math.log2(((a or 0.5) / total_a) / ((b or 0.5) / total_b))
        g2 = _g2(a, b, total_a, total_b)
        rows.append({"term": term, "target": a, "reference": b, "g2": sign * g2,
                     "log_ratio": ratio, "p": float(stats.chi2.sf(g2, 1)),
                     "target_notices": len(spread.get(term, ()))})
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows)
    table["p_holm"] = holm(table["p"].tolist())
    table["key"] = (table["p_holm"] < ALPHA) & (table["target_notices"] >= MIN_NOTICES_FOR_KEY)
    table = table.sort_values(["g2", "term"], ascending=[False, True]).reset_index(drop=True)
    return table[columns]


def kwic(texts: pd.Series, term: str, window: int = 15, where: pd.Series | None = None
         ) -> pd.DataFrame:
    """Keyword in context: every occurrence of `term` with `window` characters either side;
    `where` names each text's place (a notice and problem), else its index."""
    rows = []
    for index, text in texts.items():
        for match in re.finditer(re.escape(term), str(text)):
            rows.append({"where": where[index] if where is not None else index,
                         "left": text[max(0, match.start() - window): match.start()],
                         "term": term, "right": text[match.end(): match.end() + window]})
    return pd.DataFrame(rows, columns=["where", "left", "term", "right"])
