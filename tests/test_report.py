"""Notebooks run top to bottom on a fresh kernel; the report links and embeds everything."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from zhenggai.dataset.builder import build
from zhenggai.report.pages import build_report, notebooks_in

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SIXTH = Path(__file__).parent / "fixtures" / "notices" / "county_jiangyin_2024.txt"
EXPECTED = ["01_corpus", "02_problem_types", "03_timelines", "04_cross_province", "05_outcomes"]
RAW = Path(__file__).parent / "fixtures" / "seeds"  # the frozen seeds


@pytest.fixture(scope="module")
def report(tmp_path_factory, seeds_processed):
    out = tmp_path_factory.mktemp("reports")
    executed = build_report(NOTEBOOKS, out, seeds_processed, raw_dir=RAW)
    return out, executed


def _problems_in(notebook: nbformat.NotebookNode) -> list[str]:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"error {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr":
                found.append(f"stderr: {output.text[:300]}")
    return found


def test_the_four_notebooks_exist_and_are_committed_without_outputs():
    assert [p.stem for p in notebooks_in(NOTEBOOKS)] == EXPECTED
    for path in notebooks_in(NOTEBOOKS):
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, path.name


def test_every_notebook_opens_with_a_question_and_ends_with_an_answer():
    for path in notebooks_in(NOTEBOOKS):
        cells = nbformat.read(path, as_version=4).cells
        assert "**Question:**" in cells[0].source, path.name
        assert any(c.source.strip() == "## Answer" for c in cells[-4:]), path.name
        assert cells[-1].cell_type == "markdown" and "trust" in cells[-1].source, path.name


def test_notebooks_run_without_errors_warnings_or_missing_glyphs(report):
    _, executed = report
    assert sorted(executed) == EXPECTED
    for name, notebook in executed.items():
        assert _problems_in(notebook) == [], name


def test_index_links_every_page_and_the_dataset(report, seeds_processed):
    out, _ = report
    data = seeds_processed
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in EXPECTED:
        assert f'href="{name}.html"' in index
        assert (out / f"{name}.html").exists()
    assert "How long do inspections last" in index  # the question of 03
    for name in ("notices.csv", "problems.csv", "outcomes.csv", "README.md"):
        link = re.search(rf'href="([^"]*{name})"', index)
        assert link, name
        # a copy inside reports/, so the links work wherever the folder is copied
        assert link.group(1) == f"data/{name}"
        assert (out / link.group(1)).read_bytes() == (data / name).read_bytes()
    assert "5 notices" in index and "notices/index.html" in index


def test_pages_embed_their_figures_and_hide_setup(report):
    out, _ = report
    for name in EXPECTED:
        page = (out / f"{name}.html").read_text(encoding="utf-8")
        assert page.count('src="data:image/png;base64,') >= 1, name
        assert not re.search(r'<img[^>]+src="(?!data:)', page), name
        assert "Traceback" not in page, name
        assert "setup()" not in page and "import " not in page, name  # no code shown
        assert "**Question:**" not in page and "Question:" in page, name


def test_a_sixth_notice_appears_in_every_table_and_figure(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    shutil.copy(SIXTH, raw)
    data = tmp_path / "processed"
    frames = build(raw, data)
    assert len(frames["notices"]) == 6
    executed = build_report(NOTEBOOKS, tmp_path / "reports", data,
                            only=[NOTEBOOKS / "01_corpus.ipynb", NOTEBOOKS / "03_timelines.ipynb"])
    for name, notebook in executed.items():
        assert _problems_in(notebook) == [], name
        page = (tmp_path / "reports" / f"{name}.html").read_text(encoding="utf-8")
        assert "江阴市 2024" in page, name
    corpus = (tmp_path / "reports" / "01_corpus.html").read_text(encoding="utf-8")
    assert "6 notices" in corpus and "72 problems" in corpus


def test_make_report_for_another_folder_writes_its_own_outputs():
    dry_run = subprocess.run(["make", "-n", "report", "RAW=/somewhere/notices2025"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert "--raw /somewhere/notices2025 --out build/notices2025/processed" in dry_run
    assert "--out build/notices2025/reports" in dry_run
    assert "data/processed" not in dry_run


def test_no_page_loads_anything_from_the_network(report):
    out, _ = report
    for page in [*out.glob("*.html"), *(out / "notices").glob("*.html")]:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=[\"']https?:", text), page.name
        assert not re.search(r"<link[^>]+href=[\"']https?:", text), page.name


def test_an_audit_page_for_every_notice(report, seeds_processed):
    out, _ = report
    with open(seeds_processed / "notices.csv", encoding="utf-8", newline="") as f:
        ids = [row["notice_id"] for row in csv.DictReader(f)]
    for notice_id in ids:
        page = (out / "notices" / f"{notice_id}.html").read_text(encoding="utf-8")
        assert page.index("Warnings") < page.index("The text"), notice_id  # warnings first
        assert 'class="missed"' in page or 'class="fed"' in page
        assert 'href="#problem-1"' in page and 'id="problem-1"' in page
        assert "<script" not in page
    listing = (out / "notices" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{i}.html"' in listing for i in ids)
    gansu = next(i for i in ids if (out / "notices" / f"{i}.html").read_text(
        encoding="utf-8").count("约谈") > 0 and "24人次" in (out / "notices" / f"{i}.html"
                                                            ).read_text(encoding="utf-8"))
    assert 'class="tag outcome"' in (out / "notices" / f"{gansu}.html").read_text(
        encoding="utf-8")


def test_tables_read_as_words_and_link_the_audit_pages(report):
    out, _ = report
    page = (out / "01_corpus.html").read_text(encoding="utf-8")
    assert "&lt;NA&gt;" not in page and "<NA>" not in page
    assert 'href="notices/' in page


def test_pages_link_each_other_and_describe_their_figures(report):
    out, _ = report
    for k, name in enumerate(EXPECTED):
        page = (out / f"{name}.html").read_text(encoding="utf-8")
        assert page.count('<nav class="pages">') == 2 and 'href="index.html"' in page
        if k:
            assert f'href="{EXPECTED[k - 1]}.html"' in page
        if k < len(EXPECTED) - 1:
            assert f'href="{EXPECTED[k + 1]}.html"' in page
        assert "No description has been provided" not in page
        for alt in re.findall(r'<img alt="([^"]*)"', page):
            assert alt.startswith("Figure"), (name, alt)
    listing = (out / "notices" / "index.html").read_text(encoding="utf-8")
    assert "<th>unit</th>" in listing and "湘潭市文联" in listing
