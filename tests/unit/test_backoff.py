"""The worker's back-off when the server is away: grows, caps, spreads, resets."""

import pytest

from sync.client.backoff import Backoff


def test_delays_double_up_to_the_cap_without_jitter():
    b = Backoff(first_s=2, factor=2, cap_s=30, jitter=0)
    assert [b.failed() for _ in range(6)] == [2, 4, 8, 16, 30, 30]


def test_success_starts_again_from_the_first_delay():
    b = Backoff(first_s=2, jitter=0)
    b.failed(), b.failed(), b.failed()
    b.succeeded()
    assert b.failed() == 2


@pytest.mark.parametrize(("rand", "expected"), [(0.0, 8.0), (0.5, 10.0), (1.0, 12.0)])
def test_jitter_spreads_each_delay_by_its_fraction(rand, expected):
    b = Backoff(first_s=10, jitter=0.2, rand=lambda: rand)
    assert b.failed() == pytest.approx(expected)


def test_jitter_never_exceeds_the_cap():
    b = Backoff(first_s=100, cap_s=100, jitter=0.5, rand=lambda: 1.0)
    assert b.failed() == 100
