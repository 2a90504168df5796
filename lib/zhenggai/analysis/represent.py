"""How problem statements become vectors: jieba words with the domain dictionary (the
default), or character 2–3-grams (a stated option for short statements and unseen terms).

Problem statements are short, so a word kept in only one statement must still count: the
vocabulary keeps every word (min_df = 1). A statement with no content word left gets an
empty vector; `empty_vectors` lists them, so no problem drops out of an analysis unseen.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from zhenggai.analysis.tokenise import tokenise

WORDS, CHARACTERS = "words", "characters"


def _options(unit: str) -> dict:
    if unit == WORDS:
        return {"analyzer": tokenise}
    if unit == CHARACTERS:
        return {"analyzer": "char", "ngram_range": (2, 3)}
    raise ValueError(f"unit must be '{WORDS}' or '{CHARACTERS}', not {unit!r}")


def tfidf(texts: pd.Series, unit: str = WORDS) -> tuple[sparse.csr_matrix, np.ndarray]:
    """TF-IDF (sublinear, L2-normalised) of the texts, and the vocabulary."""
    vectorizer = TfidfVectorizer(min_df=1, sublinear_tf=True, **_options(unit))
    matrix = vectorizer.fit_transform(texts.tolist())
    return matrix.tocsr(), vectorizer.get_feature_names_out()


def counts(texts: pd.Series, unit: str = WORDS) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Raw term counts of the texts (for LDA), and the vocabulary."""
    vectorizer = CountVectorizer(min_df=1, **_options(unit))
    matrix = vectorizer.fit_transform(texts.tolist())
    return matrix.tocsr(), vectorizer.get_feature_names_out()


def empty_vectors(texts: pd.Series, matrix: sparse.csr_matrix) -> pd.Series:
    """The texts whose vector is empty (no content word kept)."""
    empty = np.asarray(matrix.getnnz(axis=1) == 0)
    return texts[empty]
