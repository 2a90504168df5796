"""`zhenggai collect`: fetch pages into a raw folder, with their provenance.

Given URLs, each is fetched. Given a column's first listing page (`--crawl`), its listing
pages are followed (at most `max_pages`) and the articles whose anchor text matches are
fetched, with their attachments (.pdf, .docx). Links to other hosts are never followed
unless allowed. Every page saved is judged by the parser: one it would reject is still kept,
and listed. Nothing is fetched twice: a URL already in the folder's sources.csv is held.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from zhenggai.collect.fetch import Fetched, PoliteClient
from zhenggai.collect.links import article_links, attachments, links_of, listing_pages
from zhenggai.collect.store import RawFolder


@dataclass
class Summary:
    """What a collection did."""

    fetched: list[str] = field(default_factory=list)  # files saved
    held: list[str] = field(default_factory=list)  # URLs already in the folder
    failed: list[tuple[str, str]] = field(default_factory=list)  # (URL, why)
    not_notices: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    copies: list[tuple[str, str]] = field(default_factory=list)  # (URL, file it duplicates)
    listing_pages: int = 0

    def lines(self) -> list[str]:
        out = [f"fetched {len(self.fetched)}, already held {len(self.held)}, failed "
               f"{len(self.failed)}, saved but not a notice {len(self.not_notices)}, the same "
               f"content as a page held {len(self.copies)}"
               + (f"; {self.listing_pages} listing page(s) read" if self.listing_pages else "")]
        out += [f"  failed {url}: {why}" for url, why in self.failed]
        out += [f"  not a notice {name}: {why}" for name, why in self.not_notices]
        out += [f"  the same as {first}: {url}" for url, first in self.copies]
        return out


def judge(path: Path) -> tuple[str, str]:
    """(published_at, "") for a file the parser reads as a notice, else ("", why not)."""
    from zhenggai.notice.model import NotANotice
    from zhenggai.notice.parse import parse_notice
    from zhenggai.read.document import ReadError, read_document

    try:
        notice = parse_notice(read_document(path).text)
    except (ReadError, NotANotice) as exc:
        return "", str(exc) or type(exc).__name__
    page_date = next((d.date for d in notice.dates if d.event == "publication" and d.date
                      and "signature" not in d.note), None)
    return (page_date.isoformat() if page_date else ""), ""


@dataclass
class Collector:
    """One collection into a raw folder."""

    folder: RawFolder
    client: PoliteClient
    hosts: set[str] | None  # network locations links may lead to (None: any)
    match: re.Pattern[str]
    summary: Summary = field(default_factory=Summary)

    def fetch_and_save(self, url: str, with_attachments: bool) -> None:
        if self.folder.holds(url):
            self.summary.held.append(url)
            return
        fetched = self.client.get(url, self.hosts)
        if fetched.error or not fetched.body:
            self.summary.failed.append((url, fetched.error or "an empty answer"))
            return
        self._save(fetched)
        if with_attachments and "html" in fetched.content_type.lower():
            for link in attachments(links_of(fetched.body, fetched.final_url), self.match):
                if self._may_follow(link.url):
                    self.fetch_and_save(link.url, with_attachments=False)

    def _save(self, fetched: Fetched) -> None:
        site = urlsplit(fetched.final_url or fetched.url).netloc
        name, first = self.folder.save(fetched, site)
        if first:
            self.summary.copies.append((fetched.url, first))
            return
        published_at, why = judge(self.folder.raw / name)
        self.folder.record(published_at, f"not a notice: {why}" if why else "")
        self.summary.fetched.append(name)
        if why:
            self.summary.not_notices.append((name, why))

    def _may_follow(self, url: str) -> bool:
        return self.hosts is None or urlsplit(url).netloc in self.hosts

    def articles(self, start: str, max_pages: int) -> Iterator[str]:
        """The article URLs of a column, listing page after listing page."""
        queue, seen, yielded = [start], {start}, set()
        while queue and self.summary.listing_pages < max_pages:
            page_url = queue.pop(0)
            page = self.client.get(page_url, self.hosts)
            self.summary.listing_pages += 1
            if page.error or not page.body:
                self.summary.failed.append((page_url, f"listing page: {page.error or 'empty'}"))
                continue
            links = links_of(page.body, page.final_url or page_url)
            for link in article_links(links, self.match):
                if self._may_follow(link.url) and link.url not in yielded:
                    yielded.add(link.url)
                    yield link.url
            for other in listing_pages(page.body, page.final_url or page_url, links):
                if other not in seen and self._may_follow(other):
                    seen.add(other)
                    queue.append(other)


def collect(raw: Path, urls: list[str], crawl: str | None, match: str, max_pages: int,
            client: PoliteClient, allow_hosts: set[str],
            advance: Callable[[int], None] | None = None) -> Summary:
    """Collect into `raw` (see the module docstring); `advance(total)` is told each URL."""
    hosts = ({urlsplit(crawl).netloc} | allow_hosts) if crawl else None
    collector = Collector(RawFolder(raw), client, hosts, re.compile(match))
    try:
        targets = list(urls)
        if crawl:
            targets += [u for u in collector.articles(crawl, max_pages) if u not in targets]
        for url in targets:
            collector.fetch_and_save(url, with_attachments=bool(crawl))
            if advance:
                advance(len(targets))
    finally:
        client.close()
    return collector.summary
