"""Taking the article out of a saved web page.

Government pages wrap a notice in navigation, scripts, share buttons and footers. We keep the
page title, the page's own publication line (来源/发布时间…, often outside the article body)
and the paragraphs of the block holding the most Chinese text.

Every measure of a block (its Chinese characters, those inside its paragraphs, its depth) is
computed in one bottom-up pass over the tree, so the time grows with the page's size, not
with its size times its depth: a page of 200,000 nested <div> reads like any other.

Before measuring, the page is put in the shape the measures expect (`read/html_layout.py`):
ledger tables become Markdown rows, `<br>`-separated lines become paragraphs, and lists of
related articles go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from zhenggai.notice.vocabulary import NOTICE_TITLE, PUBLICATION_LABEL, TITLE_NAMING_DOCUMENT
from zhenggai.read.html_layout import (
    BREAK,
    drop_related_lists,
    ledgers_as_rows,
    paragraphs_from_breaks,
)

_NOISE_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe",
               "button", "select", "svg", "template")
_BLOCK_TAGS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "div", "section",
                         "article", "blockquote", "pre", "td"))
_CANDIDATE_TAGS = frozenset(("div", "td", "section", "main"))
_CONTENT_HINT = re.compile(r"article|content|TRS_Editor|zoom|detail|main|text|body|news",
                           re.IGNORECASE)
# A publication label followed by a year: the page's own date line.
_PUBLICATION_LINE = re.compile(PUBLICATION_LABEL + r"\s*[0-9０-９〇○零一二三四五六七八九]{4}")
_CJK = re.compile(r"[\u3400-\u9fff]")
SHORT_LINE_CHARS = 120  # a publication line is a short block of its own
SHORT_LINE_TAGS = 40  # … made of a few tags
MIN_ARTICLE_CJK = 50  # an <article> with fewer Chinese characters is not the notice


@dataclass
class _Measures:
    """What the bottom-up pass knows of one tag."""

    cjk: int = 0  # Chinese characters anywhere inside
    chars: int = 0  # characters anywhere inside
    tags: int = 0  # tags anywhere inside
    cjk_in_p: int = 0  # Chinese characters inside <p> descendants
    has_p: bool = False
    has_block: bool = False  # a block tag among its descendants
    depth: int = 0


def _cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def _measure(soup: BeautifulSoup) -> dict[int, _Measures]:
    """Measures of every tag, by id(tag), children before parents."""
    tags = soup.find_all(True)
    depth = {id(soup): 0}
    for tag in tags:  # document order: a parent comes before its children
        depth[id(tag)] = depth.get(id(tag.parent), 0) + 1
    measures: dict[int, _Measures] = {}
    for tag in reversed(tags):
        m = _Measures(depth=depth[id(tag)])
        for child in tag.children:
            if isinstance(child, NavigableString):
                m.cjk += _cjk_count(child)
                m.chars += len(child)
            elif isinstance(child, Tag) and id(child) in measures:
                c = measures[id(child)]
                m.cjk += c.cjk
                m.chars += c.chars
                m.tags += c.tags + 1
                m.cjk_in_p += c.cjk if child.name == "p" else c.cjk_in_p
                m.has_p = m.has_p or c.has_p or child.name == "p"
                m.has_block = m.has_block or c.has_block or child.name in _BLOCK_TAGS
        measures[id(tag)] = m
    return measures


def article_text(html: str) -> str:
    """Return the notice in a web page as plain text lines: title, publication line, body."""
    soup = BeautifulSoup(html, "lxml")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_NOISE_TAGS):
        tag.decompose()
    drop_related_lists(soup)
    ledgers_as_rows(soup)
    paragraphs_from_breaks(soup)
    measures = _measure(soup)
    title = _page_title(soup)
    publication = _publication_line(soup, measures)
    body = _article_container(soup, measures)
    lines = _block_lines(body, measures) if body is not None else []
    head: list[str] = []
    if title and not any(title in line for line in lines[:3]):
        head.append(title)
    if publication and not any(publication in line for line in lines):
        head.append(publication)
    return "\n".join(head + lines)


def _page_title(soup: BeautifulSoup) -> str:
    for h in soup.find_all(["h1", "h2"]):
        text = h.get_text(" ", strip=True)
        if _cjk_count(text) >= 6:
            return text
    meta = soup.find("meta", attrs={"property": "og:title"})
    if isinstance(meta, Tag) and meta.get("content"):
        return str(meta["content"]).strip()
    if soup.title and soup.title.string:
        return title_of_page(soup.title.string)
    return ""


def title_of_page(title: str) -> str:
    """The notice's title in a page's <title>, which adds the site's name before or after it
    (标题 - 站名, 站名-标题, 标题_栏目_站名): the part naming a notice, else the longest."""
    parts = [p.strip() for p in re.split(r"\s*[-_|｜]+\s*|\s+[—–]+\s+", title.strip())]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    naming = [p for p in parts if NOTICE_TITLE.search(p) or TITLE_NAMING_DOCUMENT.search(p)]
    return max(naming or parts, key=len)


def _short_text(tag: Tag, measures: dict[int, _Measures]) -> str | None:
    """The text of a tag when it is a short line (measured before any text is joined)."""
    m = measures.get(id(tag))
    if m is None or m.chars > 4 * SHORT_LINE_CHARS or m.tags > SHORT_LINE_TAGS:
        return None
    text = " ".join(tag.get_text(" ", strip=True).split())
    return text if len(text) <= SHORT_LINE_CHARS else None


def _publication_line(soup: BeautifulSoup, measures: dict[int, _Measures]) -> str:
    """The page's own publication line, with its neighbours (来源：… 发布时间：…): the largest
    block around the date that is still a short line."""
    for string in soup.find_all(string=_PUBLICATION_LINE):
        node, line = string.parent, None
        while node is not None and (text := _short_text(node, measures)) is not None:
            line, node = text, node.parent
        if line:
            return line
    # the label and the date may sit in neighbouring tags: look at short blocks
    for tag in soup.find_all(["div", "span", "p", "td"]):
        text = _short_text(tag, measures)
        if text and _PUBLICATION_LINE.search(text):
            return text
    return ""


def _article_container(soup: BeautifulSoup, measures: dict[int, _Measures]) -> Tag | None:
    article = soup.find("article")
    if isinstance(article, Tag) and measures[id(article)].cjk > MIN_ARTICLE_CJK:
        return article
    candidates: list[tuple[int, Tag]] = []
    for tag in soup.find_all(_CANDIDATE_TAGS):
        m = measures[id(tag)]
        own = m.cjk_in_p if m.has_p else m.cjk // 2
        marker = " ".join([str(tag.get("id", "")), *map(str, tag.get("class", []) or [])])
        bonus = 1.2 if _CONTENT_HINT.search(marker) else 1.0
        candidates.append((int(own * bonus), tag))
    if not candidates:
        return soup.body or soup
    best_score = max(score for score, _ in candidates)
    # the deepest block that still holds (nearly) all of the best block's text
    best = [tag for score, tag in candidates if score >= best_score * 0.9]
    return max(best, key=lambda t: measures[id(t)].depth)


def _block_lines(container: Tag, measures: dict[int, _Measures]) -> list[str]:
    leaves = [t for t in container.find_all(list(_BLOCK_TAGS))
              if not measures[id(t)].has_block]
    lines = [" ".join(part.split()) for t in leaves
             for part in t.get_text("", strip=False).split(BREAK)] if leaves else []
    lines = [line for line in lines if line]
    whole = container.get_text("\n")
    if _cjk_count("".join(lines)) < 0.8 * _cjk_count(whole):
        lines = [" ".join(line.split()) for line in re.split(f"\n|{BREAK}", whole)]
        lines = [line for line in lines if line]
    return lines
