"""Hypothesis profiles: a quick one on a developer's machine, 1,000 examples a test in CI."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=150)
settings.register_profile("ci", max_examples=1000)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
