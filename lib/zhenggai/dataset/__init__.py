"""A folder of notices to the dataset's tables on disk, and loading them back (fourth layer).

`entries` lists a raw folder, `ingest` reads and parses one file, `rows` turns it into table
rows, `assemble` puts every file's rows together (reusing the last build's from `cache`, under
the parser version of `versions`), `tables` holds them as Arrow tables, `write` puts them on
disk, `describe` says what they hold, `schema` names their columns, and `load` reads them back.

Names are imported on first use, so that `zhenggai build` starts without pandas.
"""

from importlib import import_module

_HOMES = {
    "MANIFEST": "ingest", "ParsedFile": "ingest", "parse_file": "ingest",
    "iter_folder": "ingest", "parse_folder": "ingest", "build": "builder",
    "corpus_description": "describe", "summary": "describe",
    "load_tables": "load", "tables_of": "tables", "to_frames": "tables",
    "write_tables": "write",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(f"zhenggai.dataset.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'zhenggai.dataset' has no attribute {name!r}")
