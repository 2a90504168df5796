"""Template against substance: which passages notices share word for word.

Notices of one round, one inspection team or one system are often written from a model: the
same sentences about study, responsibility and mechanisms recur with another unit's name.
Passages are compared as shingles (runs of SHINGLE Chinese characters, hashed): a notice's
template share is the share of its shingles that also occur in another notice; a problem is
shared when another notice states a near-identical one (estimated Jaccard similarity of
shingles of at least SHARED_SIMILARITY, found with MinHash and locality-sensitive hashing,
datasketch, so that the search does not compare every pair).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import numpy as np
import pandas as pd

SHINGLE = 8  # characters: longer than any stock phrase of two or three words
SHARED_SIMILARITY = 0.8
PERMUTATIONS = 128  # MinHash permutations
MAX_NOTICES = 5000  # past this, a stated random sample of notices is compared
_NOT_CJK = re.compile(r"[^\u3400-\u9fff]")


def shingles(text: str) -> set[int]:
    """The hashed shingles of a text's Chinese characters (punctuation and numbers out, so a
    changed figure or comma does not hide a copied sentence)."""
    chars = _NOT_CJK.sub("", str(text))
    return {_stable_hash(chars[i:i + SHINGLE]) for i in range(len(chars) - SHINGLE + 1)}


def _stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (Python's hash() is salted)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def notice_texts(frames: dict[str, pd.DataFrame]) -> pd.Series:
    """Each notice's problems and responses, as one text (what the dataset holds of it)."""
    problems = frames["problems"]
    text = problems["problem"].fillna("") + "\n" + problems["response"].fillna("")
    return text.groupby(problems["notice_id"], sort=False).agg("\n".join)


_BASE = np.uint64(0x100000001B3)  # the rolling hash's multiplier (FNV's 64-bit prime)


def shingle_codes(text: str) -> np.ndarray:
    """A text's distinct shingles as 64-bit codes, computed at once over its characters (a
    rolling polynomial hash, the same in every process): what template_share counts, in a
    few bytes a shingle rather than a Python object each."""
    chars = _NOT_CJK.sub("", str(text))
    n = len(chars) - SHINGLE + 1
    if n <= 0:
        return np.empty(0, np.uint64)
    points = np.frombuffer(chars.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    codes = np.zeros(n, np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for j in range(SHINGLE):
            codes = codes * _BASE + points[j:j + n]
    return np.unique(codes)


def compared_notices(problems: pd.DataFrame) -> pd.Series:
    """The notices the template measures compare: all of them, or past MAX_NOTICES a stated
    random sample (fixed seed). A notebook can load the responses of these alone."""
    notices = problems["notice_id"].drop_duplicates()
    return notices.sample(MAX_NOTICES, random_state=0) if len(notices) > MAX_NOTICES \
        else notices


def template_share(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per notice: its shingles, those shared with another notice, and the template share
    (past MAX_NOTICES notices, among the sample of compared_notices). The problems table
    needs its responses, of those notices at least. Each notice's text is turned into codes
    and let go; the codes seen more than once are found by one sort."""
    problems = frames["problems"]
    notices = compared_notices(problems)
    problems = problems[problems["notice_id"].isin(set(notices))]
    text = problems["problem"].fillna("") + "\n" + problems["response"].fillna("")
    by_notice = dict(list(text.groupby(problems["notice_id"], sort=False)))
    codes = [shingle_codes("\n".join(by_notice.pop(n))) for n in notices]
    flat = np.concatenate(codes) if codes else np.empty(0, np.uint64)
    flat.sort()  # in place: the codes are the largest thing held here
    repeated = np.unique(flat[1:][flat[1:] == flat[:-1]])  # in two notices or more
    del flat
    sizes = np.array([len(c) for c in codes], dtype=int)
    shared = np.array([int(np.isin(c, repeated, assume_unique=True).sum()) for c in codes],
                      dtype=int)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(sizes > 0, shared / np.maximum(sizes, 1), np.nan)
    return pd.DataFrame({"notice_id": list(notices), "shingles": sizes,
                         "shared_shingles": shared, "template_share": share})


MAX_PAIRS = 5_000  # pairs listed, at most; all of them are counted (attrs["n_pairs"])
_PAIR_COLUMNS = ["notice_id", "problem_seq", "other_notice_id", "other_problem_seq",
                 "similarity", "problem"]


def _pairs_between(a: list[int], b: list[int], notice: pd.Series, same: bool) -> int:
    """How many pairs of problems, one of `a` and one of `b` (two of `a` when `same`), stand
    in different notices: counted, not listed."""
    in_a, in_b = Counter(notice[a]), Counter(notice[b])
    if same:
        return (len(a) * (len(a) - 1) - sum(m * (m - 1) for m in in_a.values())) // 2
    return len(a) * len(b) - sum(m * in_b.get(n, 0) for n, m in in_a.items())


def shared_problems(frames: dict[str, pd.DataFrame],
                    similarity: float = SHARED_SIMILARITY) -> pd.DataFrame:
    """Pairs of problems of different notices stated near word for word, each with its
    estimated similarity: the first MAX_PAIRS listed, all counted in attrs["n_pairs"] (a
    statement copied by a thousand notices makes half a million pairs). Problems with the
    same shingles are hashed once, so the search grows with the distinct statements."""
    from datasketch import MinHash, MinHashLSH

    problems = frames["problems"]
    keep = set(compared_notices(problems))
    problems = problems[problems["notice_id"].isin(keep)].reset_index(drop=True)
    members: dict[frozenset, list[int]] = {}
    for k, text in enumerate(problems["problem"]):
        if found := frozenset(shingles(text)):
            members.setdefault(found, []).append(k)
    lsh = MinHashLSH(threshold=similarity, num_perm=PERMUTATIONS)
    hashes = []
    for u, found in enumerate(members):
        minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
        minhash.update_batch([str(s).encode() for s in sorted(found)])
        hashes.append(minhash)
        lsh.insert(u, minhash)
    groups, notice = list(members.values()), problems["notice_id"]
    rows, n_pairs = [], 0
    for u, minhash in enumerate(hashes):
        for v in sorted(w for w in lsh.query(minhash) if w >= u):
            n_pairs += _pairs_between(groups[u], groups[v], notice, u == v)
            score = 1.0 if u == v else minhash.jaccard(hashes[v])
            pairs = ((i, j) for i in groups[u] for j in groups[v]
                     if (u != v or j > i) and notice[i] != notice[j])
            for i, j in pairs:
                if len(rows) >= MAX_PAIRS:
                    break
                first, second = min(i, j), max(i, j)
                rows.append([notice[first], problems.at[first, "problem_seq"],
                             notice[second], problems.at[second, "problem_seq"], score,
                             problems.at[first, "problem"]])
    table = pd.DataFrame(rows, columns=_PAIR_COLUMNS)
    table.attrs["n_pairs"] = n_pairs
    return table
