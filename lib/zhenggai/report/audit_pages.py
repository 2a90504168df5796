"""Which notices get an audit page (zhenggai.report.audit), and the index of every file.

A corpus of up to AUDIT_ALL notices gets a page for every notice. A larger one gets a page
for every notice with a warning, and for a stated sample of AUDIT_SAMPLE of the others: the
notices whose notice_id has the smallest SHA-256, a sample that does not depend on the order
of the files and keeps its members as the corpus grows. `zhenggai audit NOTICE_ID` writes the
page of any other notice on demand. reports/notices/index.html lists every file, by unit,
with its place and year, and the link to its page or the command that writes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from zhenggai.dataset.entries import scan
from zhenggai.dataset.load import load_tables
from zhenggai.notice.model import NotANotice
from zhenggai.read.document import ReadError, read_document
from zhenggai.report.audit import STYLE, audit_page, esc, table_html

AUDIT_ALL = 1_000  # notices; up to this many, every notice gets a page
AUDIT_SAMPLE = 500  # past AUDIT_ALL: notices without a warning that get a page
_ABOUT = ["notice_id", "source_file", "unit", "province", "city", "county",
          "inspection_start", "feedback_date", "warnings", "source_url", "retrieved_at",
          "source_site"]


class NoSuchNotice(LookupError):
    """A notice_id the dataset does not have."""


Task = tuple[Path, str, str, Path, dict[str, str]]


def _write_page(task: Task) -> str:
    """Write one notice's audit page; "" when written, else why not."""
    path, source_file, notice_id, folder, source = task
    try:
        page = audit_page(read_document(Path(path)).text, source_file, source)
    except (OSError, ReadError, NotANotice) as exc:
        return str(exc) or type(exc).__name__
    (folder / f"{notice_id}.html").write_text(page, encoding="utf-8")
    return ""


def _written(tasks: list[Task], advance: Callable[[], None]) -> list[str]:
    """Write the pages, over a process pool when there are many (each parses its notice)."""
    from zhenggai.dataset.assemble import POOL_MIN_FILES, started_pool, stop_pool

    pool = started_pool() if len(tasks) >= POOL_MIN_FILES else None
    results = []
    try:
        for result in (pool.map(_write_page, tasks, chunksize=16) if pool
                       else map(_write_page, tasks)):
            results.append(result)
            advance()
    except BaseException:
        if pool:
            stop_pool(pool)
        raise
    finally:
        if pool:
            pool.shutdown(wait=True)
    return results


def sampled(notice_ids: list[str], k: int) -> set[str]:
    """The k notice_ids with the smallest SHA-256 (see the module docstring)."""
    return set(sorted(notice_ids, key=lambda n: hashlib.sha256(n.encode()).digest())[:k])


def chosen(notices: pd.DataFrame) -> tuple[set[str], str]:
    """The notices that get a page, and a sentence saying which."""
    ids = notices["notice_id"].tolist()
    if len(ids) <= AUDIT_ALL:
        return set(ids), f"An audit page for every notice ({len(ids)})."
    warned = set(notices.loc[notices["warnings"] != "", "notice_id"])
    rest = [n for n in ids if n not in warned]
    sample = sampled(rest, AUDIT_SAMPLE)
    return warned | sample, (
        f"Audit pages for the {len(warned)} notices with a warning, and for a sample of "
        f"{len(sample)} of the {len(rest)} others (those whose notice_id has the smallest "
        "SHA-256: the sample does not depend on the order of the files). For any other "
        "notice, <code>zhenggai audit NOTICE_ID</code> writes its page into this folder.")


