"""Topic models of problem statements, as the field fits and checks them.

NMF on TF-IDF and LDA on counts (scikit-learn). The number of topics k is searched over a
range the method does not cap (2 … min(30, n/3)) and chosen by stated diagnostics, each
computed on the corpus itself and on a baseline of shuffled tokens (the same words and
statement lengths, dealt out at random), so a reader can see whether structure beats chance:

- semantic coherence (UMass, Mimno et al. 2011): do a topic's top words occur together?
- exclusivity (as in stm's FREX): how much of each top word's weight is this topic's?
- stability: the mean cosine similarity of topics refitted with other seeds and on 80 %
  resamples, matched one to one (Hungarian), to the reference fit.

The baseline is a null distribution, not one draw: the model is fitted to NULL_SHUFFLES
shuffled corpora at every k, and the corpus's coherence and exclusivity are measured against
that distribution's mean, in its standard deviations (stability, which refits the model
several times, is set against the first shuffle only, to bound the cost). k is the value with
the largest mean margin over the baseline, each margin standardised over the range; a k at
the edge of the range searched is flagged, since the best value may lie beyond it. Topics are
labelled by their top and FREX words (stm's labelTopics) and illustrated by the statements
most devoted to them (findThoughts), ranked on the model's unnormalised weights so that
statements wholly in one topic do not tie.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfTransformer

from zhenggai.analysis import represent

SEED = 0
TOP_WORDS = 8
MAX_K = 30
MAX_K_VALUES = 8  # ks tried, spread over the range
FREX_WEIGHT = 0.5
MAX_ITER = 400
LARGE_CORPUS = 5000  # statements beyond which LDA learns online, in mini-batches
# statements a topic model learns from, at most: past this, a fixed random sample (on
# 193,000 synthetic statements, topics learned from 50,000 match those of all of them at a
# mean cosine of 0.999, in a tenth of the time)
FIT_SAMPLE = 50_000
DIAGNOSTIC_SAMPLE = {"nmf": 300, "lda": 200}  # statements the k search runs on, at most
REFITS = {"nmf": 3, "lda": 1}  # refits per k for stability (LDA's fits cost ten times NMF's)
# Shuffled corpora per k, the baseline's distribution: NMF, whose k the notebooks use, gets
# 50; LDA, whose fits cost ten times more, 10 (the notebook says so).
NULL_SHUFFLES = {"nmf": 50, "lda": 10}


@dataclass
class TopicModel:
    """A fitted model: topic-word weights, statement-topic shares and the vocabulary."""

    method: str  # nmf / lda
    k: int
    components: np.ndarray  # k × vocabulary
    shares: np.ndarray  # statements × k, rows summing to 1 (0 for an empty statement)
    terms: np.ndarray
    weights: np.ndarray | None = None  # statements × k, as the model gives them
    n_fitted: int = 0  # statements the topics were learned from (FIT_SAMPLE at most)


def _fit(method: str, k: int, counts: sparse.csr_matrix, seed: int, raw: bool = False
         ) -> tuple[np.ndarray, np.ndarray]:
    if method == "nmf":
        data = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
        model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=MAX_ITER)
        with warnings.catch_warnings():  # a fit stopped at MAX_ITER is still a fit
            warnings.simplefilter("ignore", ConvergenceWarning)
            shares = model.fit_transform(data)
    else:
        online = counts.shape[0] > LARGE_CORPUS
        model = LatentDirichletAllocation(n_components=k, random_state=seed,
                                          learning_method="online" if online else "batch")
        shares = model.fit_transform(counts)
    if raw:
        return model.components_, shares
    totals = shares.sum(axis=1, keepdims=True)
    return model.components_, np.divide(shares, totals, out=np.zeros_like(shares),
                                        where=totals > 0)


def _fit_sampled(method: str, k: int, counts: sparse.csr_matrix
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Topics learned from FIT_SAMPLE statements drawn at random (fixed seed), and every
    statement's weights under them."""
    rows = np.sort(np.random.default_rng(SEED).choice(counts.shape[0], FIT_SAMPLE,
                                                      replace=False))
    if method == "nmf":
        data = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
        model = NMF(n_components=k, init="nndsvda", random_state=SEED, max_iter=MAX_ITER)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(data[rows])
            return model.components_, model.transform(data)
    model = LatentDirichletAllocation(n_components=k, random_state=SEED,
                                      learning_method="online")
    model.fit(counts[rows])
    return model.components_, model.transform(counts)


