"""zhenggai: rectification notices after party inspections (巡视/巡察整改情况的通报) as data.

Modules, one idea each: `reading` (files to text), `html_article` (web pages), `text`
(cleaning), `dates`, `places`, `structure` (a notice's parts), `measures`, `schema` and
`dataset` (the tables), `cli` (the `zhenggai` command).
"""

__version__ = "0.1.0"
