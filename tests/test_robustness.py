"""No exception escapes the reader, the parser or a whole build, whatever text or bytes they
are given: byte-order marks, control characters and random insertions included."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zhenggai.dataset.ingest import parse_file
from zhenggai.notice.measures import split_measures
from zhenggai.notice.parse import NotANotice, parse_notice
from zhenggai.read.decode import decode_bytes
from zhenggai.read.errors import ReadError
from zhenggai.text.dates import find_dates

SEED = (Path(__file__).parent / "fixtures" / "seeds" /
        "wuxi_wenlian_2021_xuncha.txt").read_text(encoding="utf-8")
# Characters the genre is made of, so generated text reaches deep into the parser.
GENRE = ("巡视巡察整改情况通报关于问题针对具体存在一是二是第一（）()“”‘’：:，,。；、"
         "0123456789一二三四五六七八九十〇○年月日号至到—~-./市委省委县委中共文联党组"
         "已完成正在长期坚持反馈整改措施①②\n \t\r")
genre_text = st.text(alphabet=GENRE, max_size=400)
any_text = st.text(max_size=400)
# The number of examples comes from the profile (tests/conftest.py): 1,000 in CI.
FAST = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(st.one_of(genre_text, any_text))
def test_parser_raises_only_not_a_notice(text):
    try:
        parse_notice(text)
    except NotANotice:
        pass


@FAST
@given(st.integers(min_value=0, max_value=len(SEED)), genre_text)
def test_parser_survives_damaged_notices(cut, insert):
    try:
        notice = parse_notice(SEED[:cut] + insert + SEED[cut:cut + 200])
    except NotANotice:
        return
    assert all(p.seq == i for i, p in enumerate(notice.problems, start=1))


@FAST
@given(st.binary(max_size=600))
def test_decoder_raises_only_read_error(data):
    try:
        decoded = decode_bytes(data)
        text, encoding = decoded.text, decoded.encoding
    except ReadError:
        return
    assert isinstance(text, str) and encoding


@FAST
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html", ".htm", ".docx", ".pdf"]))
def test_whole_pipeline_never_raises_on_any_file(tmp_path, data, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    result = parse_file(path)
    assert result.status in {"ok", "warning", "rejected"}
    assert result.status != "rejected" or result.message


@FAST
@given(genre_text)
def test_dates_and_measures_never_raise(text):
    for expression in find_dates(text):
        expression.first.resolve(None)
    split_measures(text)


BOMS = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
CONTROLS = st.text(alphabet=[chr(c) for c in [*range(0, 32), *range(0x7f, 0xa0)]], max_size=20)


@FAST
@given(BOMS, st.binary(max_size=300))
def test_byte_order_marks_before_any_bytes(bom, data):
    try:
        decode_bytes(bom + data)
    except ReadError:
        pass


@FAST
@given(st.integers(min_value=0, max_value=len(SEED)), CONTROLS)
def test_control_characters_anywhere(cut, controls):
    try:
        notice = parse_notice(SEED[:cut] + controls + SEED[cut:])
    except NotANotice:
        return
    assert all(p.seq == i for i, p in enumerate(notice.problems, start=1))


@FAST
@given(st.integers(min_value=0, max_value=len(SEED)), st.one_of(genre_text, CONTROLS),
       st.sampled_from(["a.txt", "=b.txt", "c\x07.md", "d.html"]))
def test_whole_builds_with_random_insertions(tmp_path_factory, cut, insert, name):
    from zhenggai import dataset
    from zhenggai.dataset.assemble import assembled_tables

    raw = tmp_path_factory.mktemp("raw")
    (raw / name).write_text(SEED[:cut] + insert + SEED[cut:], encoding="utf-8")
    (raw / "seed.txt").write_text(SEED, encoding="utf-8")
    tables = assembled_tables(raw)
    out = tmp_path_factory.mktemp("out")
    dataset.write_tables(tables, out / "o")
    assert tables["ingest_log"].num_rows == 2
    ids = tables["notices"]["notice_id"].to_pylist()
    assert len(ids) == len(set(ids))
