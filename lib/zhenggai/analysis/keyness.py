"""Keyness and concordance: which words mark one group of texts against another, and how a
word is used in context.

Keyness is the log-likelihood G² of a word's frequency in the target group against the rest
(Dunning 1993; the statistic quanteda's textstat_keyness reports), signed by direction, with
the log ratio (Hardie 2014: log2 of the ratio of relative frequencies, 0.5 added to zero
counts) as its effect size. G² above 3.84 is p < 0.05 for one word, before any correction
for the many words tested.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd

from zhenggai.analysis.tokenise import tokenise

G2_CRITICAL = 3.84  # χ²(1) at p = 0.05


def _g2(a: int, b: int, total_a: int, total_b: int) -> float:
    expected_a = total_a * (a + b) / (total_a + total_b)
    expected_b = total_b * (a + b) / (total_a + total_b)
    g2 = 0.0
    for observed, expected in ((a, expected_a), (b, expected_b)):
        if observed:
            g2 += observed * math.log(observed / expected)
    return 2 * g2


def keyness(texts: pd.Series, target: pd.Series, min_count: int = 2) -> pd.DataFrame:
    """Keyness of every word in the texts where `target` is True against the others: counts,
    signed G², log ratio; sorted by G², most key first."""
    target = target.reindex(texts.index).fillna(False).astype(bool)
    in_target = Counter(t for text in texts[target] for t in tokenise(text))
    in_rest = Counter(t for text in texts[~target] for t in tokenise(text))
    total_a, total_b = sum(in_target.values()), sum(in_rest.values())
    if not total_a or not total_b:
        return pd.DataFrame(columns=["term", "target", "reference", "g2", "log_ratio"])
    rows = []
    for term in set(in_target) | set(in_rest):
        a, b = in_target[term], in_rest[term]
        if a + b < min_count:
            continue
        sign = 1 if a / total_a >= b / total_b else -1
        ratio = math.log2(((a or 0.5) / total_a) / ((b or 0.5) / total_b))
        rows.append({"term": term, "target": a, "reference": b,
                     "g2": sign * _g2(a, b, total_a, total_b), "log_ratio": ratio})
    table = pd.DataFrame(rows)
    return table.sort_values(["g2", "term"], ascending=[False, True]).reset_index(drop=True)


def kwic(texts: pd.Series, term: str, window: int = 15) -> pd.DataFrame:
    """Keyword in context: every occurrence of `term` with `window` characters either side."""
    rows = []
    for index, text in texts.items():
        for match in re.finditer(re.escape(term), str(text)):
            rows.append({"where": index,
                         "left": text[max(0, match.start() - window): match.start()],
                         "term": term, "right": text[match.end(): match.end() + window]})
    return pd.DataFrame(rows, columns=["where", "left", "term", "right"])
