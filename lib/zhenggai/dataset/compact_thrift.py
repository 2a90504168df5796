"""Thrift's compact protocol, read and written generically: the encoding of a Parquet
file's footer (its FileMetaData). zhenggai.dataset.parquet_parts uses it to put row groups
that Arrow wrote into one file, shifting their byte offsets, without decoding their data.

A struct is read as a list of (field id, type, value), in the order written, and written
back the same way, so an unmodified struct round-trips byte for byte; structs below a given
depth can be left encoded until needed (Raw). Only what Parquet footers use is supported (no
maps, no sets); anything else raises ValueError.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

STOP, TRUE, FALSE, BYTE, I16, I32, I64, DOUBLE, BINARY, LIST, SET, MAP, STRUCT = range(13)
_VARINTS = (I16, I32, I64)  # written as zigzag varints (a BYTE is one plain byte)
_WIDTH = {TRUE: 1, FALSE: 1, BYTE: 1, DOUBLE: 8}  # bytes of the fixed-size values


@dataclass
class Struct:
    """A thrift struct: its fields in the order they were written."""

    fields: list[tuple[int, int, object]] = field(default_factory=list)

    def get(self, field_id: int, default: object = None) -> object:
        for fid, _, value in self.fields:
            if fid == field_id:
                return value
        return default

    def set(self, field_id: int, value: object) -> None:
        """Replace the value of a field that is present (its type unchanged)."""
        for k, (fid, kind, _) in enumerate(self.fields):
            if fid == field_id:
                self.fields[k] = (fid, kind, value)
                return
        raise KeyError(field_id)


@dataclass
class Raw:
    """A struct left encoded (decoded only when asked): written back as it was."""

    data: bytes

    def decoded(self) -> Struct:
        return decode(self.data)


@dataclass
class List:
    """A thrift list: the type of its elements, and the elements."""

    kind: int
    items: list


def _varint_at(data: bytes, at: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        b = data[at]
        at += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, at
        shift += 7


def _skip(kind: int, data: bytes, at: int) -> int:
    """Where the value of this kind at `at` ends."""
    if kind in _VARINTS:
        while data[at] & 0x80:
            at += 1
        return at + 1
    if kind == BINARY:
        n, at = _varint_at(data, at)
        return at + n
    if kind == STRUCT:
        return _skip_struct(data, at)
    if kind == LIST:
        header = data[at]
        size, at = (header >> 4, at + 1) if header >> 4 != 15 else _varint_at(data, at + 1)
        for _ in range(size):
            at = _skip(header & 0x0F, data, at)
        return at
    if kind in _WIDTH:
        return at + _WIDTH[kind]
    raise ValueError(f"thrift type {kind} is not supported")


def _skip_struct(data: bytes, at: int) -> int:
    while (header := data[at]) != STOP:
        at += 1
        if not header >> 4:  # the field id follows
            at = _skip(I16, data, at)
        if header & 0x0F not in (TRUE, FALSE):
            at = _skip(header & 0x0F, data, at)
    return at + 1


def _value_at(kind: int, data: bytes, at: int, depth: int = 0, raw_depth: int = -1
              ) -> tuple[object, int]:
    if kind in _VARINTS:
        n, at = _varint_at(data, at)
        return (n >> 1) ^ -(n & 1), at
    if kind == BINARY:
        n, at = _varint_at(data, at)
        if at + n > len(data):
            raise IndexError("binary past the end")
        return data[at:at + n], at + n
    if kind == STRUCT:
        if depth == raw_depth:
            end = _skip(STRUCT, data, at)
            return Raw(data[at:end]), end
        return _struct_at(data, at, depth, raw_depth)
    if kind == LIST:
        header = data[at]
        size, at = (header >> 4, at + 1) if header >> 4 != 15 else _varint_at(data, at + 1)
        items = []
        for _ in range(size):
            item, at = _value_at(header & 0x0F, data, at, depth, raw_depth)
            items.append(item)
        return List(header & 0x0F, items), at
    return _fixed_at(kind, data, at)


def _fixed_at(kind: int, data: bytes, at: int) -> tuple[object, int]:
    if kind in (TRUE, FALSE):  # a bool in a list: one byte
        return data[at] == TRUE, at + 1
    if kind == BYTE:
        return struct.unpack_from("b", data, at)[0], at + 1
    if kind == DOUBLE:
        return struct.unpack_from("<d", data, at)[0], at + 8
    raise ValueError(f"thrift type {kind} is not supported")


def _struct_at(data: bytes, at: int, depth: int = 0, raw_depth: int = -1
               ) -> tuple[Struct, int]:
    fields, last = [], 0
    while (header := data[at]) != STOP:
        kind, delta = header & 0x0F, header >> 4
        if delta:
            fid, at = last + delta, at + 1
        else:
            n, at = _varint_at(data, at + 1)
            fid = (n >> 1) ^ -(n & 1)
        if kind == TRUE or kind == FALSE:
            value = kind == TRUE
        else:
            value, at = _value_at(kind, data, at, depth + 1, raw_depth)
        fields.append((fid, kind, value))
        last = fid
    return Struct(fields), at + 1


def _varint(n: int, out: bytearray) -> None:
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def _value(kind: int, value: object, out: bytearray) -> None:
    if kind in _VARINTS:
        _varint((value << 1) ^ (value >> 63), out)
    elif kind == BINARY:
        _varint(len(value), out)
        out += value
    elif kind == STRUCT and isinstance(value, Raw):
        out += value.data
    elif kind == STRUCT:
        _struct(value, out)
    elif kind == LIST:
        size = len(value.items)
        if size < 15:
            out.append(size << 4 | value.kind)
        else:
            out.append(0xF0 | value.kind)
            _varint(size, out)
        for item in value.items:
            _value(value.kind, item, out)
    else:
        _fixed(kind, value, out)


def _fixed(kind: int, value: object, out: bytearray) -> None:
    if kind in (TRUE, FALSE):
        out.append(TRUE if value else FALSE)
    elif kind == BYTE:
        out += struct.pack("b", value)
    elif kind == DOUBLE:
        out += struct.pack("<d", value)
    else:
        raise ValueError(f"thrift type {kind} is not supported")


def _struct(value: Struct, out: bytearray) -> None:
    last = 0
    for fid, kind, item in value.fields:
        if kind == TRUE or kind == FALSE:
            kind = TRUE if item else FALSE
        delta = fid - last
        if 0 < delta <= 15:
            out.append(delta << 4 | kind)
        else:
            out.append(kind)
            _varint((fid << 1) ^ (fid >> 63), out)
        if kind != TRUE and kind != FALSE:
            _value(kind, item, out)
        last = fid
    out.append(STOP)


def encode(value: Struct) -> bytes:
    """A struct in the compact protocol."""
    out = bytearray()
    _struct(value, out)
    return bytes(out)


def decode(data: bytes, raw_depth: int = -1) -> Struct:
    """The struct at the start of `data`; ValueError where it is not one. Structs nested
    `raw_depth` deep (1: the struct's own fields) are left encoded, as Raw."""
    try:
        return _struct_at(data, 0, 0, raw_depth)[0]
    except (IndexError, struct.error) as exc:
        raise ValueError(f"not a thrift struct ({exc})") from None
