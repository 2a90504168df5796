"""The static HTML report: notebooks executed on a fresh kernel, exported page by page.

Each notebook in notebooks/ (NN_name.ipynb) runs top to bottom with nbclient, with the data
folder passed in $ZHENGGAI_DATA, and becomes reports/NN_name.html: figures embedded as data
URIs, cells tagged `setup` removed, prompts hidden. reports/index.html lists every notebook with
the question it answers and links the dataset files.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from zhenggai.dataset.load import DATA_ENV

SETUP_TAG = "setup"
DATASET_FILES = ("README.md", "notices.csv", "problems.csv", "measures.csv", "dates.csv",
                 "outcomes.csv",
                 "ingest_log.csv", "zhenggai.xlsx", "datapackage.json")


def notebooks_in(folder: Path) -> list[Path]:
    """The numbered notebooks of a folder, in order."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def execute(path: Path, data_dir: Path, timeout: int = 900) -> nbformat.NotebookNode:
    """Run a notebook top to bottom on a fresh kernel, in its own folder, against data_dir."""
    notebook = nbformat.read(path, as_version=4)
    previous = os.environ.get(DATA_ENV)
    os.environ[DATA_ENV] = str(Path(data_dir).resolve())
    try:
        client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(Path(path).parent)}})
        client.execute()
    finally:
        if previous is None:
            os.environ.pop(DATA_ENV, None)
        else:
            os.environ[DATA_ENV] = previous
    return notebook


def to_html(notebook: nbformat.NotebookNode) -> str:
    """A self-contained HTML page of an executed notebook, setup cells removed."""
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    remove = TagRemovePreprocessor(remove_cell_tags={SETUP_TAG}, enabled=True)
    exporter.register_preprocessor(remove, enabled=True)
    body, _ = exporter.from_notebook_node(notebook)
    return body


def title_and_question(path: Path) -> tuple[str, str]:
    """The notebook's title (first heading) and its question (the line after **Question:**)."""
    notebook = nbformat.read(path, as_version=4)
    text = next((c.source for c in notebook.cells if c.cell_type == "markdown"), "")
    title = next((line.lstrip("# ").strip() for line in text.splitlines()
                  if line.startswith("#")), path.stem)
    match = re.search(r"\*\*Question:?\*\*:?\s*(.+)", text)
    return title, (match.group(1).strip() if match else "")


def write_index(notebooks: list[Path], out_dir: Path, data_dir: Path) -> Path:
    """reports/index.html: each notebook with its question, and the dataset's files."""
    out_dir = Path(out_dir)
    items = []
    for path in notebooks:
        title, question = title_and_question(path)
        items.append(f'<li><a href="{html.escape(path.stem)}.html">{html.escape(title)}</a>'
                     f"<br><span class=q>{html.escape(question)}</span></li>")
    relative = os.path.relpath(Path(data_dir).resolve(), out_dir.resolve())
    files = [f'<li><a href="{html.escape(relative)}/{name}">{name}</a></li>'
             for name in DATASET_FILES if (Path(data_dir) / name).exists()]
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>zhenggai report: rectification notices after party inspections</title>
<style>body{{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.5}}
.q{{color:#444}} li{{margin-bottom:.8em}}</style></head><body>
<h1>zhenggai: rectification notices after party inspections (巡视/巡察整改情况的通报)</h1>
<p>Notebooks executed on a fresh kernel against the dataset in <code>{html.escape(relative)}</code>.
Each page opens with the question it answers and ends with the answer and its limits.</p>
<h2>Notebooks</h2><ol>{''.join(items)}</ol>
<h2>Dataset</h2><p>The tables the notebooks read; the data dictionary is README.md.</p>
<ul>{''.join(files)}</ul>
</body></html>
"""
    index = out_dir / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def build_report(notebooks_dir: Path, out_dir: Path, data_dir: Path,
                 only: list[Path] | None = None) -> dict[str, nbformat.NotebookNode]:
    """Execute notebooks (all, or `only`), write their pages and the index.
    Returns the executed notebooks by name, for checks."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    all_notebooks = notebooks_in(Path(notebooks_dir))
    executed = {}
    for path in only or all_notebooks:
        notebook = execute(Path(path), Path(data_dir))
        (out_dir / f"{Path(path).stem}.html").write_text(to_html(notebook), encoding="utf-8")
        executed[Path(path).stem] = notebook
    write_index(all_notebooks, out_dir, Path(data_dir))
    return executed
