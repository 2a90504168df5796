"""Table-driven tests of how saved pages and Word files hold a notice's body: ledgers (整改台账)
with merged cells, <br>-separated CMS bodies, right-aligned signatures, 站名-标题 titles,
related-article lists, and Word's automatic numbering. Every page and document is written
here, in the genre's style."""

from __future__ import annotations

import io

import docx
import pytest
from zhenggai import read_document
from zhenggai.notice.parse import parse_notice
from zhenggai.read.docx import read_docx
from zhenggai.read.docx_numbering import format_number
from zhenggai.read.html_article import title_of_page

FRAMING = ("根据县委统一部署，2022年4月7日至6月2日，县委第五巡察组对县卫生健康局党组开展了常规巡察。"
           "2022年7月22日，县委第五巡察组向局党组反馈了巡察意见。现将巡察整改情况予以公布。")
TITLE = "中共石门县卫生健康局党组关于县委巡察整改情况的通报"

LEDGER = f"""<html><head><title>{TITLE}</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/x">党务公开</a></div>
<div class="article"><h1>{TITLE}</h1><p>发布时间：2022-12-15</p><p>{FRAMING}</p>
<p>二、巡察反馈问题整改落实情况</p>
<table border="1">
<tr><th>序号</th><th>问题类别</th><th>反馈问题</th><th>整改措施</th><th>整改时限</th><th>完成情况</th></tr>
<tr><td>1</td><td rowspan="2">落实决策部署方面</td><td>基层服务能力不足。</td>
<td>1.制定提升计划。2.推动对口帮扶。</td><td>2022年11月底前</td><td>已完成</td></tr>
<tr><td>2</td><td>医共体建设流于形式。</td><td>出台实施意见。<br/>建立考核机制。<br/>统一药品管理。</td>
<td>长期</td><td>持续推进</td></tr>
<tr><td colspan="6">二、全面从严治党方面</td></tr>
<tr><td>3</td><td>全面从严治党方面</td><td>违规发放津贴补贴。</td>
<td>清退违规发放的津贴补贴2.35万元。</td><td>2022年9月底前</td><td>长期坚持</td></tr>
</table>
<p>中共石门县卫生健康局党组</p><p>2022年12月14日</p></div>
<div class="footer">版权所有 网站标识码</div></body></html>"""

CMS = f"""<html><head><title>县卫生健康局-{TITLE}</title></head><body>
<div class="side"><p>通知公告</p><p>关于开展全县卫生健康系统安全生产大检查的通知，请各单位认真组织落实</p>
<p>关于做好2023年度医疗机构校验工作的通知，请各医疗机构按时提交材料</p>
<p>全县卫生健康工作会议召开，部署全年重点任务，推动卫生健康事业高质量发展</p></div>
<div class="TRS_Editor">{FRAMING}<br/>二、巡察反馈问题整改落实情况<br/>
1.理论学习不够深入。<br/>一是修订学习制度。二是开展专题研讨。<br/>
2.财务管理不规范。<br/>一是开展财务检查。二是追回违规发放的补贴1.36万元。三是修订《财务管理办法》。<br/>
三、下一步工作打算<br/>局党组将持续巩固整改成果，防止问题反弹。<br/>
<p style="text-align:right">中共石门县卫生健康局党组</p><p style="text-align:right">2022年12月14日</p></div>
</body></html>"""

RELATED = f"""<html><head><title>{TITLE}</title></head><body><article>
<h1>{TITLE}</h1><p>{FRAMING}</p><p>二、巡察反馈问题整改落实情况</p>
<p>1.理论学习不够深入。</p><p>一是修订学习制度。二是开展专题研讨。</p>
<p>中共石门县卫生健康局党组</p><p>2022年12月14日</p>
<div class="related"><h3>相关阅读</h3><ul>
<li><a href="/a">中共临澧县文联党组关于县委巡察整改情况的通报</a></li>
<li><a href="/b">县委第一巡察组向县文联党组反馈巡察情况</a></li></ul></div>
</article></body></html>"""

# (page, problems, measures, statuses, sections)
PAGES = [
    ("a ledger with rowspan and colspan", LEDGER, 3, [2, 3, 1],
     ["completed", "in_progress", "long_term"], ["落实决策部署", "落实决策部署", "全面从严治党"]),
    ("a <br>-separated CMS body beside a sidebar, signature right-aligned", CMS, 2, [2, 3],
     ["", ""], ["", ""]),
    ("a related-articles list inside <article>", RELATED, 1, [2], [""], [""]),
]


@pytest.mark.parametrize(("form", "page", "n", "measures", "statuses", "sections"), PAGES,
                         ids=[row[0] for row in PAGES])
