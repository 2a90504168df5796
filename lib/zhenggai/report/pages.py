"""The static HTML report: notebooks executed on a fresh kernel, exported page by page.

Each notebook in notebooks/ (NN_name.ipynb) runs top to bottom with nbclient, with the data
folder passed in $ZHENGGAI_DATA, and becomes reports/NN_name.html: code hidden (it stays in
the notebooks), figures embedded as data URIs, and nothing loaded from the network (the
template's MathJax and require.js links are removed: no page needs them). reports/index.html
summarises the dataset, lists every notebook with its question, links an audit page per
notice (reports/notices/) and a copy of the dataset (reports/data/), so the folder can be
copied and opened anywhere, offline.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from zhenggai.dataset import schema
from zhenggai.dataset.load import DATA_ENV, load_tables

SETUP_TAG = "setup"
DATASET_FILES = ("README.md", "datapackage.json", "zhenggai.xlsx",
                 *(f"{table}.{kind}" for kind in ("csv", "parquet") for table in schema.TABLES))
_REMOTE = re.compile(
    r"<script[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>|<link[^>]*\bhref=[\"']https?://[^>]*>",
    re.IGNORECASE)
# Tables that read well: left-aligned, never one Chinese character per line, wide ones scroll.
READABLE_CSS = """<style>
.jp-RenderedHTMLCommon table{display:block;overflow-x:auto;max-width:100%}
.jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th{text-align:left!important;
min-width:4.5em;max-width:36em;white-space:normal;word-break:normal}
.jp-OutputArea-output{overflow-x:auto}
</style>"""


def notebooks_in(folder: Path) -> list[Path]:
    """The numbered notebooks of a folder, in order."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def execute(path: Path, data_dir: Path, timeout: int = 900) -> nbformat.NotebookNode:
    """Run a notebook top to bottom on a fresh kernel, in its own folder, against data_dir."""
    notebook = nbformat.read(path, as_version=4)
    previous = os.environ.get(DATA_ENV)
    os.environ[DATA_ENV] = str(Path(data_dir).resolve())
    try:
        # the kernel listens on the loopback only; its warning that TCP is unencrypted is
        # noise on the console (errors still show)
        client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                                extra_arguments=["--IPKernelApp.log_level=ERROR"],
                                resources={"metadata": {"path": str(Path(path).parent)}})
        client.execute()
    finally:
        if previous is None:
            os.environ.pop(DATA_ENV, None)
        else:
            os.environ[DATA_ENV] = previous
    return notebook


def offline(page: str) -> str:
    """The page without any script or stylesheet loaded over http(s)."""
    return _REMOTE.sub("", page).replace("</head>", READABLE_CSS + "\n</head>", 1)


def figure_descriptions(notebook: nbformat.NotebookNode) -> list[str]:
    """A text alternative for each figure, in page order: the section it stands in and the
    title the code gives it."""
    found, section = [], ""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            heading = next((line.lstrip("# ").strip() for line in cell.source.splitlines()
                            if line.startswith("#")), "")
            section = heading or section
            continue
        title = re.search(r"title=f?\"([^\"]+)\"", cell.source)
        named = re.sub(r"\{[^}]*\}", "…", title.group(1)) if title else ""
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                found.append("Figure" + (f" in “{section}”" if section else "")
                             + (f": {named}" if named else ""))
    return found


def navigation(pages: list[str], current: str) -> str:
    """Links to the index and to the previous and next pages."""
    at = pages.index(current) if current in pages else -1
    links = ['<a href="index.html">index</a>']
    if at > 0:
        links.append(f'<a href="{pages[at - 1]}.html">← {pages[at - 1]}</a>')
    if 0 <= at < len(pages) - 1:
        links.append(f'<a href="{pages[at + 1]}.html">{pages[at + 1]} →</a>')
    return f'<nav class="pages">{" · ".join(links)}</nav>'


def to_html(notebook: nbformat.NotebookNode, nav: str = "") -> str:
    """A self-contained HTML page of an executed notebook: code and setup cells hidden, each
    figure described in words, the navigation bar at the top and the bottom."""
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    remove = TagRemovePreprocessor(remove_cell_tags={SETUP_TAG}, enabled=True)
    exporter.register_preprocessor(remove, enabled=True)
    body, _ = exporter.from_notebook_node(notebook)
    for description in figure_descriptions(notebook):
        body = body.replace('alt="No description has been provided for this image"',
                            f'alt="{html.escape(description)}"', 1)
    if nav:
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, body, count=1)
        body = body.replace("</body>", nav + "</body>", 1)
    return offline(body)


def title_and_question(path: Path) -> tuple[str, str]:
    """The notebook's title (first heading) and its question (the line after **Question:**)."""
    notebook = nbformat.read(path, as_version=4)
    text = next((c.source for c in notebook.cells if c.cell_type == "markdown"), "")
    title = next((line.lstrip("# ").strip() for line in text.splitlines()
                  if line.startswith("#")), path.stem)
    match = re.search(r"\*\*Question:?\*\*:?\s*(.+)", text)
    return title, (match.group(1).strip() if match else "")