def fit(texts: pd.Series, method: str = "nmf", k: int = 5, unit: str = represent.WORDS
        ) -> TopicModel:
    """A topic model of the statements; past FIT_SAMPLE statements its topics are learned
    from a fixed random sample of them (`n_fitted`), and every statement gets its shares."""
    counts, terms = represent.counts(texts, unit)
    if counts.shape[0] > FIT_SAMPLE:
        components, weights = _fit_sampled(method, k, counts)
    else:
        components, weights = _fit(method, k, counts, SEED, raw=True)
    totals = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)
    return TopicModel(method, k, components, shares, terms, weights,
                      min(counts.shape[0], FIT_SAMPLE))


def _top(components: np.ndarray, n: int = TOP_WORDS) -> np.ndarray:
    return np.argsort(-components, axis=1, kind="stable")[:, :n]


def coherence(components: np.ndarray, counts: sparse.csr_matrix) -> float:
    """Mean UMass coherence of the topics' top words over the statements."""
    present = (counts > 0).astype(np.int64).tocsc()
    scores = []
    for top in _top(components):
        cols = present[:, top]
        together = (cols.T @ cols).toarray()
        score = 0.0
        for i in range(1, len(top)):
            for j in range(i):
                score += np.log((together[i, j] + 1) / max(together[j, j], 1))
        scores.append(score)
    return float(np.mean(scores))


def exclusivity(components: np.ndarray) -> float:
    """Mean share of each top word's total weight that falls in its topic."""
    weights = components / np.maximum(components.sum(axis=0, keepdims=True), 1e-12)
    return float(np.mean([weights[t, top].mean() for t, top in enumerate(_top(components))]))


def _similarity(a: np.ndarray, b: np.ndarray) -> float:
    a = a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-12)
    b = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-12)
    cost = -(a @ b.T)
    rows, cols = linear_sum_assignment(cost)
    return float(-cost[rows, cols].mean())


def stability(method: str, k: int, counts: sparse.csr_matrix, reference: np.ndarray,
              refits: int = 3) -> float:
    """Mean matched similarity of refits (other seeds, 80 % resamples) to the reference."""
    rng = np.random.default_rng(SEED)
    sims = []
    for r in range(1, refits + 1):
        sims.append(_similarity(reference, _fit(method, k, counts, SEED + r)[0]))
        rows = np.sort(rng.choice(counts.shape[0], int(0.8 * counts.shape[0]), replace=False))
        sims.append(_similarity(reference, _fit(method, k, counts[rows], SEED)[0]))
    return float(np.mean(sims))


def shuffled(counts: sparse.csr_matrix, seed: int = SEED) -> sparse.csr_matrix:
    """The baseline corpus: every token dealt to a random statement, lengths kept."""
    rng = np.random.default_rng(seed)
    coo = counts.tocoo()
    tokens = np.repeat(coo.col, coo.data.astype(int))
    rng.shuffle(tokens)
    lengths = np.asarray(counts.sum(axis=1)).ravel().astype(int)
    rows = np.repeat(np.arange(counts.shape[0]), lengths)
    data = np.ones(len(tokens), dtype=np.int64)
    return sparse.csr_matrix((data, (rows, tokens)), shape=counts.shape)


