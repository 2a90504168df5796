"""The page around a notice: title, issuer, source and publication lines, page chrome, and the evidence that a text is a notice at all."""

from __future__ import annotations

import re

# --- title, issuer, source and publication lines ----------------------------------------------

TITLE = re.compile(r"(巡视|巡察).{0,20}整改|整改.{0,30}(通报|公告|报告|公示|公开|情况)")
TITLE_NAMING_DOCUMENT = re.compile(r"整改.*(通报|公告|报告|公示|公开)")  # 通报, 报告…
INSPECTION_WORD = re.compile(r"巡视|巡察")
# The issuer's organisation type ends its name.
ISSUER_SUFFIX = re.compile(r"(党组|党委|党总支|党支部|机关党委)$")
# A signature names the issuing party organ, often in full (中共某县某局委员会, 某街道工作委员会).
SIGNATURE_ISSUER = re.compile(r"(党组|党委|党总支|党支部|机关党委|委员会|党工委)$")
# The issuer opens the title: everything before 关于, or before the inspection's name when
# the title has no 关于 (中共某县文联党组巡察整改情况通报).
TITLE_ISSUER = re.compile(
    r"^(.*?)关于|^(.*?(?:党组|党委|党总支|党支部))(?=.*?(?:巡视|巡察))"
)
# A line that opens a title by itself (the issuer, or 关于 with nothing broken before it).
TITLE_START = re.compile(r"^(?:中共|中国共产党|共青团)|^[^关]{2,40}?(?:党组|党委|委员会|党总支|党支部|党工委)(?:关于)?")
# A date printed at the end of a title line: …情况的通报 2026-02-13
TRAILING_DATE = re.compile(r"\s*\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
REPEATED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4})\1")  # a word typed twice (XX省XX省)
PUBLICATION_LABEL = r"(?:发布时间|发布日期|发文日期|发文时间|发表时间|成文日期|成文时间|更新时间|来源时间为|时间|日期)\s*[：:]?"
PUBLICATION_LINE = re.compile(PUBLICATION_LABEL)
SOURCE_LINE = re.compile(
    r"来源[：:]\s*(?P<source>.+?)(?=\s*(?:发布|时间|日期|作者|阅读|浏览|点击|字号|$))"
)

# --- deciding whether a text is a notice at all -------------------------------------------------

# For: the publication formula (现将巡察整改进展情况予以公布; 现按…要求，将…予以通报).
PUBLICATION_FORMULA = re.compile(
    r"""现(?:按[^。]{0,40}?)?[将就][^。]{0,30}?(?:予以|向社会|集中)?(?:公布|公开|公示|通报|报告)(?:如下)?
        |将[^。]{0,30}?整改[^。]{0,15}?予以(?:公布|公开|公示|通报)   # 按照…要求，将…整改情况予以公布""",
    re.VERBOSE,
)
# For: a title naming the document (…整改…情况的通报, 整改情况的报告).
NOTICE_TITLE = re.compile(r"(巡视|巡察|反馈).{0,30}整改.{0,20}(通报|报告|公告|公示|公开|情况)$")
# Against, whatever else the text says: the page reports on notices, or is another genre.
LOOKALIKE_DECISIVE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("news agency dateline", re.compile(r"(?:新华社|中新网|中新社|人民网|本报)[^。]{0,12}(?:\d+月\d+日)?电|本报讯|【[^】]{0,6}网】|记者")),
    ("巡察公告", re.compile(r"公告如下|举报电话|值班电话|受理(?:时间|信访)|信访受理|来信来[访电]")),
    ("speech", re.compile(r"^同志们[：，:]|(?:再|先|我)讲(?:[两三几]点|一下)")),
    ("summary of several notices", re.compile(r"\d+(?:个|家|所)(?:单位|中管高校|高校)?(?:党组织)?(?:的)?(?:巡视|巡察)?整改(?:进展)?情况|所中管高校|分批[^。]{0,10}公布")),
    ("round-level disclosure", re.compile(r"组建\d+个巡察组|向\d+(?:家|个)被巡察单位")),
    ("report about a notice", re.compile(r"《[^》]{0,40}(?:巡视|巡察)整改[^》]{0,10}(?:通报|报告)》")),
)
# Against, unless the publication formula says otherwise: a meeting told in the third person.
MEETING_NEWS = re.compile(
    r"""(?:反馈|动员部署|动员|督查工作|督查|民主生活)会(?:议)?(?:在[^。，]{0,20})?召开
        |召开[^。]{0,40}?(?:反馈会|动员会|民主生活会|督查工作会议|专题督查)
        |主持(?:会议|召开)|表态(?:发言|讲话)|出席会议|作动员讲话""",
    re.VERBOSE,
)
# Supporting evidence for a notice: 整改 headings and response labels in the opening.
RECTIFICATION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）).{0,30}整改")

# --- page chrome ------------------------------------------------------------------------------

# Lines of a saved page that are not the notice: breadcrumbs, site furniture, disclosure
# metadata, share and print links. Their dates and sources are still read (header.py).
# Chrome that stands at the start of a line (read with .match).
CHROME_LINE_START = re.compile(
    r"""[-•·]?\s*(?:索\s*引\s*号|主题分类|发布机构|文件名称|成文(?:日期|时间)|文\s*号
            |标\s*题|效力状态|发文(?:日期|时间)|公开方式|公开范围|有效性)[：:]  # disclosure metadata
        |[】\]]?小】?$|打印|返回$|朗读$|主动公开$|列表详情$""",
    re.VERBOSE,
)
# Chrome anywhere in a line. Every alternative opens with a definite character, which lets
# the regex engine skip to the places where one could start (a line is searched in one pass).
CHROME_LINE = re.compile(
    r"""位置[：:]|首页\s*[>＞»]|>\s*>|[>＞][>＞]   # breadcrumbs (当前位置：, 首页 >)
        |字\s*[号体](?:[：:]|\s*[\[【〖]|$)|大\s*中\s*小   # font size ([大 中 小])
        |分享到?[：:]?$|【打印|关闭窗口|返回上一级|设为首页|加入收藏|无障碍|长者助手
        |浏览(?:次数|量)?[：:]|访问(?:量|次数)[：:]|阅读(?:次数)?[：:]|点击(?:数|量)?[：:]
        |网站支持IPV6|听新闻|保护视力色
        |\.(?:jpg|jpeg|png|gif)$""",
    re.VERBOSE | re.IGNORECASE,
)
# A bracketed column name before a title: 【巡察整改】
TITLE_PREFIX = re.compile(r"^【[^】]{1,10}】")

# The heading of a list of other articles under a reposted notice (相关新闻, 相關閱讀…): the
# notice ends above it.
RELATED_ARTICLES = re.compile(
    r"^(?:相关|相關|推荐|推薦|延伸|热点|熱點|更多)(?:阅读|閱讀|新闻|新聞|链接|鏈接|文章|稿件|报道|報道)[：:]?$")

# The link text of a notice on a site's listing page (zhenggai collect --match's default).
COLLECT_MATCH = r"整改.*(?:通报|情况)|巡[视察].*整改"

# A page that only points to its attachment (详见附件): the notice is the attachment.
ATTACHMENT_POINTER = re.compile(r"详见附件|见附件|请见附件|附件[：:]|附件下载|点击下载|下载附件")
POINTER_PAGE_MAX_CJK = 150  # Chinese characters under the title of such a page, at most
