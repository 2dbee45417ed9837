"""How long the sync worker waits before trying again after the server was away.

Exponential with a cap and jitter: a hundred desks that lost the server at the same moment do not
all knock again at the same second when it comes back. Pure data and arithmetic, no clock: the
caller decides what "now" is.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Backoff:
    first_s: float = 2.0
    factor: float = 2.0
    cap_s: float = 300.0
    jitter: float = 0.2  # +/- this fraction of the delay
    rand: Callable[[], float] = field(default=random.random, repr=False)
    failures: int = 0

    def failed(self) -> float:
        """Count one more failure in a row and return the seconds to wait before the next try."""
        self.failures += 1
        delay = min(self.cap_s, self.first_s * self.factor ** (self.failures - 1))
        spread = delay * self.jitter * (2 * self.rand() - 1)
        return max(0.0, min(self.cap_s, delay + spread))

    def succeeded(self) -> None:
        self.failures = 0
