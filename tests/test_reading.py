"""Reading files: encodings detected and recorded, line endings, formats, clear rejections."""

from __future__ import annotations

import pytest
from zhenggai.read.document import ReadError, read_document

NOTICE = "中共某某县文联党组关于县委巡察整改情况的通报\n根据县委统一部署，2023年3月1日至4月30日。\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (NOTICE.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + NOTICE.encode("utf-8"), "utf-8-sig"),
    (NOTICE.encode("gbk"), "gb18030"),
    (NOTICE.encode("gb18030"), "gb18030"),
    (NOTICE.encode("utf-16"), "utf-16"),
    (NOTICE.encode("utf-16-le"), "utf-16-le"),
])
def test_encodings_are_detected(tmp_path, data, encoding):
    path = tmp_path / "notice.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.encoding == encoding
    assert document.text.replace("\ufeff", "") == NOTICE


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(tmp_path, newline):
    path = tmp_path / "notice.txt"
    path.write_bytes(NOTICE.replace("\n", newline).encode("utf-8"))
    assert read_document(path).text.split("\n")[:2] == NOTICE.split("\n")[:2]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty file"),
    ("spaces.txt", b" \n\r\n\t", "empty file"),
    ("binary.txt", bytes(range(256)), "binary file"),
    ("latin.txt", "Résumé of the meeting, in Latin-1".encode("latin-1"), "unknown encoding"),
    ("english.txt", b"Minutes of the meeting, in English only.", "no Chinese"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable .docx"),
    ("notice.pdf", b"%PDF-1.4", "not a readable PDF"),
    ("notice.doc", b"\xd0\xcf\x11\xe0", "unsupported file type '.doc'"),
])
def test_unreadable_files_are_explained(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=message):
        read_document(path)
