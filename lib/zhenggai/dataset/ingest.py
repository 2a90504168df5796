"""From a folder of raw notices to the dataset: every file read, parsed and accounted for.

Every file in the raw folder gets a row in `ingest_log`: parsed (ok / warning), rejected with
the reason, or skipped (the manifest). One bad file never stops the batch. Outputs are
deterministic: files are read in name order and nothing depends on the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from zhenggai.dataset.tables import tables
from zhenggai.dataset.write import write_tables
from zhenggai.notice.model import NotANotice, Notice
from zhenggai.notice.parse import parse_notice
from zhenggai.read.document import ReadError, read_document

MANIFEST = "sources.csv"


@dataclass
class ParsedFile:
    """One input file: its ingest-log row and, when parsed, its notice."""

    source_file: str
    status: str  # ok / warning / rejected / skipped
    message: str
    encoding: str = ""
    file_format: str = ""
    notice: Notice | None = None
    evidence: str = ""  # what decided the status (see the ingest_log schema)


def parse_file(path: Path) -> ParsedFile:
    """Read and parse one file; never raises for bad input."""
    try:
        document = read_document(path)
    except ReadError as exc:
        return ParsedFile(path.name, "rejected", str(exc), evidence=f"unreadable: {exc}")
    try:
        notice = parse_notice(document.text)
    except NotANotice as exc:
        return ParsedFile(path.name, "rejected", str(exc), document.encoding,
                          document.file_format, evidence=f"rejected: {exc}")
    status = "warning" if notice.warnings else "ok"
    return ParsedFile(path.name, status, "; ".join(notice.warnings), document.encoding,
                      document.file_format, notice, notice.evidence)


def parse_folder(raw_dir: Path) -> list[ParsedFile]:
    """Parse every file of a folder (not recursing; hidden files ignored), in name order."""
    results = []
    for path in sorted(p for p in Path(raw_dir).iterdir()
                       if p.is_file() and not p.name.startswith(".")):
        if path.name == MANIFEST:
            results.append(ParsedFile(path.name, "skipped", "manifest of the raw files",
                                      evidence=f"skipped: named {MANIFEST}"))
            continue
        results.append(parse_file(path))
    return results


def build(raw_dir: Path, out_dir: Path) -> dict[str, pd.DataFrame]:
    """Parse a raw folder and write the dataset into out_dir; return the tables."""
    frames = tables(parse_folder(Path(raw_dir)))
    write_tables(frames, Path(out_dir))
    return frames
