"""The dataset's tables: column order, types and meanings, in one place.

`zhenggai build` orders columns by this schema and writes `datapackage.json` from it; the data
dictionary in data/processed/README.md documents the same columns (a test checks both agree).
"""

from __future__ import annotations

from typing import Any

# (column, Frictionless type, description)
Column = tuple[str, str, str]

TABLES: dict[str, list[Column]] = {
    "notices": [
        ("notice_id", "string", "Stable identifier: first 12 hex digits of the SHA-256 of the notice's analysed text."),
        ("source_file", "string", "File name in the raw folder."),
        ("title", "string", "Title as printed (analysed form; a repeated word in the issuer removed, see cleaning_notes)."),
        ("issuer", "string", "Issuing party organisation, from the title or the signature (中共长沙市文联党组)."),
        ("unit", "string", "Inspected organisation: the issuer without 中共 and 党组/党委 (长沙市文联)."),
        ("unit_type", "string", "The inspected unit's sector, from its name: locality_party_committee (a province's, city's or county's own party committee), government_department, peoples_organisation (文联, 妇联, 科协, 总工会…), court_procuratorate, public_institution (hospital, school, newspaper, party school…), university, soe_bank (state-owned enterprise or bank), township (乡, 镇, 街道), development_zone, village_community; empty when the name says none of these."),
        ("admin_level", "string", "central / province / prefecture / county."),
        ("province", "string", "Province-level division, official name (湖南省); empty for central units."),
        ("city", "string", "Prefecture-level division (长沙市); empty where not applicable."),
        ("county", "string", "County-level division (江阴市, 朝阳区); empty where not applicable."),
        ("adcode", "string", "Six-digit administrative-division code of the most specific place."),
        ("inspection_kind", "string", "巡视 (by a provincial or central committee) or 巡察 (by a city or county committee)."),
        ("inspecting_body", "string", "Committee that sent the team: 中央, 省委, 市委, 县委…"),
        ("team", "string", "Inspection team as named (市委第三巡察组)."),
        ("round", "string", "Inspection round when stated (五届市委第一轮)."),
        ("inspection_mode", "string", "常规 / 专项 / 政治 / 机动 … when stated."),
        ("inspection_start", "date", "First day of the inspection."),
        ("inspection_end", "date", "Last day of the inspection."),
        ("feedback_date", "date", "Day the team fed its findings back to the unit."),
        ("publication_date", "date", "Day the notice was published: the page's 发布时间 line, else the date under the signature."),
        ("publication_source", "string", "Where publication_date comes from: page (the web page's own 发布时间 line or date) or signature (the date under the notice's signature); empty without one. The two are different events: a page can go up later than the notice was signed."),
        ("years_inferred", "string", "Events whose year was not printed and was carried over from an earlier date ('; '-separated), see dates.year_inferred."),
        ("days_inspecting", "integer", "inspection_end − inspection_start, in days."),
        ("days_to_feedback", "integer", "feedback_date − inspection_end, in days."),
        ("days_to_publication", "integer", "publication_date − feedback_date, in days."),
        ("n_problems_declared", "integer", "Number of problems the notice says the team found (25项具体问题), when stated."),
        ("n_problems", "integer", "Number of problems extracted."),
        ("n_sections_declared", "integer", "Number of problem areas declared (4个方面), when stated."),
        ("n_measures_declared", "integer", "Number of rectification measures declared (40条整改措施), when stated."),
        ("n_measures", "integer", "Number of measures extracted."),
        ("n_chars", "integer", "Characters of the analysed text from the title on, whitespace excluded."),
        ("published_by", "string", "Where the page says the notice was published (来源：…), when stated."),
        ("encoding", "string", "Detected encoding of the raw file (docx for Word files, pdf for PDF files)."),
        ("file_format", "string", "txt / md / html / docx / pdf."),
        ("truncated", "boolean", "True when the text ends mid-sentence."),
        ("warnings", "string", "Problems with the extraction, '; '-separated; empty when none."),
        ("cleaning_notes", "string", "Artefacts removed and repairs made to the text, '; '-separated."),
        ("source_url", "string", "The URL the file was fetched from, from the raw folder's sources.csv (its url, else its final_url after redirects); empty when the manifest does not say."),
        ("retrieved_at", "string", "When the file was fetched (UTC, ISO 8601), from sources.csv; empty when not stated."),
        ("source_site", "string", "The site the file came from (sources.csv's site: the host, or the site's name as the researcher wrote it); empty when not stated."),
    ],
    "problems": [
        ("notice_id", "string", "The notice (notices.notice_id)."),
        ("problem_seq", "integer", "1..n in document order, across sections."),
        ("number_as_printed", "string", "The problem's number as printed (1. / 1、 / 问题一 / （一）); restarts per section in some notices."),
        ("section", "string", "Heading the problem stands under, without its number; empty if none."),
        ("problem", "string", "The problem as the inspection team worded it, without its number, its label (问题1：, 【问题一】, 反馈问题：), its wrapper (关于“…”问题, 针对…的问题) or its status suffix (（已完成）)."),
        ("response", "string", "What the unit did about it (整改措施, 整改情况, or the unlabelled answer; paragraphs and table-cell items separated by newlines)."),
        ("result", "string", "What the notice gives as the response's result, apart from what was done: the text under 整改成效：/整改效果：, or a ledger's 完成情况 cell that says more than a status; empty otherwise. Outcomes are read from response and result alike."),
        ("status", "string", "completed / in_progress / long_term where the notice labels or groups the problem so (a group heading 已完成整改的问题, a suffix （持续推进）, a label 整改进度：已完成, a sentence 该问题已整改完成, a ledger's 完成情况 column); empty otherwise. 基本完成 and 持续推进 are in_progress; 长期坚持 is long_term. A total (已完成10个) that does not say which problems sets none."),
        ("status_evidence", "string", "The words the status was read from (the heading, suffix, label, sentence or cell); empty without a status."),
        ("n_measures", "integer", "Number of measures in the response (see measure_form for how they were counted; 整改成效 text adds none)."),
        ("measure_form", "string", "How the measures were counted, by the first rule that applies: enumerated (一是…二是…, （1）…, 1）…, ① ●◆■ bullets, numbered lines or table-cell items), paragraphs (several unnumbered paragraphs, one measure each), semicolon (one prose block, its parts separated by ；), prose (one block, one measure); empty without a response. Compare measures per problem within one form."),
        ("source_line", "integer", "Line of the raw file where the problem starts."),
    ],
    "measures": [
        ("notice_id", "string", "The notice (notices.notice_id)."),
        ("problem_seq", "integer", "The problem (problems.problem_seq)."),
        ("measure_seq", "integer", "1..n within the problem."),
        ("marker", "string", "Enumeration marker as printed (一是, （1）, 第一，, ①); empty for an unenumerated response."),
        ("text", "string", "The measure's text, marker removed."),
    ],
    "dates": [
        ("notice_id", "string", "The notice (notices.notice_id)."),
        ("event", "string", "inspection_start / inspection_end / feedback / publication / other."),
        ("date", "date", "The date, ISO; empty when the printed date cannot be completed."),
        ("year_inferred", "boolean", "True when the year was not printed and was carried over from an earlier date (a feedback 3月5日 after an inspection in the year before). The end of a range read in its start's year is not inferred: see year_from."),
        ("as_printed", "string", "The date expression as it stands in the text (analysed form)."),
        ("evidence", "string", "The sentence or line the date was read from, in the original wording."),
        ("source_line", "integer", "Line of the raw file holding the evidence."),
        ("note", "string", "Irregularities of the printed date (日 missing), or which date this is."),
        ("year_from", "string", "Where the year comes from: printed; range start (a range's end printed without a year, read in its start's year or the next); earlier date (carried over: year_inferred); empty when the date is incomplete."),
    ],
    "outcomes": [
        ("notice_id", "string", "The notice (notices.notice_id)."),
        ("outcome_seq", "integer", "1..n in document order within the notice."),
        ("problem_seq", "integer", "The problem whose response reports it (problems.problem_seq); empty when reported outside any problem."),
        ("kind", "string", "discipline (党纪处分 such as 党内警告 and 严重警告, 政务处分 such as 警告 and 记过, 诫勉谈话, 约谈, 提醒谈话, 批评教育, 立案审查, 移送问题线索, 组织处理) / money (追回, 收回, 追缴, 收缴, 清退, 退还, 退回, 退缴, 退赔, 补缴, 挽回 of a stated amount, or an irregular sum put right) / rules (a named 《…》 document made, revised or abolished, or a counted batch 制度N项; plans such as 《…整改方案》 are not rules) / personnel (调整, 免职, 交流轮岗, 岗位调整, 停发, 扣发 of the unit's own people). Business figures (投资, 营业收入, 预算, 罚没款) and achievements (筹集, 投入) are never outcomes."),
        ("action", "string", "The verb as printed (约谈, 收回, 制定出台…)."),
        ("count", "integer", "How many people or cases, when printed (24 of 约谈部门负责人24人次; 12 of 制度12项); empty for a named rule (nothing is counted), for money, and for an act printed without a number (对…负责人进行约谈)."),
        ("count_unit", "string", "The unit of count: 人次, 人, 名, 次, 起, 件…"),
        ("approximate", "boolean", "True for a figure printed as approximate (70余人次, 10多万元)."),
        ("amount_yuan", "number", "The sum in yuan, when printed (85万元 → 850000, 1.26亿元 → 126000000), computed in decimal and rounded to the fen."),
        ("object", "string", "What or whom it concerns: the words after the verb, or the named document."),
        ("evidence", "string", "The clause it was read from (analysed form of the response)."),
        ("as_printed", "string", "The figure(s) or document as printed (24人次, 85万元, 《…》)."),
    ],
    "ingest_log": [
        ("source_file", "string", "File name in the raw folder."),
        ("status", "string", "ok / warning / rejected / skipped (the manifest sources.csv, subfolders, hidden files, links leading outside the folder, FIFOs and devices: never opened)."),
        ("encoding", "string", "Detected encoding, empty when the file could not be decoded."),
        ("file_format", "string", "txt / md / html / docx / pdf, empty when unknown."),
        ("notice_id", "string", "The notice parsed from the file, empty when rejected."),
        ("message", "string", "Why the file was rejected (unreadable, too large, over the time limit, not a notice, duplicate of an earlier file) or skipped, or its warnings."),
        ("evidence", "string", "What decided the file's status, with its line: for a notice the evidence that makes it one (accepted: publication formula \"现将…予以公布\" (line 3)), for a rejected file the evidence against it or why it could not be read."),
    ],
}

