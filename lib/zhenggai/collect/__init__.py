"""Collecting a corpus: polite fetching of notices into a raw folder, with their provenance
(`zhenggai collect`). It stands before the raw folder that `dataset` reads, and uses `read`
and `notice` only to say which saved pages are notices."""
