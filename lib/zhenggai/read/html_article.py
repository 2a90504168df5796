"""Taking the article out of a saved web page.

Government pages wrap a notice in navigation, scripts, share buttons and footers. We keep the
page title, the page's own publication line (来源/发布时间…, often outside the article body)
and the paragraphs of the block holding the most Chinese text.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Tag

from zhenggai.notice.vocabulary import PUBLICATION_LABEL

_NOISE_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe",
               "button", "select", "svg", "template")
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "div", "section",
               "article", "blockquote", "pre", "td")
_CONTENT_HINT = re.compile(r"article|content|TRS_Editor|zoom|detail|main|text|body|news",
                           re.IGNORECASE)
# A publication label followed by a year: the page's own date line.
_PUBLICATION_LINE = re.compile(PUBLICATION_LABEL + r"\s*[0-9０-９〇○零一二三四五六七八九]{4}")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def article_text(html: str) -> str:
    """Return the notice in a web page as plain text lines: title, publication line, body."""
    soup = BeautifulSoup(html, "lxml")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_NOISE_TAGS):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")

    title = _page_title(soup)
    publication = _publication_line(soup)
    body = _article_container(soup)
    lines = _block_lines(body) if body is not None else []
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
        # "<notice title> - <site name>": keep the first part
        return re.split(r"\s+[-_|｜—]+\s+|[_|｜]", soup.title.string.strip())[0]
    return ""


def _publication_line(soup: BeautifulSoup) -> str:
    """The page's own publication line, with its neighbours (来源：… 发布时间：…): the largest
    block around the date that is still a short line."""
    for string in soup.find_all(string=_PUBLICATION_LINE):
        node = string.parent
        while node is not None and node.parent is not None and \
                len(node.parent.get_text(" ", strip=True)) <= 120:
            node = node.parent
        line = " ".join((node.get_text(" ", strip=True) if node else str(string)).split())
        if len(line) <= 120:
            return line
    # the label and the date may sit in neighbouring tags: look at short blocks
    for tag in soup.find_all(["div", "span", "p", "td"]):
        text = " ".join(tag.get_text(" ", strip=True).split())
        if len(text) <= 120 and _PUBLICATION_LINE.search(text):
            return text
    return ""


def _article_container(soup: BeautifulSoup) -> Tag | None:
    article = soup.find("article")
    if isinstance(article, Tag) and _cjk_count(article.get_text()) > 50:
        return article
    candidates: list[tuple[int, Tag]] = []
    for tag in soup.find_all(["div", "td", "section", "main"]):
        marker = " ".join([str(tag.get("id", "")), *map(str, tag.get("class", []) or [])])
        paragraphs = tag.find_all("p", recursive=True)
        own = sum(_cjk_count(p.get_text()) for p in paragraphs)
        if not paragraphs:
            own = _cjk_count(tag.get_text()) // 2
        bonus = 1.2 if _CONTENT_HINT.search(marker) else 1.0
        candidates.append((int(own * bonus), tag))
    if not candidates:
        return soup.body or soup
    best_score = max(score for score, _ in candidates)
    # the deepest block that still holds (nearly) all of the best block's text
    best = [tag for score, tag in candidates if score >= best_score * 0.9]
    return max(best, key=lambda t: len(list(t.parents)))


def _block_lines(container: Tag) -> list[str]:
    leaves = [t for t in container.find_all(_BLOCK_TAGS) if not t.find(_BLOCK_TAGS)]
    lines = [" ".join(t.get_text("", strip=False).split()) for t in leaves]
    lines = [line for line in lines if line]
    whole = container.get_text("\n")
    if _cjk_count("".join(lines)) < 0.8 * _cjk_count(whole):
        lines = [" ".join(line.split()) for line in whole.split("\n")]
        lines = [line for line in lines if line]
    return lines
