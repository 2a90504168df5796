"""The reading layer's one error: a file that cannot be used, with a reason to act on."""


class ReadError(Exception):
    """A file that cannot be read as text; the message says why, for the ingest log."""
