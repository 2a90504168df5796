"""Loading the processed tables, from a notebook, a script or `make report` alike."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from zhenggai.dataset import schema

DATA_ENV = "ZHENGGAI_DATA"  # set by `make report RAW=…` to point at another build


def data_dir(folder: str | Path | None = None) -> Path:
    """The processed-data folder: the argument, else $ZHENGGAI_DATA, else the project's
    data/processed found by walking up from the working directory (notebooks/ or the root)."""
    if folder is not None:
        return Path(folder)
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    for base in (Path.cwd(), *Path.cwd().parents):
        candidate = base / "data" / "processed"
        if (candidate / "notices.csv").exists():
            return candidate
    raise FileNotFoundError(
        "no data/processed/notices.csv found above the working directory: run `make data`"
    )


def load_tables(folder: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """All tables of a build, typed by the schema: dates as datetimes, counts as Int64."""
    folder = data_dir(folder)
    frames = {}
    for table, cols in schema.TABLES.items():
        frame = pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)
        for name, kind, _ in cols:
            if kind == "integer":
                frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Int64")
            elif kind == "number":
                frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Float64")
            elif kind == "boolean":
                flags = frame[name].str.lower().map({"true": True, "false": False})
                frame[name] = flags.astype("boolean")
            elif kind == "date":
                frame[name] = pd.to_datetime(frame[name].replace("", None), format="%Y-%m-%d")
        frames[table] = frame
    return frames


def notice_labels(notices: pd.DataFrame) -> pd.Series:
    """Short labels for figures: the most specific place and the year of the feedback (else
    of the inspection), numbered when two notices would share a label."""
    place = notices["county"].where(notices["county"] != "", notices["city"])
    place = place.where(place != "", notices["province"])
    place = place.where(place != "", notices["unit"])
    when = notices["feedback_date"].fillna(notices["inspection_start"])
    year = when.dt.year.astype("Int64").astype(str).replace("<NA>", "?")
    labels = place + " " + year
    repeat = labels.groupby(labels).cumcount()
    labels = labels.where(repeat == 0, labels + " (" + (repeat + 1).astype(str) + ")")
    return labels.rename("label")
