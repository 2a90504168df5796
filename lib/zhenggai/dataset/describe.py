"""Describing a built dataset in words: the data dictionary's corpus part, the build summary
and datapackage.json's sources. A build streams its tables batch by batch, so what these
say is gathered batch by batch too (Census), from a few values per notice."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import pyarrow as pa

from zhenggai.dataset import schema
from zhenggai.dataset.ingest import MANIFEST

MAX_LISTED = 20  # notices or files named one by one; past this, a count
MAX_SOURCES = 50  # sites listed one by one in datapackage.json; past this, a count


def _listed(names: list[str], n: int, separator: str) -> str:
    shown = separator.join(names[:MAX_LISTED])
    return shown + (f" … and {n - MAX_LISTED} more" if n > MAX_LISTED else "")


def _columns(table: pa.Table, *names: str) -> list[list]:
    return [table[name].to_pylist() for name in names]


_COUNTERS = ("statuses", "rows", "levels", "sites")
_COUNTS = ("cells", "n_warned", "with_status", "n_undated", "n_flagged", "unstated")
_FIRST_LISTED = ("warned", "undated", "rejected", "flagged")


class Census:
    """What the description needs, gathered from the tables' batches (a batch's census can
    be kept, and merged into a later build's: zhenggai.dataset.batches)."""

    def __init__(self) -> None:
        self.statuses: Counter[str] = Counter()
        self.rows: Counter[str] = Counter()  # rows per table
        self.cells = 0
        self.years: list[str] = []  # first and last year an inspection began
        self.levels: Counter[str] = Counter()
        self.provinces: set[str] = set()
        self.warned: list[str] = []  # the first MAX_LISTED lines; n_warned counts them all
        self.n_warned = 0
        self.with_status = 0
        self.undated: list[str] = []
        self.n_undated = 0
        self.rejected: list[str] = []
        self.flagged: list[str] = []  # the first MAX_LISTED files rejected, skipped or warned
        self.n_flagged = 0
        self.sites: Counter[tuple[str, str]] = Counter()
        self.unstated = 0

    def add(self, tables: dict[str, pa.Table]) -> None:
        """A batch of every table."""
        for name, table in tables.items():
            self.rows[name] += table.num_rows
            self.cells += table.num_rows * table.num_columns
        self.statuses.update(tables["ingest_log"]["status"].to_pylist())
        self._notices(tables["notices"])
        ids, statuses = _columns(tables["problems"], "notice_id", "status")
        self.with_status += len({nid for nid, s in zip(ids, statuses, strict=True) if s})
        for name, status, message in zip(*_columns(tables["ingest_log"], "source_file",
                                                   "status", "message"), strict=True):
            if status == "rejected" and len(self.rejected) < MAX_LISTED:
                self.rejected.append(name)
            if status in ("rejected", "skipped", "warning") and name != MANIFEST:
                self.n_flagged += 1
                if len(self.flagged) < MAX_LISTED:
                    self.flagged.append(f"{status} {name}: {message}")

    def merge(self, later: Census) -> None:
        """The batches of `later` added after this census's own, as if added here."""
        for name in _COUNTERS:
            getattr(self, name).update(getattr(later, name))
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(later, name))
        for name in _FIRST_LISTED:
            setattr(self, name, (getattr(self, name) + getattr(later, name))[:MAX_LISTED])
        years = self.years + later.years
        self.years = [min(years), max(years)] if years else []
        self.provinces |= later.provinces

    def saved(self) -> dict:
        """This census as JSON (a build's record keeps each batch's)."""
        return {**{name: dict(getattr(self, name)) for name in _COUNTERS if name != "sites"},
                **{name: getattr(self, name) for name in (*_COUNTS, *_FIRST_LISTED, "years")},
                "sites": [[*key, n] for key, n in sorted(self.sites.items())],
                "provinces": sorted(self.provinces)}

    @classmethod
    def from_saved(cls, saved: dict) -> Census:
        census = cls()
        for name in _COUNTERS:
            if name != "sites":
                setattr(census, name, Counter(saved[name]))
        for name in (*_COUNTS, *_FIRST_LISTED, "years"):
            setattr(census, name, saved[name])
        census.sites = Counter({(site, home): n for site, home, n in saved["sites"]})
        census.provinces = set(saved["provinces"])
        return census

    def _notices(self, notices: pa.Table) -> None:
        files, units, starts, levels, provinces, warnings, published, urls, sites = _columns(
            notices, "source_file", "unit", "inspection_start", "admin_level", "province",
            "warnings", "publication_date", "source_url", "source_site")
        years = [s[:4] for s in starts if s] + self.years
        self.years = [min(years), max(years)] if years else []
        self.levels.update(level or "unknown" for level in levels)
        self.provinces.update(p for p in provinces if p)
        for k, warning in enumerate(warnings):
            if warning:
                self.n_warned += 1
                if len(self.warned) < MAX_LISTED:
                    self.warned.append(f"- {units[k] or files[k]} (`{files[k]}`): {warning}.")
        for unit, date in zip(units, published, strict=True):
            if not date:
                self.n_undated += 1
                if len(self.undated) < MAX_LISTED:
                    self.undated.append(unit)
        for url, site in zip(urls, sites, strict=True):
            parts = urlsplit(url) if url else None
            home = f"{parts.scheme}://{parts.netloc}/" if parts and parts.netloc else ""
            if home or site:
                self.sites[(site or parts.netloc, home)] += 1
            else:
                self.unstated += 1

    def summary(self) -> str:
        """One line: files read, notices parsed, rejected and skipped entries, problems."""
        n_files = sum(n for status, n in self.statuses.items() if status != "skipped")
        return (
            f"{n_files} files read: {self.rows['notices']} notices parsed "
            f"({self.statuses['warning']} with warnings), {self.statuses['rejected']} "
            f"rejected, {self.statuses['skipped']} skipped; "
            f"{self.rows['problems']} problems, {self.rows['measures']} measures"
        )

    def description(self, no_workbook: str = "") -> str:
        """Markdown bullets on what the tables hold and where they are incomplete."""
        n = self.rows["notices"]
        if n == 0:
            return "- No notices were parsed."
        named = sorted(self.provinces)
        lines = [
            f"- {n} notices"
            + (f", inspections begun {self.years[0]}–{self.years[-1]}" if self.years else "")
            + "; by level: " + ", ".join(f"{k} {level}"
                                         for level, k in sorted(self.levels.items()))
            + (f"; provinces: {'、'.join(named)}" if named else "") + ".",
            *self.warned,
        ]
        if self.n_warned > MAX_LISTED:
            lines.append(f"- … and {self.n_warned - MAX_LISTED} more notices with warnings "
                         "(notices.warnings).")
        lines.append(f"- Statuses per problem are given in {self.with_status} of {n} notices.")
        if self.n_undated:
            lines.append("- No publication date printed: "
                         f"{_listed(self.undated, self.n_undated, '、')}.")
        if self.statuses["rejected"]:
            lines.append("- Rejected files (see ingest_log): "
                         f"{_listed(self.rejected, self.statuses['rejected'], ', ')}.")
        if no_workbook:
            lines.append(f"- {no_workbook[0].upper()}{no_workbook[1:]}.")
        return "\n".join(lines)

    def sources(self) -> list[dict[str, str]]:
        """datapackage.json's sources: each site the notices came from, with how many, the
        sites with most notices first; the URL of every notice is in notices.source_url."""
        listed = [{"title": f"{site} ({n} notice{'s' if n > 1 else ''}; URLs in "
                            "notices.source_url)", **({"path": home} if home else {})}
                  for (site, home), n in sorted(self.sites.items(),
                                                key=lambda x: (-x[1], x[0]))]
        rest = len(listed) - MAX_SOURCES
        listed = listed[:MAX_SOURCES] + ([{"title": f"and {rest} more sites"}] if rest > 0
                                         else [])
        if self.unstated:
            listed.append({"title": f"{self.unstated} notice{'s' if self.unstated > 1 else ''}"
                                    " whose source the raw folder's sources.csv does not "
                                    "state"})
        return listed

    def datapackage(self) -> dict:
        return schema.datapackage(self.sources())


def census_of(tables: dict[str, pa.Table]) -> Census:
    """The census of whole tables."""
    census = Census()
    census.add(tables)
    return census


def summary(tables: dict[str, pa.Table]) -> str:
    """One line: files read, notices parsed, rejected and skipped entries, problems."""
    return census_of(tables).summary()


def corpus_description(tables: dict[str, pa.Table], no_workbook: str = "") -> str:
    """Markdown bullets on what the tables hold and where they are incomplete."""
    return census_of(tables).description(no_workbook)
