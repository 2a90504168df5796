"""PDF notices: a text PDF is read (its page-width line breaks joined again), a scanned PDF
is refused with its reason, and a build logs both. The PDFs are made here with reportlab."""

from __future__ import annotations

import io

import pytest
from zhenggai import read_document
from zhenggai.dataset.builder import build
from zhenggai.notice.parse import parse_notice
from zhenggai.read.errors import ReadError

reportlab = pytest.importorskip("reportlab")

LINES = [
    "中共平江县交通运输局党组关于县委巡察整改情况的通报",
    "根据县委统一部署，2023年3月1日至4月28日，县委第二巡察组对县交通运输局党组开展了",
    "常规巡察。2023年5月26日，县委第二巡察组向局党组反馈了巡察意见。现将整改情况予以公布。",
    "一、巡察反馈问题整改落实情况",
    "1.理论学习不够深入。",
    "一是修订学习制度。二是开展专题研讨4次。",
    "2.公务接待不规范。",
    "一是开展自查。二是追回违规报销的费用1.2万元。",
    "二、下一步工作打算",
    "局党组将持续巩固整改成果。",
    "中共平江县交通运输局党组",
    "2023年9月20日",
]


def _text_pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 11)
    for k, line in enumerate(LINES):
        page.drawString(40, 800 - 18 * k, line)
    page.save()
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (400, 300), "white")
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawImage(ImageReader(image), 40, 400, 400, 300)
    page.save()
    return buffer.getvalue()


def test_a_text_pdf_is_read_and_parsed(tmp_path):
    path = tmp_path / "notice.pdf"
    path.write_bytes(_text_pdf())
    document = read_document(path)
    assert document.file_format == "pdf"
    # the framing, broken by the page's width, is one paragraph again
    assert "开展了常规巡察。" in document.text
    notice = parse_notice(document.text)
    assert [d.date.isoformat() for d in notice.dates if d.event == "feedback"] == ["2023-05-26"]
    assert [len(p.measures) for p in notice.problems] == [2, 2]
    assert [o.amount_yuan for o in notice.outcomes] == [12000.0]


def test_a_scanned_pdf_is_refused_with_its_reason(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_scanned_pdf())
    with pytest.raises(ReadError, match="no text layer; OCR is not done"):
        read_document(path)


def test_a_build_logs_both(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "notice.pdf").write_bytes(_text_pdf())
    (raw / "scan.pdf").write_bytes(_scanned_pdf())
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    tables = build(raw, tmp_path / "out", use_cache=False)
    log = tables["ingest_log"].set_index("source_file")
    assert log.loc["notice.pdf", "status"] == "ok"
    assert log.loc["scan.pdf", "status"] == "rejected"
    assert "OCR is not done" in log.loc["scan.pdf", "message"]
    assert log.loc["broken.pdf", "status"] == "rejected"