PRIMARY_KEYS: dict[str, list[str]] = {
    "notices": ["notice_id"],
    "problems": ["notice_id", "problem_seq"],
    "measures": ["notice_id", "problem_seq", "measure_seq"],
    "outcomes": ["notice_id", "outcome_seq"],
    "ingest_log": ["source_file"],
}

FOREIGN_KEYS: dict[str, list[tuple[list[str], str, list[str]]]] = {
    "problems": [(["notice_id"], "notices", ["notice_id"])],
    "measures": [(["notice_id", "problem_seq"], "problems", ["notice_id", "problem_seq"])],
    "dates": [(["notice_id"], "notices", ["notice_id"])],
    "outcomes": [(["notice_id"], "notices", ["notice_id"])],
}


def columns(table: str) -> list[str]:
    """Column names of a table, in order."""
    return [name for name, _, _ in TABLES[table]]


# Each column's kind by name (a name has one kind wherever it stands), and the columns of
# money, written as exact decimals in Parquet.
KINDS = {name: kind for cols in TABLES.values() for name, kind, _ in cols}
AMOUNTS = ("amount_yuan",)


def datapackage(sources: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """A Frictionless Data Package descriptor for the CSV tables; `sources` lists where the
    notices came from (see write.package_sources)."""
    resources = []
    for table, cols in TABLES.items():
        schema: dict[str, Any] = {
            "fields": [{"name": n, "type": t, "description": d} for n, t, d in cols],
            "missingValues": [""],
        }
        if table in PRIMARY_KEYS:
            schema["primaryKey"] = PRIMARY_KEYS[table]
        if table in FOREIGN_KEYS:
            schema["foreignKeys"] = [
                {"fields": f, "reference": {"resource": r, "fields": rf}}
                for f, r, rf in FOREIGN_KEYS[table]
            ]
        resources.append({
            "name": table,
            "path": f"{table}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        })
    return {
        "profile": "tabular-data-package",
        "name": "zhenggai-rectification-notices",
        "title": "Rectification notices after party inspections (巡视/巡察整改情况的通报)",
        "description": "Notices of the Federations of Literary and Art Circles, normalised by zhenggai. "
                       "See README.md in this folder for the data dictionary and known limits.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": sources or [{"title": "Raw notice files, with the URLs of the raw folder's "
                                          "sources.csv where it gives them"}],
        "resources": resources,
    }


def data_dictionary(corpus: str) -> str:
    """The data dictionary (data/processed/README.md): prose from the package's template with
    `corpus` (a description of the current files) filled in, then one table of columns per
    dataset table, generated from TABLES."""
    from importlib.resources import files

    template = files("zhenggai.resources").joinpath("data_dictionary.md").read_text("utf-8")
    parts = [template.replace("{corpus}", corpus)]
    for table, cols in TABLES.items():
        key = PRIMARY_KEYS.get(table)
        parts.append(f"\n### `{table}`" + (f" (key: {', '.join(key)})" if key else "") + "\n")
        parts.append("| column | type | meaning |\n|---|---|---|")
        parts += [f"| `{name}` | {kind} | {text} |" for name, kind, text in cols]
    return "\n".join(parts) + "\n"