def test_page_form(form, page, n, measures, statuses, sections, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = read_document(path).text
    notice = parse_notice(text)
    assert notice.title == TITLE
    assert len(notice.problems) == n
    assert [len(p.measures) for p in notice.problems] == measures
    assert [p.status for p in notice.problems] == statuses
    for problem, section in zip(notice.problems, sections, strict=True):
        assert section in problem.section
    assert "临澧" not in text and "首页" not in text and "版权所有" not in text
    assert not any("truncated" in w for w in notice.warnings), notice.warnings


def test_cms_body_outcomes_are_exact():
    text = read_document_from(CMS)
    money = [o for o in parse_notice(text).outcomes if o.kind == "money"]
    assert [o.amount_yuan for o in money] == [13600.0]  # never 13600.000000000002


def read_document_from(page: str) -> str:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(page, encoding="utf-8")
        return read_document(path).text


# (a page's <title>, the notice's title in it)
PAGE_TITLES = [
    (f"{TITLE} - 石门县人民政府", TITLE),
    (f"石门县人民政府-{TITLE}", TITLE),
    (f"{TITLE}_党务公开_石门县卫生健康局", TITLE),
    ("石门县人民政府 | 首页", "石门县人民政府"),
]


@pytest.mark.parametrize(("page_title", "title"), PAGE_TITLES)
def test_title_of_page(page_title, title):
    assert title_of_page(page_title) == title


# (Word's numFmt, counter value, the label's numeral)
NUMBER_FORMATS = [
    ("decimal", 3, "3"), ("chineseCounting", 3, "三"), ("chineseCountingThousand", 12, "十二"),
    ("ideographTraditional", 2, "乙"), ("decimalEnclosedCircle", 4, "④"),
    ("decimalFullWidth", 5, "５"), ("upperRoman", 4, "IV"), ("lowerLetter", 2, "b"),
]


@pytest.mark.parametrize(("num_fmt", "value", "label"), NUMBER_FORMATS)
def test_word_number_formats(num_fmt, value, label):
    assert format_number(value, num_fmt) == label


def _numbered_document(num_fmt: str, lvl_text: str) -> bytes:
    """A document whose paragraphs are numbered by Word (numPr), in the given format."""
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{num_fmt}"/><w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(
        f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text in ("党的领导方面", "全面从严治党方面"):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {ns}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# (numFmt, lvlText, the lines a reader sees)
AUTOMATIC_NUMBERS = [
    ("decimal", "%1.", ["1.党的领导方面", "2.全面从严治党方面"]),
    ("chineseCounting", "（%1）", ["（一）党的领导方面", "（二）全面从严治党方面"]),
    ("chineseCounting", "%1、", ["一、党的领导方面", "二、全面从严治党方面"]),
    ("decimalEnclosedCircle", "%1", ["①党的领导方面", "②全面从严治党方面"]),
]


@pytest.mark.parametrize(("num_fmt", "lvl_text", "lines"), AUTOMATIC_NUMBERS)
def test_word_automatic_numbering_is_in_the_text(num_fmt, lvl_text, lines):
    text = read_docx(_numbered_document(num_fmt, lvl_text))
    assert [line for line in text.split("\n") if line] == lines


def test_word_table_with_merged_cells_becomes_a_ledger():
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(FRAMING)
    document.add_paragraph("二、巡察反馈问题整改落实情况")
    table = document.add_table(rows=4, cols=4)
    for k, name in enumerate(("序号", "反馈问题", "整改措施", "整改完成情况")):
        table.cell(0, k).text = name
    table.cell(1, 0).merge(table.cell(1, 3)).text = "一、党的领导方面"
    for row, (problem, measures, status) in enumerate(
            [("决策部署落实不力。", ["1.成立专班。", "2.制定方案。", "3.推进项目。"], "持续推进"),
             ("议事规则不完善。", ["1.修订议事规则。"], "已完成")], start=2):
        table.cell(row, 0).text = str(row - 1)
        table.cell(row, 1).text = problem
        cell = table.cell(row, 2)
        cell.text = measures[0]
        for measure in measures[1:]:
            cell.add_paragraph(measure)
        table.cell(row, 3).text = status
    document.add_paragraph("中共石门县卫生健康局党组")
    document.add_paragraph("2022年12月14日")
    buffer = io.BytesIO()
    document.save(buffer)
    notice = parse_notice(read_docx(buffer.getvalue()))
    assert [len(p.measures) for p in notice.problems] == [3, 1]
    assert [p.status for p in notice.problems] == ["in_progress", "completed"]
    assert [p.section for p in notice.problems] == ["党的领导方面", "党的领导方面"]
