"""Writing the tables to disk: CSV, Parquet, one xlsx workbook, datapackage.json and the
data dictionary. Every file is deterministic: the same tables give the same bytes."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd

from zhenggai.dataset import schema
from zhenggai.dataset.describe import corpus_description

# Fixed timestamp written into the .xlsx package so rebuilding gives identical bytes.
_FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write every table as CSV and Parquet, all of them into zhenggai.xlsx,
    datapackage.json and the data dictionary README.md. Returns the files written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        csv_path = out_dir / f"{name}.csv"
        csv_path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        parquet_path = out_dir / f"{name}.parquet"
        frame.to_parquet(parquet_path, index=False)
        written += [csv_path, parquet_path]
    xlsx_path = out_dir / "zhenggai.xlsx"
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        writer.book.properties.creator = "zhenggai"
        for name, frame in frames.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    xlsx_path.write_bytes(_deterministic_zip(buffer.getvalue()))
    package_path = out_dir / "datapackage.json"
    package_path.write_text(
        json.dumps(schema.datapackage(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    readme_path = out_dir / "README.md"
    readme_path.write_text(schema.data_dictionary(corpus_description(frames)), encoding="utf-8")
    return [*written, xlsx_path, package_path, readme_path]


def _deterministic_zip(data: bytes) -> bytes:
    """Re-pack an Office file with fixed timestamps (entries and document properties)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                                 rb"\g<1>2000-01-01T00:00:00Z", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()

