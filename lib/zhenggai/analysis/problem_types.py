"""Problem types by k-means, beside the topic models: TF-IDF over jieba tokens, k-means
clusters, and how far to trust them.

The number of clusters is chosen by the mean silhouette (cosine) over k = 2 … min(30, n/3), a
range the method does not cap, and every silhouette is shown beside that of the same
clustering on shuffled tokens (the baseline of no structure). Every random step has a fixed
seed; past a few thousand problems the silhouette is computed on a sample and k-means runs
in mini-batches. Stability is measured as the adjusted Rand index (ARI) between
the chosen clustering and (a) clusterings from other seeds, (b) clusterings of bootstrap
resamples, compared on the problems they share.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics import adjusted_rand_score, silhouette_score

from zhenggai.analysis import represent
from zhenggai.analysis.topics import k_values, shuffled

SEED = 0
MAX_K = 30
LARGE = 5000  # problems beyond which k-means runs in mini-batches
SILHOUETTE_SAMPLE = 2000  # the silhouette is O(n²): computed on a sample beyond this
SELECT_SAMPLE = 20_000  # problems k is chosen on, at most (the silhouette sees 2,000 anyway)


@dataclass
class Clustering:
    """The outcome of `cluster_problems`."""

    matrix: sparse.csr_matrix  # TF-IDF, one row per problem (L2-normalised)
    terms: np.ndarray  # vocabulary, column order of `matrix`
    labels: np.ndarray  # cluster of each problem, 0..k-1
    k: int
    silhouettes: pd.DataFrame  # mean silhouette by k, and on the shuffled baseline
    model: KMeans
    n_selected: int = 0  # problems k was chosen on (SELECT_SAMPLE at most)


def tfidf(texts: pd.Series, unit: str = represent.WORDS) -> tuple[sparse.csr_matrix, np.ndarray]:
    """TF-IDF of the texts (see zhenggai.analysis.represent)."""
    return represent.tfidf(texts, unit)


def _kmeans(matrix, k: int, seed: int):
    if matrix.shape[0] > LARGE:
        return MiniBatchKMeans(n_clusters=k, n_init=3, random_state=seed).fit(matrix)
    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit(matrix)


def _silhouette(matrix, labels) -> float:
    if len(set(labels)) < 2:
        return float("nan")
    sample = min(matrix.shape[0], SILHOUETTE_SAMPLE)
    return float(silhouette_score(matrix, labels, metric="cosine", sample_size=sample,
                                  random_state=SEED))


def cluster_problems(texts: pd.Series, k_range: range | None = None) -> Clustering:
    """Cluster problem statements; k chosen by the best mean cosine silhouette, each shown
    beside the silhouette of the shuffled baseline. Past SELECT_SAMPLE problems, k is chosen
    on a fixed random sample of them (`n_selected`); the chosen k clusters every problem."""
    counts, terms = represent.counts(texts)
    matrix = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()  # = tfidf()
    n = matrix.shape[0]
    if k_range is None:  # the range is not capped below n/3; past 8 values it is sampled
        k_range = k_values(n)
    k_range = [k for k in k_range if 2 <= k < n]
    if not k_range:
        raise ValueError(f"too few problems ({n}) to cluster")
    baseline = TfidfTransformer(sublinear_tf=True).fit_transform(shuffled(counts)).tocsr()
    chosen_on, chance_on = matrix, baseline
    if n > SELECT_SAMPLE:
        rows = np.sort(np.random.default_rng(SEED).choice(n, SELECT_SAMPLE, replace=False))
        chosen_on, chance_on = matrix[rows], baseline[rows]
    scores, chance = {}, {}
    for k in k_range:
        scores[k] = _silhouette(chosen_on, _kmeans(chosen_on, k, SEED).labels_)
        chance[k] = _silhouette(chance_on, _kmeans(chance_on, k, SEED).labels_)
    silhouettes = pd.DataFrame({"silhouette": scores, "shuffled baseline": chance}
                               ).rename_axis("k")
    k = int(silhouettes["silhouette"].idxmax())
    model = _kmeans(matrix, k, SEED)
    return Clustering(matrix, terms, model.labels_, k, silhouettes, model,
                      chosen_on.shape[0])


def stability(clustering: Clustering, seeds: int = 20, resamples: int = 30,
              fraction: float = 0.8) -> pd.DataFrame:
    """ARI of the chosen clustering against other seeds and against bootstrap subsamples
    (fewer of each past LARGE problems, where one run takes a while)."""
    rng = np.random.default_rng(SEED)
    n = clustering.matrix.shape[0]
    if n > LARGE:
        seeds, resamples = min(seeds, 5), min(resamples, 5)
    by_seed = [adjusted_rand_score(clustering.labels,
                                   _kmeans(clustering.matrix, clustering.k, s).labels_)
               for s in range(1, seeds + 1)]
    by_resample = []
    for _ in range(resamples):
        rows = np.sort(rng.choice(n, size=int(n * fraction), replace=False))
        labels = _kmeans(clustering.matrix[rows], clustering.k, SEED).labels_
        by_resample.append(adjusted_rand_score(clustering.labels[rows], labels))
    table = pd.DataFrame({
        "check": [f"{seeds} other seeds", f"{resamples} subsamples of {fraction:.0%}"],
        "mean_ari": [np.mean(by_seed), np.mean(by_resample)],
        "min_ari": [np.min(by_seed), np.min(by_resample)],
        "max_ari": [np.max(by_seed), np.max(by_resample)],
    })
    return table.set_index("check")