def _about(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    frames = load_tables(data_dir, tables=["notices", "ingest_log"],
                         columns={"notices": _ABOUT,
                                  "ingest_log": ["source_file", "notice_id", "status",
                                                 "message"]})
    return frames["notices"], frames["ingest_log"]


def _task(row, paths: dict[str, Path], raw_dir: Path, folder: Path) -> Task:
    # the tables name a file by its display name (GBK decoded, controls escaped): the entry
    # scanned under that name is the file on disk
    source = {k: getattr(row, k) for k in ("source_url", "retrieved_at", "source_site")}
    return (paths.get(row.source_file, raw_dir / row.source_file), row.source_file,
            row.notice_id, folder, source)


Progress = Callable[[int], tuple[Callable[[], None], Callable[[], None]]]


def _progress_bar(total: int) -> tuple[Callable[[], None], Callable[[], None]]:
    from zhenggai.progress import progress

    return progress(total, "audit pages", "pages")


def write_audit_pages(raw_dir: Path, data_dir: Path, out_dir: Path,
                      progress: Progress = _progress_bar) -> list[Path]:
    """The audit pages of a build (see the module docstring), and the index of every file;
    `progress(n_pages)` gives the (advance, finish) of a progress bar (by default one on a
    terminal, nothing elsewhere)."""
    raw_dir, folder = Path(raw_dir), Path(out_dir) / "notices"
    folder.mkdir(parents=True, exist_ok=True)
    notices, log = _about(Path(data_dir))
    pages, which = chosen(notices)
    paths = {entry.name: entry.path for entry in scan(raw_dir)}
    todo = notices[notices["notice_id"].isin(pages)]
    advance, finish = progress(len(todo))
    try:
        failures = dict(zip(todo["notice_id"], _written(
            [_task(row, paths, raw_dir, folder) for row in todo.itertuples()], advance),
            strict=True))
    finally:
        finish()
    for stale in folder.glob("*.html"):  # pages of notices no longer chosen or present
        if stale.stem not in failures and stale.name != "index.html":
            stale.unlink()
    _write_index(folder, notices, log, failures, which)
    return [folder / f"{n}.html" for n, failure in failures.items() if not failure]


def write_audit_page(notice_id: str, raw_dir: Path, data_dir: Path, out_dir: Path) -> Path:
    """The audit page of one notice, on demand (`zhenggai audit NOTICE_ID`)."""
    notices, _ = _about(Path(data_dir))
    match = notices[notices["notice_id"] == notice_id]
    if match.empty:
        raise NoSuchNotice(f"no notice {notice_id} in {data_dir}")
    folder = Path(out_dir) / "notices"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {entry.name: entry.path for entry in scan(Path(raw_dir))}
    failure = _write_page(_task(next(match.itertuples()), paths, Path(raw_dir), folder))
    if failure:
        raise OSError(failure)
    return folder / f"{notice_id}.html"


def _write_index(folder: Path, notices: pd.DataFrame, log: pd.DataFrame,
                 failures: dict[str, str], which: str) -> None:
    about = {}
    for row in notices.itertuples():
        place = " ".join(v for v in (row.province, row.city, row.county) if v)
        when = row.inspection_start if pd.notna(row.inspection_start) else row.feedback_date
        about[row.notice_id] = (row.unit, place, str(when.year) if pd.notna(when) else "")
    rows = []
    for row in log.itertuples():
        unit, place, year = about.get(row.notice_id, ("", "", ""))
        if not row.notice_id:
            link = ""
        elif row.notice_id not in failures:
            link = f"<code>zhenggai audit {esc(row.notice_id)}</code>"
        elif failures[row.notice_id]:
            link = "audit page not written: " + esc(failures[row.notice_id])
        else:
            link = f'<a href="{row.notice_id}.html">audit page</a>'
        rows.append((unit or "~", [esc(unit), esc(place), esc(year), link, esc(row.source_file),
                                   esc(row.status), esc(row.message)]))
    rows.sort(key=lambda r: r[0])  # by unit; files that hold no notice last
    index = table_html(["unit", "place", "year", "audit page", "file", "status", "message"],
                  [cells for _, cells in rows], [f"f{i}" for i in range(len(rows))])
    (folder / "index.html").write_text(
        f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>Notices</title>
<style>{STYLE}</style></head><body><p><a href="../index.html">report</a></p>
<h1>Every file, and the audit pages of the notices</h1>
<p>{which}</p>
<p>By inspected unit, with its place and the year its inspection began; use the browser's
find (Ctrl-F) to search by unit, place or year.</p>{index}</body></html>
""", encoding="utf-8")
