"""Reading a site's listing pages: the article links whose anchor text names a notice, and
the links to the listing's other pages.

A column (栏目) of a government site lists its articles over numbered pages. The next page
is reached by a link whose text is 下一页/尾页 or a page number, by a page named
`index_1.html`, `index_2.html`…, by a query `?page=2`, or, in the common TRS layout, only
through a script call `createPageHTML(pages, current, "index", "html")`, whose pages are
written out here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from zhenggai.notice.vocabulary import COLLECT_MATCH
from zhenggai.read.decode import decode_bytes

DEFAULT_MATCH = COLLECT_MATCH
_NEXT_PAGE = re.compile(r"^\s*(?:下一?页|后一?页|尾页|末页|最后一?页|>+|»|\d{1,4})\s*$")
_PAGE_URL = re.compile(r"index_\d+\.s?html?$|[?&](?:page|pageNo|pageIndex|p|pn)=\d+")
_TRS_PAGES = re.compile(
    r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([^'\"]+)['\"]"
    r"\s*,\s*['\"]([^'\"]+)['\"]")
MAX_TRS_PAGES = 500
ATTACHMENT = re.compile(r"\.(?:pdf|docx?|wps|txt)$", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    url: str
    text: str


def page_text(body: bytes) -> str:
    """A page's text as its bytes declare it (GBK named only in <meta> included)."""
    return decode_bytes(body).text


def links_of(body: bytes, base: str) -> list[Link]:
    """Every http(s) link of a page, absolute, without fragments, in page order."""
    soup = BeautifulSoup(page_text(body), "lxml")
    base_tag = soup.find("base", href=True)
    base = urljoin(base, str(base_tag["href"])) if base_tag else base
    found, seen = [], set()
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = urldefrag(urljoin(base, href))[0]
        if urlsplit(url).scheme in ("http", "https") and url not in seen:
            seen.add(url)
            text = " ".join(anchor.get_text(" ", strip=True).split()) or \
                str(anchor.get("title", ""))
            found.append(Link(url, text))
    return found


def listing_pages(body: bytes, url: str, links: list[Link]) -> list[str]:
    """The listing's other pages that this page links to (or names in a TRS script)."""
    pages = [link.url for link in links
             if _NEXT_PAGE.match(link.text) or _PAGE_URL.search(link.url)]
    trs = _TRS_PAGES.search(page_text(body))
    if trs:
        total, stem, suffix = int(trs.group(1)), trs.group(3), trs.group(4)
        pages += [urljoin(url, f"{stem}_{k}.{suffix}")
                  for k in range(1, min(total, MAX_TRS_PAGES))]
    return list(dict.fromkeys(pages))


def article_links(links: list[Link], match: re.Pattern[str]) -> list[Link]:
    """The links whose anchor text names what is collected (the genre's titles by default)."""
    return [link for link in links if match.search(link.text)]


def attachments(links: list[Link], match: re.Pattern[str]) -> list[Link]:
    """An article's attachments (.pdf, .docx…) that name a notice or are called 附件."""
    return [link for link in links if ATTACHMENT.search(urlsplit(link.url).path)
            and (match.search(link.text) or "附件" in link.text)]
