"""A transparent, multi-label keyword codebook of problem categories.

lib/zhenggai/resources/codebook.csv gives each category a definition, what it includes and
excludes, and its keywords; docs/codebook.md explains them with examples. A problem belongs to
every category whose keywords it contains (multi-label), or to 其他 (other) when it contains
none. Its *primary* category is the one whose keyword occurrences weigh most (a longer keyword
is more specific); a tie is reported as a tie, never settled by the order of the file.
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib.resources import files

import pandas as pd

OTHER = "其他"
TIE = "tie"


@lru_cache(maxsize=1)
def codebook() -> pd.DataFrame:
    """Columns: category, gloss, definition, include, exclude, keywords (a list)."""
    text = files("zhenggai.resources").joinpath("codebook.csv").read_text(encoding="utf-8")
    table = pd.read_csv(io.StringIO(text), dtype=str)
    table["keywords"] = table["keywords"].str.split("|")
    return table


def categories() -> list[str]:
    """The categories in the codebook's order, 其他 last."""
    return [*codebook()["category"], OTHER]


def glosses() -> dict[str, str]:
    """Category → English gloss, 其他 included."""
    table = codebook()
    return {**dict(zip(table["category"], table["gloss"], strict=True)), OTHER: "other"}


def duplicate_keywords() -> list[str]:
    """Keywords listed more than once, in one category or across several."""
    counts = pd.Series([k for ks in codebook()["keywords"] for k in ks]).value_counts()
    return sorted(counts[counts > 1].index)


@lru_cache(maxsize=1)
def _keywords() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(category, its keywords), in the codebook's order: read once, not per text."""
    return tuple((row.category, tuple(row.keywords)) for row in codebook().itertuples())


def scores(text: str) -> dict[str, int]:
    """Each category's weight in a text: summed length of its keyword occurrences."""
    return {category: sum(text.count(k) * len(k) for k in keywords)
            for category, keywords in _keywords()}


def categorise(text: str) -> list[str]:
    """Every category a problem statement falls into (multi-label), or [其他]."""
    found = [c for c, s in scores(text).items() if s > 0]
    return found or [OTHER]


def primary(text: str) -> str:
    """The category weighing most, 'tie' when several weigh the same, 其他 when none."""
    weights = scores(text)
    best = max(weights.values())
    if best == 0:
        return OTHER
    top = [c for c, s in weights.items() if s == best]
    return top[0] if len(top) == 1 else TIE


def indicator(texts: pd.Series, without: frozenset[str] = frozenset()) -> pd.DataFrame:
    """One 0/1 column per category (其他 included), one row per text; keywords in `without`
    are left out (leave-one-notice-out validation)."""
    if without:
        keywords = [(c, [k for k in ks if k not in without]) for c, ks in _keywords()]
        labels = [{c for c, ks in keywords if any(k in text for k in ks)} or {OTHER}
                  for text in texts]
    else:
        labels = [set(categorise(text)) for text in texts]
    return pd.DataFrame({c: [int(c in ls) for ls in labels] for c in categories()},
                        index=texts.index)


def keyword_hits(texts: pd.Series) -> pd.DataFrame:
    """How many texts each keyword occurs in: a keyword found in one seed problem only was
    most probably taken from it, and flatters any agreement measured on these problems."""
    rows = [{"category": row.category, "keyword": k, "texts": int(texts.str.contains(k,
                                                                               regex=False).sum())}
            for row in codebook().itertuples() for k in row.keywords]
    return pd.DataFrame(rows)