def k_values(n: int) -> list[int]:
    """The ks searched: 2 … min(30, n/3), at most MAX_K_VALUES spread evenly."""
    high = max(2, min(MAX_K, n // 3))
    return sorted({round(float(k)) for k in np.linspace(2, high, min(MAX_K_VALUES, high - 1))})


def diagnostics(texts: pd.Series, method: str = "nmf", unit: str = represent.WORDS,
                ks: list[int] | None = None, shuffles: int | None = None) -> pd.DataFrame:
    """Coherence, exclusivity and stability by k, for the corpus and the shuffled baseline
    (the mean of `shuffles` shuffled corpora, with its standard deviation), the margin of
    each over the baseline, the k chosen (`chosen`) and whether it is at the edge of the
    range (`edge`). Beyond DIAGNOSTIC_SAMPLE statements the search runs on a fixed sample."""
    if len(texts) > DIAGNOSTIC_SAMPLE[method]:  # the search's cost grows with k × refits × n
        texts = texts.sample(DIAGNOSTIC_SAMPLE[method], random_state=SEED)
    counts, _ = represent.counts(texts, unit)
    shuffles = shuffles or NULL_SHUFFLES[method]
    nulls = [shuffled(counts, SEED + s) for s in range(shuffles)]
    rows = []
    ks = ks or k_values(len(texts))
    for k in ks:
        components, _ = _fit(method, k, counts, SEED)
        corpus = {"coherence": coherence(components, counts),
                  "exclusivity": exclusivity(components),
                  "stability": stability(method, k, counts, components, REFITS[method])}
        null = {"coherence": [], "exclusivity": []}
        for s, matrix in enumerate(nulls):
            null_components, _ = _fit(method, k, matrix, SEED)
            null["coherence"].append(coherence(null_components, matrix))
            null["exclusivity"].append(exclusivity(null_components))
            if s == 0:
                null_stability = stability(method, k, matrix, null_components, REFITS[method])
        baseline = {m: float(np.mean(v)) for m, v in null.items()}
        spread = {m: float(np.std(v, ddof=1)) if len(v) > 1 else float("nan")
                  for m, v in null.items()}
        rows.append({"k": k, "corpus": "corpus", **corpus})
        rows.append({"k": k, "corpus": "shuffled baseline", **baseline,
                     "stability": null_stability, "n_shuffles": shuffles,
                     "sd_coherence": spread["coherence"],
                     "sd_exclusivity": spread["exclusivity"]})
    table = pd.DataFrame(rows)
    margins = margin_table(table)
    z = (margins - margins.mean()) / margins.std(ddof=0).replace(0, 1)
    best = int(z.mean(axis=1).idxmax())
    table["chosen"] = table["k"] == best
    table["edge"] = table["chosen"] & table["k"].isin([min(ks), max(ks)])
    return table


def margin_table(table: pd.DataFrame) -> pd.DataFrame:
    """By k: the corpus's margin over the baseline, coherence and exclusivity in the null
    distribution's standard deviations, stability as a difference."""
    real = table[table["corpus"] == "corpus"].set_index("k")
    null = table[table["corpus"] == "shuffled baseline"].set_index("k")
    margins = pd.DataFrame(index=real.index)
    for m in ("coherence", "exclusivity"):
        sd = null.get(f"sd_{m}", pd.Series(np.nan, index=null.index)).replace(0, np.nan)
        diff = real[m] - null[m]
        margins[m] = (diff / sd).fillna(diff)
    margins["stability"] = real["stability"] - null["stability"]
    return margins


def at_edge(table: pd.DataFrame) -> bool:
    """Whether the chosen k is the smallest or largest searched (the best may lie beyond)."""
    return bool(table.get("edge", pd.Series([False])).any())


def chosen_k(table: pd.DataFrame) -> int:
    return int(table.loc[table["chosen"], "k"].iloc[0])


def labels(model: TopicModel, n: int = TOP_WORDS) -> pd.DataFrame:
    """Each topic's top words and FREX words (frequent and exclusive), and a short label."""
    phi = model.components / np.maximum(model.components.sum(axis=1, keepdims=True), 1e-12)
    excl = phi / np.maximum(phi.sum(axis=0, keepdims=True), 1e-12)
    rows = []
    for t in range(model.k):
        rank_excl = pd.Series(excl[t]).rank(pct=True).to_numpy()
        rank_freq = pd.Series(phi[t]).rank(pct=True).to_numpy()
        frex = 1 / (FREX_WEIGHT / rank_excl + (1 - FREX_WEIGHT) / rank_freq)
        top = [str(model.terms[i]) for i in _top(model.components[t:t + 1], n)[0]]
        best = [str(model.terms[i]) for i in np.argsort(-frex, kind="stable")[:n]]
        rows.append({"topic": t + 1, "label": "·".join(top[:3]), "top_words": "、".join(top),
                     "frex_words": "、".join(best),
                     "share": float(model.shares[:, t].sum() / max(model.shares.sum(), 1e-12))})
    return pd.DataFrame(rows).set_index("topic")


def representative(model: TopicModel, texts: pd.Series, n: int = 3) -> pd.DataFrame:
    """The `n` statements most devoted to each topic, ranked on the model's unnormalised
    weight (not the share, where every statement wholly in the topic ties at 100 %), with
    how many statements are wholly in the topic."""
    weights = model.weights if model.weights is not None else model.shares
    rows = []
    for t in range(model.k):
        order = np.argsort(-weights[:, t], kind="stable")[:n]
        whole = int((model.shares[:, t] >= 0.999).sum())
        rows += [{"topic": t + 1, "rank": r + 1, "share": float(model.shares[i, t]),
                  "weight": float(weights[i, t]), "statements_wholly_in_topic": whole,
                  "problem": texts.iloc[i]} for r, i in enumerate(order)]
    return pd.DataFrame(rows)
