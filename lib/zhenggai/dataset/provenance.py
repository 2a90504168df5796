"""Where each notice came from: the raw folder's manifest, `sources.csv`.

`zhenggai collect` writes the manifest; a researcher may write it by hand. Every column is
optional: `file` names the raw file, and `url`, `final_url` (after redirects),
`retrieved_at` (UTC ISO 8601), `sha256`, `http_status`, `content_type`, `site` and
`published_at` say where and when it was fetched (a row with `duplicate_of` notes the same
content under another URL, and gives no provenance). The build reads it whenever it is there:
- each notice gains `source_url` (the URL asked for, else the final one), `retrieved_at` and
  `source_site`;
- a row naming a file that is not in the folder, a file without a row, and a `sha256` that
  does not match the file's bytes are warnings in `ingest_log`, never failures.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from zhenggai.dataset.ingest import MANIFEST
from zhenggai.read.decode import decode_bytes

PROVENANCE_COLUMNS = ("source_url", "retrieved_at", "source_site")
MAX_LISTED = 5  # files named in one ingest_log message; past this, a count


@dataclass
class Manifest:
    """The rows of sources.csv by file name, and what was wrong with the file itself."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    problem: str = ""  # why the manifest could not be read at all, if it could not


def read_manifest(raw_dir: Path) -> Manifest | None:
    """The manifest of a raw folder, or None when it has none."""
    path = Path(raw_dir) / MANIFEST
    if not path.is_file():
        return None
    try:
        text = decode_bytes(path.read_bytes()).text
        reader = csv.DictReader(io.StringIO(text))
        rows = {}
        for row in reader:
            clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()
                     if isinstance(v, str)}
            if clean.get("file") and not clean.get("duplicate_of"):
                rows.setdefault(clean["file"], clean)  # a file's first row says where from
    except (OSError, ValueError, csv.Error) as exc:
        return Manifest(problem=f"{MANIFEST} could not be read ({exc}); no provenance taken")
    if "file" not in (name.strip().lower() for name in reader.fieldnames or []):
        return Manifest(problem=f"{MANIFEST} has no 'file' column; no provenance taken")
    return Manifest(rows)


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:MAX_LISTED])
    return shown + (f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else "")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _file_warnings(raw_dir: Path, manifest: Manifest, names: list[str], statuses: list[str],
                   hashes: dict[str, str]) -> dict[str, str]:
    """Entry name → the manifest's warning about it (no row, a hash that does not match)."""
    found = {}
    for name, status in zip(names, statuses, strict=True):
        if name == MANIFEST or status == "skipped":
            continue
        row = manifest.rows.get(name)
        if row is None:  # said of the notices; a rejected file says why it was rejected
            if status in ("ok", "warning"):
                found[name] = f"no row in {MANIFEST}: where the file came from is unknown"
            continue
        expected = row.get("sha256", "").lower()
        if expected:
            try:
                actual = hashes.get(name) or _sha256(Path(raw_dir) / name)
            except OSError:
                continue
            if actual != expected:
                found[name] = (f"its sha256 in {MANIFEST} ({expected[:12]}…) does not match "
                               f"the file ({actual[:12]}…): it changed since it was saved")
    return found


def _with_warnings(log: pa.Table, warnings: dict[str, str]) -> pa.Table:
    """The log with the manifest's warnings, those of an earlier build (a reused row)
    taken off first: each of them names the manifest."""
    names = log["source_file"].to_pylist()
    statuses, messages = log["status"].to_pylist(), log["message"].to_pylist()
    for k, name in enumerate(names):
        parts = messages[k].split("; ")
        kept = [m for m in parts if MANIFEST not in m]
        if len(kept) < len(parts):
            messages[k] = "; ".join(kept)
            if name == MANIFEST:
                statuses[k] = "skipped"
            elif statuses[k] == "warning" and not kept:
                statuses[k] = "ok"
    for k, name in enumerate(names):
        if name in warnings:
            messages[k] = "; ".join(m for m in (messages[k], warnings[name]) if m)
            if statuses[k] == "ok" or name == MANIFEST:
                statuses[k] = "warning"
    for name, values in (("status", statuses), ("message", messages)):
        log = log.set_column(log.column_names.index(name), name, pa.array(values, pa.string()))
    return log


class Provenance:
    """The manifest of a raw folder, applied to the tables a batch at a time."""

    def __init__(self, raw_dir: Path, names: list[str]) -> None:
        """`names` are every entry of the folder (rows naming anything else are warned of)."""
        self.raw_dir = Path(raw_dir)
        self.manifest = read_manifest(raw_dir)
        self.folder_warning = ""  # the manifest's own, on its ingest_log row
        if self.manifest is not None:
            if self.manifest.problem:
                self.folder_warning = self.manifest.problem
            elif missing := sorted(set(self.manifest.rows) - set(names)):
                self.folder_warning = (f"{len(missing)} row(s) of {MANIFEST} name files not "
                                       f"in the folder: {_listed(missing)}")

    def source_of(self, name: str) -> str:
        """What the manifest says of an entry, as text: part of its batch's key
        (zhenggai.dataset.batches)."""
        if self.manifest is None:
            return ""
        return json.dumps([self.manifest.problem, self.manifest.rows.get(name)],
                          ensure_ascii=False, sort_keys=True)

    def apply(self, tables: dict[str, pa.Table], hashes: dict[str, str] | None = None
              ) -> dict[str, pa.Table]:
        """The tables with each notice's provenance and the manifest's warnings filled in;
        `hashes` are the entries' SHA-256 the build already took (a file not in them is
        read)."""
        manifest = self.manifest
        notices, log = tables["notices"], tables["ingest_log"]
        files = notices["source_file"].to_pylist()
        rows = [(manifest.rows.get(f, {}) if manifest else {}) for f in files]
        values = {
            "source_url": [r.get("url") or r.get("final_url", "") for r in rows],
            "retrieved_at": [r.get("retrieved_at", "") for r in rows],
            "source_site": [r.get("site", "") for r in rows],
        }
        for column, column_values in values.items():
            notices = notices.set_column(notices.column_names.index(column), column,
                                         pa.array(column_values, pa.string()))
        if manifest is not None:
            names = log["source_file"].to_pylist()
            warnings = {} if manifest.problem else _file_warnings(
                self.raw_dir, manifest, names, log["status"].to_pylist(), hashes or {})
            if self.folder_warning:
                warnings[MANIFEST] = self.folder_warning
            log = _with_warnings(log, warnings)
        return {**tables, "notices": notices, "ingest_log": log}

