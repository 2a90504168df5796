"""A transparent keyword codebook of problem categories (Chinese names, English glosses).

lib/zhenggai/resources/codebook.csv lists each category with its keywords. A problem scores,
for each category, the summed length of the keyword occurrences it contains (a longer keyword
is more specific: 党内政治生活 outweighs 政治); it belongs to the highest-scoring category (ties:
the earlier one), or to 其他 (other) when it contains no keyword. Edit the CSV to refine.
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib.resources import files

import pandas as pd

OTHER = "其他"


@lru_cache(maxsize=1)
def codebook() -> pd.DataFrame:
    """Columns: category, gloss, keywords (a list of strings)."""
    text = files("zhenggai.resources").joinpath("codebook.csv").read_text(encoding="utf-8")
    table = pd.read_csv(io.StringIO(text), dtype=str)
    table["keywords"] = table["keywords"].str.split("|")
    return table


def glosses() -> dict[str, str]:
    """Category → English gloss, 其他 included."""
    table = codebook()
    return {**dict(zip(table["category"], table["gloss"], strict=True)), OTHER: "other"}


def categorise(text: str) -> str:
    """The codebook category of one problem statement."""
    best, best_hits = OTHER, 0
    for row in codebook().itertuples():
        hits = sum(text.count(keyword) * len(keyword) for keyword in row.keywords)
        if hits > best_hits:
            best, best_hits = row.category, hits
    return best


def categorise_all(texts: pd.Series) -> pd.Series:
    """Codebook categories of many statements, as an ordered categorical."""
    order = [*codebook()["category"], OTHER]
    return pd.Series(pd.Categorical(texts.map(categorise), categories=order),
                     index=texts.index, name="category")
