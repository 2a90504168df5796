"""Hypothesis profiles: a quick one on a developer's machine, 1,000 examples a test in CI."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=150)
settings.register_profile("ci", max_examples=1000)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# --- the seeds, frozen: tests read this copy, never data/raw (a researcher's own corpus) ---
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def seeds_processed(tmp_path_factory) -> Path:
    """The tables of the frozen seeds, built once for the session."""
    from zhenggai.dataset.builder import build

    out = tmp_path_factory.mktemp("seeds") / "processed"
    build(SEEDS, out, use_cache=False)
    return out

