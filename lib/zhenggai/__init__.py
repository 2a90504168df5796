"""zhenggai: rectification notices after party inspections (巡视/巡察整改情况的通报) as data.

The package is layered in the order a file flows through it (docs/architecture.md):
`read` (files to text) → `text` (cleaning, numerals, dates) → `notice` (one notice's parts)
→ `dataset` (the tables) → `analysis` → `report`. The entry points a researcher uses:

    import zhenggai
    tables = zhenggai.load_tables()            # the processed dataset
    notice = zhenggai.parse_notice(text)       # one notice's parts
    zhenggai.build("data/raw", "data/processed")
"""

from importlib import import_module

__version__ = "0.1.0"
# Imported on first use, so that the command line starts quickly.
_HOMES = {"build": "zhenggai.dataset.builder", "load_tables": "zhenggai.dataset.load",
          "parse_notice": "zhenggai.notice.parse", "read_document": "zhenggai.read.document"}
__all__ = ["__version__", "build", "load_tables", "parse_notice", "read_document"]


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'zhenggai' has no attribute {name!r}")
