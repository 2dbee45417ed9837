"""A token bucket per client address, so a flood of login challenges is refused (429) cheaply.
Per server process; behind several processes each keeps its own."""

import threading
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    def __init__(self, per_minute: int, burst: int) -> None:
        self.rate, self.burst = per_minute / 60.0, burst
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def allow(self, address: str, now: float) -> bool:
        with self._lock:
            bucket = self._buckets.get(address) or _Bucket(float(self.burst), now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
            bucket.at = now
            allowed = bucket.tokens >= 1
            if allowed:
                bucket.tokens -= 1
            self._buckets[address] = bucket
            if len(self._buckets) > 10_000:  # forget full buckets, they behave like new ones
                self._buckets = {a: b for a, b in self._buckets.items() if b.tokens < self.burst}
            return allowed
