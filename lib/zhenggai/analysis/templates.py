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


def template_share(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per notice: its shingles, those shared with another notice, and the template share."""
    texts = notice_texts(frames)
    if len(texts) > MAX_NOTICES:
        texts = texts.sample(MAX_NOTICES, random_state=0)
    sets = {notice: shingles(text) for notice, text in texts.items()}
    seen = Counter(s for found in sets.values() for s in found)
    rows = []
    for notice, found in sets.items():
        shared = sum(1 for s in found if seen[s] > 1)
        rows.append({"notice_id": notice, "shingles": len(found), "shared_shingles": shared,
                     "template_share": shared / len(found) if found else float("nan")})
    return pd.DataFrame(rows)


def shared_problems(frames: dict[str, pd.DataFrame],
                    similarity: float = SHARED_SIMILARITY) -> pd.DataFrame:
    """Pairs of problems of different notices stated near word for word: each pair with its
    estimated similarity."""
    from datasketch import MinHash, MinHashLSH

    problems = frames["problems"].reset_index(drop=True)
    if problems["notice_id"].nunique() > MAX_NOTICES:
        keep = problems["notice_id"].drop_duplicates().sample(MAX_NOTICES, random_state=0)
        problems = problems[problems["notice_id"].isin(set(keep))].reset_index(drop=True)
    lsh = MinHashLSH(threshold=similarity, num_perm=PERMUTATIONS)
    hashes = {}
    for k, text in enumerate(problems["problem"]):
        found = shingles(text)
        if not found:
            continue
        minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
        minhash.update_batch([str(s).encode() for s in sorted(found)])
        hashes[k] = minhash
        lsh.insert(k, minhash)
    rows = []
    for k, minhash in hashes.items():
        for other in lsh.query(minhash):
            if other > k and problems.at[other, "notice_id"] != problems.at[k, "notice_id"]:
                rows.append({"notice_id": problems.at[k, "notice_id"],
                             "problem_seq": problems.at[k, "problem_seq"],
                             "other_notice_id": problems.at[other, "notice_id"],
                             "other_problem_seq": problems.at[other, "problem_seq"],
                             "similarity": minhash.jaccard(hashes[other]),
                             "problem": problems.at[k, "problem"]})
    return pd.DataFrame(rows, columns=["notice_id", "problem_seq", "other_notice_id",
                                       "other_problem_seq", "similarity", "problem"])
