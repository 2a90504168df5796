"""Bytes into files by descriptor: written whole, or copied from another file's range (in
the kernel where it can, so an unchanged batch of a rebuild never passes through Python)."""

from __future__ import annotations

import errno
import os

_NO_KERNEL_COPY = (errno.EXDEV, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP)


def write_all(fd: int, data: bytes) -> None:
    """All of `data` at the file's position (os.write may write less)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def copy_range(source: int, target: int, start: int, length: int) -> None:
    """Bytes start … start+length of the file open as `source` appended to `target`."""
    done = 0
    if hasattr(os, "copy_file_range"):
        try:
            while done < length:
                n = os.copy_file_range(source, target, length - done, start + done)
                if n == 0:
                    raise OSError("the file being copied ended early")
                done += n
            return
        except OSError as exc:
            if exc.errno not in _NO_KERNEL_COPY:
                raise
    while done < length:
        block = os.pread(source, min(1 << 22, length - done), start + done)
        if not block:
            raise OSError("the file being copied ended early")
        write_all(target, block)
        done += len(block)
