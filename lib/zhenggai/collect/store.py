"""The raw folder as the collector keeps it: each page's bytes exactly as received, under a
readable name plus a short hash, and one row of `sources.csv` per URL.

A URL already in `sources.csv` (asked for, or reached after redirects) is held and not fetched
again. Content already held under another URL is not saved twice: its row names the file it
duplicates (`duplicate_of`), and the build takes provenance from the first row of a file.
Rows are appended as pages are saved, after their file, so an interrupted run leaves a
consistent folder.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from zhenggai.collect.fetch import Fetched
from zhenggai.dataset.ingest import MANIFEST

COLUMNS = ["file", "url", "final_url", "retrieved_at", "sha256", "http_status",
           "content_type", "site", "published_at", "duplicate_of", "note"]
_SUFFIX_OF_TYPE = {"text/html": ".html", "application/xhtml+xml": ".html",
                   "application/pdf": ".pdf", "text/plain": ".txt",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
                       ".docx"}
_KNOWN_SUFFIXES = (".html", ".htm", ".shtml", ".pdf", ".docx", ".txt", ".md")
_UNSAFE = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff_-]+")
MAX_STEM = 60


def file_name(fetched: Fetched, sha256: str) -> str:
    """A readable name: the site, the page's own name, a short hash, the right suffix."""
    parts = urlsplit(fetched.final_url or fetched.url)
    path = unquote(parts.path.rstrip("/"))
    stem, dot, suffix = path.rsplit("/", 1)[-1].rpartition(".")
    stem = stem if dot else suffix
    suffix = f".{suffix.lower()}" if dot else ""
    by_type = _SUFFIX_OF_TYPE.get(fetched.content_type.split(";")[0].strip().lower(), "")
    if suffix in (".htm", ".shtml"):
        suffix = ".html"
    if suffix not in _KNOWN_SUFFIXES:
        suffix = by_type or ".html"
    host = _UNSAFE.sub("-", parts.hostname or "site").strip("-")
    stem = _UNSAFE.sub("-", stem).strip("-")[:MAX_STEM] or "page"
    return f"{host}_{stem}_{sha256[:8]}{suffix}"


class RawFolder:
    """A raw folder being collected into, with its manifest."""

    def __init__(self, raw: Path) -> None:
        self.raw = Path(raw)
        self.raw.mkdir(parents=True, exist_ok=True)
        self.manifest = self.raw / MANIFEST
        self.columns, rows = self._read()
        self.held = {u for row in rows for u in (row.get("url"), row.get("final_url")) if u}
        self.by_sha = {row["sha256"]: row["file"] for row in rows
                       if row.get("sha256") and row.get("file") and not row.get("duplicate_of")}
        self.first_url = {row["file"]: row.get("url", "") for row in reversed(rows)
                          if row.get("file")}
        self.pending: dict[str, str] = {}

    def _read(self) -> tuple[list[str], list[dict[str, str]]]:
        """The manifest's columns and rows; a manifest lacking columns is rewritten with
        them (its rows kept as they were)."""
        if not self.manifest.is_file():
            with open(self.manifest, "w", encoding="utf-8", newline="") as f:
                csv.writer(f, lineterminator="\n").writerow(COLUMNS)
            return list(COLUMNS), []
        with open(self.manifest, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            rows = [dict(row) for row in reader]
            columns = list(reader.fieldnames or [])
        missing = [c for c in COLUMNS if c not in columns]
        if missing:
            columns += missing
            temporary = self.manifest.with_name(f".{MANIFEST}.tmp")
            with open(temporary, "w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, columns, restval="", lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
            os.replace(temporary, self.manifest)
        return columns, rows

    def holds(self, url: str) -> bool:
        return url in self.held

    def _append(self, row: dict[str, str]) -> None:
        with open(self.manifest, "a", encoding="utf-8", newline="") as f:
            csv.DictWriter(f, self.columns, restval="", extrasaction="ignore",
                           lineterminator="\n").writerow(row)
        self.held.update(u for u in (row.get("url"), row.get("final_url")) if u)

    def save(self, fetched: Fetched, site: str) -> tuple[str, str]:
        """Save a page's bytes (unless the same bytes are held) and its row; returns the
        file's name and, for a copy, the URL of the page first saved with it."""
        sha = hashlib.sha256(fetched.body).hexdigest()
        row = {"url": fetched.url, "final_url": fetched.final_url,
               "retrieved_at": fetched.retrieved_at, "sha256": sha,
               "http_status": str(fetched.status or ""), "content_type": fetched.content_type,
               "site": site}
        if sha in self.by_sha:
            name = self.by_sha[sha]
            first = self.first_url.get(name, "")
            self._append({**row, "file": name, "duplicate_of": first or name,
                          "note": "the same content as an earlier page: saved once"})
            return name, first or name
        name = file_name(fetched, sha)
        temporary = self.raw / f".{name}.part"
        temporary.write_bytes(fetched.body)
        os.replace(temporary, self.raw / name)
        self.by_sha[sha] = name
        self.first_url[name] = fetched.url
        self.pending = {**row, "file": name}
        return name, ""

    def record(self, published_at: str = "", note: str = "") -> None:
        """The row of the page just saved (after its file is judged)."""
        self._append({**self.pending, "published_at": published_at, "note": note})
