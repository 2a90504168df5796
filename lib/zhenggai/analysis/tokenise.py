"""Tokenising problem statements with jieba, a domain dictionary and the genre's stop words.

Both word lists are package data (lib/zhenggai/resources/domain_dict.txt and stopwords.txt) so
researchers can edit them. A private jieba Tokenizer keeps the global one untouched, and
jieba's segmentation is deterministic for a given dictionary.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib.resources import files

import jieba

_KEEP = re.compile(r"[\u4e00-\u9fff]")


def _resource(name: str) -> str:
    return files("zhenggai.resources").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The genre's boilerplate words (问题, 整改, 进一步, 加强…)."""
    return frozenset(
        line.strip() for line in _resource("stopwords.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def domain_terms() -> tuple[str, ...]:
    """Terms of the domain dictionary (四个意识, 三会一课…), kept whole by the tokeniser."""
    return tuple(line.split()[0] for line in _resource("domain_dict.txt").splitlines()
                 if line.strip())


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for line in _resource("domain_dict.txt").splitlines():
        parts = line.split()
        if parts:
            tokenizer.add_word(parts[0], int(parts[1]) if len(parts) > 1 else None,
                               parts[2] if len(parts) > 2 else None)
    return tokenizer


def tokenise(text: str) -> list[str]:
    """Content words of a text: Chinese tokens of two or more characters (or domain terms),
    stop words removed."""
    return list(_tokens(text))


@lru_cache(maxsize=2**18)  # a notebook tokenises the same statements for every model
def _tokens(text: str) -> tuple[str, ...]:
    stops = stop_words()
    tokens = []
    for token in _tokenizer().cut(text, HMM=False):
        token = token.strip()
        if not _KEEP.search(token) or token in stops:
            continue
        if len(token) >= 2 or token in domain_terms():
            tokens.append(token)
    return tuple(tokens)
