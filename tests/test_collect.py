"""`zhenggai collect` against a small site served on 127.0.0.1 by the test itself: two listing
pages, three notices (one GBK with its charset only in <meta>, one behind a redirect), a copy
at a second URL, a PDF attachment, a 404, a 500, a page that times out, an oversized page, a
path robots.txt refuses and a link to another host. No request leaves the loopback."""

from __future__ import annotations

import io
import itertools
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pandas as pd
import pytest
from zhenggai.cli import main

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
DELAY = 0.2


def _page(title: str, body: str, charset: str = "utf-8", meta: bool = True) -> bytes:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' \
        if meta else ""
    html = (f"<html><head>{head}<title>{title}</title></head><body><div class='content'>"
            f"<h1>{title}</h1>{body}</div></body></html>")
    return html.encode(charset)


def _notice(name: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())


def _pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 11)
    text = (SEEDS / "xiangtan_wenlian_2019_xuncha.txt").read_text(encoding="utf-8")
    rows = [line[k:k + 40] for line in text.splitlines() if line.strip()
            for k in range(0, len(line), 40)]  # the page's width breaks the long lines
    for k, row in enumerate(rows):
        if k and k % 40 == 0:
            page.showPage()
            page.setFont("STSong-Light", 11)
        page.drawString(30, 800 - 18 * (k % 40), row)
    page.save()
    return buffer.getvalue()


WUXI = _page("中共无锡市文联党组关于巡察整改情况的通报", _notice("wuxi_wenlian_2021_xuncha.txt"))
GANSU = _page("中共甘肃省文联党组关于巡视整改情况的通报",
              _notice("gansu_wenlian_2017_xunshi.txt"), charset="gbk")
NANTONG = _page("中共南通市文联党组关于巡察整改进展情况的通报",
                _notice("nantong_wenlian_2021_xuncha.txt"))
LIST_1 = _page("整改公开", """
<ul><li><a href="/n/wuxi.html">中共无锡市文联党组关于巡察整改情况的通报</a></li>
<li><a href="/n/gansu.html">中共甘肃省文联党组关于巡视整改情况的通报</a></li>
<li><a href="/go/nantong">中共南通市文联党组关于巡察整改进展情况的通报</a></li>
<li><a href="/private/secret.html">某单位关于巡察整改情况的通报（内部）</a></li>
<li><a href="http://other.invalid/n/x.html">外站关于巡察整改情况的通报</a></li>
<li><a href="/n/about.html">关于我们</a></li>
<li><a href="/n/missing.html">某局关于巡察整改情况的通报（已删除）</a></li>
<li><a href="/n/error.html">某局关于巡察整改进展情况的通报（服务器错误）</a></li></ul>
<a href="/list/index_1.html">下一页</a>""")
LIST_2 = _page("整改公开", """
<ul><li><a href="/copy/wuxi.html">无锡市文联关于巡察整改情况的通报（转载）</a></li>
<li><a href="/n/slow.html">某局关于巡察整改情况的通报（超时）</a></li>
<li><a href="/n/huge.html">某局关于巡察整改情况的通报（超大）</a></li>
<li><a href="/n/meeting.html">市委巡察组召开巡察整改情况反馈会</a></li>
<li><a href="/n/attach.html">湘潭市文联关于巡察整改情况的通报（附件）</a></li></ul>
<a href="/list/index.html">上一页</a>""")
MEETING = _page("市委巡察组召开巡察整改情况反馈会",
                "<p>2023年5月26日，市委第二巡察组召开反馈会议，向市文联党组反馈巡察情况。</p>")
ATTACH = _page("湘潭市文联关于巡察整改情况的通报",
               '<p>详见附件。</p><p><a href="/files/xiangtan.pdf">附件：整改情况的通报.pdf</a></p>')
PAGES = {"/list/index.html": LIST_1, "/list/index_1.html": LIST_2, "/n/wuxi.html": WUXI,
         "/n/gansu.html": GANSU, "/n/nantong.html": NANTONG, "/copy/wuxi.html": WUXI,
         "/n/meeting.html": MEETING, "/n/attach.html": ATTACH,
         "/robots.txt": b"User-agent: *\nDisallow: /private/\n"}


class Site(BaseHTTPRequestHandler):
    log: ClassVar[list[tuple[float, str]]] = []

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        Site.log.append((time.monotonic(), self.path))
        if self.path == "/go/nantong":
            self._answer(302, b"", location="/n/nantong.html")
        elif self.path == "/n/error.html":
            self._answer(500, b"error")
        elif self.path == "/n/slow.html":
            time.sleep(1.5)
            self._answer(200, WUXI)
        elif self.path == "/n/huge.html":
            self._answer(200, b"<html>" + b"x" * 300_000 + b"</html>")
        elif self.path == "/files/xiangtan.pdf":
            self._answer(200, PDF, "application/pdf")
        elif self.path in PAGES:
            self._answer(200, PAGES[self.path], "text/plain" if "robots" in self.path
                         else "text/html")  # no charset in the header: <meta> says it
        else:
            self._answer(404, b"not found")

    def _answer(self, status: int, body: bytes, kind: str = "text/html",
                location: str = "") -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


