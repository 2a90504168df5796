"""A folder of notices to the dataset's tables on disk, and loading them back (fourth layer).

`ingest` reads and parses every file, `tables` builds the tables, `write` puts them on disk,
`describe` says what they hold, `schema` names their columns, and `load` reads them back.
"""

from zhenggai.dataset.describe import corpus_description, summary
from zhenggai.dataset.ingest import (
    MANIFEST,
    ParsedFile,
    build,
    iter_folder,
    parse_file,
    parse_folder,
)
from zhenggai.dataset.load import load_tables
from zhenggai.dataset.tables import tables
from zhenggai.dataset.write import write_tables

__all__ = ["MANIFEST", "ParsedFile", "build", "corpus_description", "iter_folder",
           "load_tables", "parse_file", "parse_folder", "summary", "tables", "write_tables"]
