"""How hard the property tests search: a budget that fits `make test`, far more under `make soak`.

`make soak` sets XIETONG_SIM_PROFILE=soak (the simulation's profiles read the same variable).
"""

import os

SOAK = os.environ.get("XIETONG_SIM_PROFILE") == "soak"


def examples(ci: int, soak: int) -> int:
    return soak if SOAK else ci