PDF = b""


@pytest.fixture(scope="module")
def site():
    global PDF
    pytest.importorskip("reportlab")
    PDF = _pdf()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def collected(site, tmp_path_factory):
    raw = tmp_path_factory.mktemp("collect") / "raw"
    Site.log.clear()
    args = ["collect", "--raw", str(raw), "--crawl", f"{site}/list/index.html",
            "--delay", str(DELAY), "--timeout", "0.5", "--max-file-mb", "0.1"]
    assert main(args) == 0
    first = list(Site.log)
    Site.log.clear()
    assert main(args) == 0
    return raw, first, list(Site.log)


def _manifest(raw: Path) -> pd.DataFrame:
    return pd.read_csv(raw / "sources.csv", dtype=str, keep_default_na=False)


def test_each_notice_is_saved_once_with_its_row(collected, site):
    raw, _, _ = collected
    rows = _manifest(raw)
    saved = rows[rows["duplicate_of"] == ""]
    urls = set(saved["url"])
    for path in ("/n/wuxi.html", "/n/gansu.html", "/go/nantong", "/files/xiangtan.pdf"):
        assert f"{site}{path}" in urls, path
    nantong = saved[saved["url"] == f"{site}/go/nantong"].iloc[0]
    assert nantong["final_url"] == f"{site}/n/nantong.html"
    assert nantong["http_status"] == "200" and nantong["site"].startswith("127.0.0.1")
    assert nantong["retrieved_at"].endswith("Z") and len(nantong["sha256"]) == 64
    for row in saved.itertuples():
        import hashlib
        assert hashlib.sha256((raw / row.file).read_bytes()).hexdigest() == row.sha256
    assert (raw / saved[saved["url"] == f"{site}/n/gansu.html"].iloc[0]["file"]
            ).read_bytes() == GANSU  # the bytes exactly as received
    copy = rows[rows["url"] == f"{site}/copy/wuxi.html"].iloc[0]
    assert copy["duplicate_of"] == f"{site}/n/wuxi.html"
    assert len({p.name for p in raw.iterdir()} - {"sources.csv"}) == len(saved)


def test_nothing_refused_or_foreign_is_requested_and_requests_are_spaced(collected):
    _, first, _ = collected
    paths = [path for _, path in first]
    assert "/robots.txt" in paths
    assert not any(p.startswith("/private/") for p in paths)
    assert "/n/about.html" not in paths  # its link text names no notice
    times = [t for t, _ in first]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= DELAY * 0.95


def test_failures_are_reported_and_the_crawl_goes_on(collected, capsys, site):
    raw, first, _ = collected
    paths = [path for _, path in first]
    assert paths.count("/n/error.html") == 4  # a 500 is tried again, with backoff
    assert paths.count("/n/slow.html") == 4  # so is a time-out
    rows = _manifest(raw)
    assert f"{site}/n/missing.html" not in set(rows["url"])
    assert f"{site}/n/huge.html" not in set(rows["url"])
    meeting = rows[rows["url"] == f"{site}/n/meeting.html"].iloc[0]
    assert meeting["note"].startswith("not a notice")  # saved all the same, and listed
    pointer = rows[rows["url"] == f"{site}/n/attach.html"].iloc[0]
    assert "points to its attachment" in pointer["note"]


def test_a_second_run_fetches_no_notice_again(collected):
    _, _, second = collected
    paths = {path for _, path in second}
    for path in ("/n/wuxi.html", "/n/gansu.html", "/go/nantong", "/n/nantong.html",
                 "/copy/wuxi.html", "/files/xiangtan.pdf", "/n/meeting.html"):
        assert path not in paths, path


def test_the_build_gives_each_notice_its_url(collected, site, tmp_path):
    raw, _, _ = collected
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "out")]) == 0
    notices = pd.read_csv(tmp_path / "out" / "notices.csv", dtype=str, keep_default_na=False)
    assert set(notices["source_url"]) == {f"{site}/n/wuxi.html", f"{site}/n/gansu.html",
                                          f"{site}/go/nantong", f"{site}/files/xiangtan.pdf"}
    assert (notices["retrieved_at"] != "").all()
    log = pd.read_csv(tmp_path / "out" / "ingest_log.csv", dtype=str, keep_default_na=False)
    assert not log["message"].str.contains("sources.csv").any()


def test_usage_errors_are_sentences(tmp_path, capsys):
    assert main(["collect", "--raw", str(tmp_path)]) == 2
    assert "nothing to collect" in capsys.readouterr().err
    assert main(["collect", "--raw", str(tmp_path), "ftp://x/y"]) == 2
    assert "not a web address" in capsys.readouterr().err
    assert main(["collect", "--raw", str(tmp_path), "--match", "(", "http://127.0.0.1:9/"]) == 2
    with pytest.raises(SystemExit):
        main(["collect", "--raw", str(tmp_path), "--delay", "nan", "http://127.0.0.1:9/"])