def _summary(data_dir: Path) -> str:
    """Notices, their dates, warnings and rejected files, in one paragraph."""
    frames = load_tables(data_dir, tables=["notices", "ingest_log"],
                         columns={"notices": ["inspection_start"], "ingest_log": ["status"]})
    starts = frames["notices"]["inspection_start"].dropna()
    span = (f"inspections begun {starts.min():%Y-%m-%d} to {starts.max():%Y-%m-%d}"
            if len(starts) else "no dated inspection")
    status = frames["ingest_log"]["status"].value_counts()
    return (f"<p><b>{len(frames['notices'])} notices</b> ({span}); "
            f"{int(status.get('warning', 0))} with warnings; {int(status.get('rejected', 0))} "
            f"file(s) rejected and {int(status.get('skipped', 0))} skipped (see the "
            '<a href="notices/index.html">list of every file</a>).</p>')


COPY_CSV_MAX_BYTES = 50 * 2**20  # CSVs larger than this in all are linked, not copied


def _copy_dataset(data_dir: Path, out_dir: Path) -> tuple[list[str], str]:
    """Copy the dataset into reports/data/, so the report's links work wherever it goes:
    the Parquet files, the dictionary and the workbook always; the CSVs too while they are
    small (past COPY_CSV_MAX_BYTES they are linked where the build wrote them). Returns the
    links, and a sentence on what was not copied."""
    target = out_dir / "data"
    target.mkdir(parents=True, exist_ok=True)
    csvs = [name for name in DATASET_FILES if name.endswith(".csv")
            and (data_dir / name).exists()]
    csv_bytes = sum((data_dir / name).stat().st_size for name in csvs)
    linked = csv_bytes > COPY_CSV_MAX_BYTES
    links = []
    for name in DATASET_FILES:
        if not (data_dir / name).exists():
            continue
        if linked and name in csvs:
            (target / name).unlink(missing_ok=True)  # a copy from a smaller build
            where = Path(os.path.relpath(data_dir.resolve() / name, out_dir.resolve()))
            links.append((where.as_posix(), f"{name} (where the build wrote it)"))
        else:
            shutil.copyfile(data_dir / name, target / name)
            links.append((f"data/{name}", name))
    note = (f" The CSVs ({csv_bytes / 2**20:,.0f} MB) are not copied: their links point "
            "to the build's folder; the Parquet files hold the same tables." if linked else "")
    return [f'<li><a href="{html.escape(href)}">{html.escape(label)}</a></li>'
            for href, label in links], note


def write_index(notebooks: list[Path], out_dir: Path, data_dir: Path) -> Path:
    """reports/index.html: a summary, each notebook with its question, the audit pages and
    the dataset's files (a copy in reports/data/)."""
    out_dir, data_dir = Path(out_dir), Path(data_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    items = []
    for path in notebooks:
        title, question = title_and_question(path)
        items.append(f'<li><a href="{html.escape(path.stem)}.html">{html.escape(title)}</a>'
                     f"<br><span class=q>{html.escape(question)}</span></li>")
    files, not_copied = _copy_dataset(data_dir, out_dir)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>zhenggai report: rectification notices after party inspections</title>
<style>body{{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.5}}
.q{{color:#444}} li{{margin-bottom:.8em}}</style></head><body>
<h1>zhenggai: rectification notices after party inspections (巡视/巡察整改情况的通报)</h1>
{_summary(data_dir)}
<p>Notebooks executed on a fresh kernel. Each page opens with the question it answers and
ends with the answer and its limits; the code is in the notebooks.</p>
<h2>Notebooks</h2><ol>{''.join(items)}</ol>
<h2>Notices</h2><p><a href="notices/index.html">Audit pages</a>: a notice's text line by
line, with what was extracted from each line and what was missed (for every notice of a
small corpus; of a large one, for every notice with a warning and a stated sample).</p>
<h2>Dataset</h2><p>The tables the notebooks read (a copy); the data dictionary is
README.md.{not_copied}</p>
<ul>{''.join(files)}</ul>
</body></html>
"""
    index = out_dir / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def build_report(notebooks_dir: Path, out_dir: Path, data_dir: Path,
                 only: list[Path] | None = None, raw_dir: Path | None = None
                 ) -> dict[str, nbformat.NotebookNode]:
    """Execute notebooks (all, or `only`), write their pages, the audit pages (when the raw
    folder is given) and the index, with progress bars on a terminal. Returns the executed
    notebooks by name, for checks."""
    from zhenggai.progress import progress
    from zhenggai.report.audit_pages import write_audit_pages

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    all_notebooks = notebooks_in(Path(notebooks_dir))
    executed = {}
    todo = only or all_notebooks
    advance, finish = progress(len(todo), "notebooks", "notebooks", min_steps=2)
    try:
        for path in todo:
            notebook = execute(Path(path), Path(data_dir))
            nav = navigation([p.stem for p in all_notebooks], Path(path).stem)
            (out_dir / f"{Path(path).stem}.html").write_text(to_html(notebook, nav),
                                                             encoding="utf-8")
            executed[Path(path).stem] = notebook
            advance()
    finally:
        finish()
    if raw_dir is not None:
        write_audit_pages(Path(raw_dir), Path(data_dir), out_dir)
    write_index(all_notebooks, out_dir, Path(data_dir))
    return executed
