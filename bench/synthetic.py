"""A synthetic corpus of N varied notices made from the seeds, for the benchmark.

Each notice is a seed with its problems subset and reordered, its years shifted, and its
place replaced by another division of the same level drawn from the gazetteer, so parsing
does real work on every file and every notice has its own id.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from zhenggai.notice.parse import parse_notice
from zhenggai.notice.places import _gazetteer

ROOT = Path(__file__).resolve().parents[1]
SEED_PLACES = {"湘潭": "prefecture", "南通": "prefecture", "庆阳": "prefecture",
               "无锡": "prefecture", "甘肃": "province"}
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?=年|-)")


def _stems(level: str) -> list[str]:
    """The short names of the gazetteer's provinces, or of its prefecture-level cities."""
    if level == "province":
        names = [name for code, name in _gazetteer() if code.endswith("0000")]
    else:
        names = [name for code, name in _gazetteer() if code.endswith("00")
                 and not code.endswith("0000") and name.endswith("市")]
    return sorted({re.sub(r"(省|市|自治区|壮族|回族|维吾尔)+$", "", n) for n in names
                   if len(n) >= 3})


class Seed:
    """A seed notice cut into its head, its problems' blocks of lines, and its tail."""

    def __init__(self, text: str) -> None:
        self.text = text
        lines = self.text.split("\n")
        problems = parse_notice(self.text).problems
        starts = [p.line for p in problems]
        ends = [max([p.line, *p.response_lines]) for p in problems]
        self.head = lines[: starts[0] - 1] if starts else lines
        self.blocks = [lines[s - 1: e] for s, e in zip(starts, ends, strict=True)]
        self.tail = lines[ends[-1]:] if ends else []
        self.place = next((p for p in SEED_PLACES if p in "".join(lines[:2])), "")


def seeds(folder: Path = ROOT / "data" / "raw") -> list[Seed]:
    """Every notice of a raw folder, in any format and encoding the build reads; files that
    are not notices (or cannot be read) are left out."""
    from zhenggai.notice.model import NotANotice
    from zhenggai.read.document import ReadError, read_document

    found = []
    for path in sorted(Path(folder).iterdir()):
        if not path.is_file() or path.name == "sources.csv":
            continue
        try:
            found.append(Seed(read_document(path).text))
        except (ReadError, NotANotice):
            continue
    if not found:
        raise SystemExit(f"no notice to vary in {folder}")
    return found


def variant(seed: Seed, rng: random.Random, stems: dict[str, list[str]]) -> str:
    blocks = list(seed.blocks)
    if blocks:
        keep = rng.randint(max(1, len(blocks) // 2), len(blocks))
        blocks = rng.sample(blocks, keep)
    text = "\n".join(seed.head + [line for block in blocks for line in block] + seed.tail)
    shift = rng.randint(-4, 3)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    if seed.place:
        text = text.replace(seed.place, rng.choice(stems[SEED_PLACES[seed.place]]))
    return text


def write_corpus(folder: Path, n: int, seed_value: int = 0,
                 source: Path = ROOT / "data" / "raw") -> list[Path]:
    """Write n varied notices, made from the notices of `source`, into folder."""
    rng = random.Random(seed_value)
    sources = seeds(source)
    stems = {level: _stems(level) for level in set(SEED_PLACES.values())}
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"notice_{i:06d}.txt"
        path.write_text(variant(sources[i % len(sources)], rng, stems), encoding="utf-8")
        paths.append(path)
    return paths
