"""Hypothesis profiles of the sync simulation, chosen by XIETONG_SIM_PROFILE:

    ci    (default)  ~200 examples, part of `make test` (about a minute)
    soak             many more and longer runs: `make soak`

Failing examples are saved in var/hypothesis/ (the example database) and replayed first on the
next run, so a failure found by a soak run comes back in every later run until it is fixed.
"""

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = DirectoryBasedExampleDatabase(str(ROOT / "var" / "hypothesis" / "simulation"))
COMMON = {"deadline": None, "database": EXAMPLES, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much]}

settings.register_profile("ci", max_examples=200, stateful_step_count=8, **COMMON)
settings.register_profile("soak", max_examples=5000, stateful_step_count=40, **COMMON)
PROFILE = os.environ.get("XIETONG_SIM_PROFILE", "ci")
