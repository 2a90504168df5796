"""environment.yml, pyproject.toml and constraints.txt describe one environment."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(spec: str) -> str:
    return re.split(r"[=<>!~ \[]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_packages() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["test"]
    return {_name(s) for s in specs}


def _environment_packages() -> set[str]:
    names = set()
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        match = re.match(r"^\s+- (?!-e )([A-Za-z0-9_.\-]+)", line)
        if match and match.group(1) not in ("python", "pip"):
            names.add(_name(match.group(1)))
    return names


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line:
            name, version = line.split("==")
            pins[_name(name)] = version.strip()
    return pins


def test_environment_yml_names_the_pyproject_packages():
    assert _environment_packages() == _pyproject_packages()


def test_every_dependency_is_pinned_and_environment_yml_agrees():
    pins = _pins()
    for package in _pyproject_packages():
        assert package in pins, f"{package} is not pinned in constraints.txt"
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s+- ([A-Za-z0-9_.\-]+)==?([0-9][^\s]*)$", line)
        if match and match.group(1) != "python":
            assert pins[_name(match.group(1))] == match.group(2), match.group(1)
