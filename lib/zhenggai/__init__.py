"""zhenggai: rectification notices after party inspections (巡视/巡察整改情况的通报) as data.

The package is layered in the order a file flows through it (docs/architecture.md):
`read` (files to text) → `text` (cleaning, numerals, dates) → `notice` (one notice's parts)
→ `dataset` (the tables) → `analysis` → `report`. The entry points a researcher uses:

    import zhenggai
    tables = zhenggai.load_tables()            # the processed dataset
    notice = zhenggai.parse_notice(text)       # one notice's parts
    zhenggai.build("data/raw", "data/processed")
"""

from zhenggai.dataset.ingest import build
from zhenggai.dataset.load import load_tables
from zhenggai.notice.parse import parse_notice
from zhenggai.read.document import read_document

__version__ = "0.1.0"
__all__ = ["__version__", "build", "load_tables", "parse_notice", "read_document"]
