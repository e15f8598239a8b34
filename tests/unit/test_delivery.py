"""Delivery times learnt from completed orders, and when an order has stalled
(bot/core/delivery/estimates.py)."""

from __future__ import annotations

import pytest

from bot.core.delivery.estimates import (
    HOUR,
    Sample,
    describe,
    learn,
    progress_bar,
    stall_threshold,
)


def test_nothing_is_said_before_five_completed_orders() -> None:
    assert learn([Sample(3600, 1000)] * 4, per_thousand=True) is None


def test_median_and_90th_percentile_per_thousand_units() -> None:
    # 1 h per 1,000 for most orders, one slow one (5 h per 1,000).
    samples = [Sample(3600 * q / 1000, q) for q in (500, 1000, 2000, 1000, 3000)]
    samples += [Sample(5 * 3600, 1000)]
    usual = learn(samples, per_thousand=True)
    assert usual is not None and usual.orders == 6
    assert usual.median == 3600
    assert usual.p90 == 5 * 3600
    assert usual.for_quantity(2000) == 7200  # twice the units, twice the time


def test_packages_are_timed_whole() -> None:
    usual = learn([Sample(600, 1)] * 5, per_thousand=False)
    assert usual is not None and usual.for_quantity(1) == 600 and usual.for_quantity(5000) == 600


@pytest.mark.parametrize(
    ("seconds", "key", "count"),
    [
        (20, "duration-under-minute", 0),
        (5 * 60, "duration-minutes", 5),
        (3 * HOUR + 600, "duration-hours", 3),
        (2 * 86400 + 3600, "duration-days", 2),
    ],
)
def test_durations_read_as_people_say_them(seconds: float, key: str, count: int) -> None:
    said = describe(seconds)
    assert (said.key, said.count) == (key, count)


def test_progress_bar() -> None:
    assert progress_bar(300, 1000) == "▰▰▰▱▱▱▱▱▱▱ 30%"
    assert progress_bar(0, 1000) == "▱▱▱▱▱▱▱▱▱▱ 0%"
    assert progress_bar(5000, 1000) == "▰▰▰▰▰▰▰▰▰▰ 100%"


def test_a_stall_is_factor_times_the_usual_time_and_never_under_the_floor() -> None:
    assert stall_threshold(10 * HOUR, factor=3, min_hours=6) == 30 * HOUR
    assert stall_threshold(0.5 * HOUR, factor=3, min_hours=6) == 6 * HOUR
    assert stall_threshold(None, factor=3, min_hours=6) == 18 * HOUR  # no history yet
    assert stall_threshold(None, factor=2, min_hours=0.5) == 1 * HOUR  # fractions allowed
