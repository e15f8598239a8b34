"""How long delivery takes, learnt from the bot's own completed orders; when an open order
has stalled. Plain rules, tested without a database."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

ENOUGH_ORDERS = 5  # before this many completed orders, the bot says nothing
PER = 1000  # times are learnt per 1,000 units where the quantity matters
MINUTE, HOUR, DAY = 60.0, 3600.0, 86400.0


@dataclass(frozen=True)
class Sample:
    seconds: float  # from placement to Completed
    quantity: int


@dataclass(frozen=True)
class DeliveryTime:
    median: float  # seconds, per 1,000 units when `per_thousand`
    p90: float
    orders: int
    per_thousand: bool

    def for_quantity(self, quantity: int, *, percentile: str = "median") -> float:
        base = self.median if percentile == "median" else self.p90
        return base * quantity / PER if self.per_thousand else base


def learn(samples: Sequence[Sample], per_thousand: bool) -> DeliveryTime | None:
    """Median and 90th percentile of the samples; None while there are too few."""
    usable = [s for s in samples if s.seconds >= 0 and s.quantity > 0]
    if len(usable) < ENOUGH_ORDERS:
        return None
    values = sorted(s.seconds * PER / s.quantity if per_thousand else s.seconds for s in usable)
    p90 = values[math.ceil(0.9 * len(values)) - 1]  # nearest rank
    return DeliveryTime(
        median=statistics.median(values), p90=p90, orders=len(usable), per_thousand=per_thousand
    )


@dataclass(frozen=True)
class Duration:
    """A duration as people say it: a locale key and the number it counts."""

    key: str
    count: int


def describe(seconds: float) -> Duration:
    """ "under a minute", "about 5 min", "about 3 h", "about 2 days"."""
    if seconds < MINUTE:
        return Duration("duration-under-minute", 0)
    if seconds < HOUR:
        return Duration("duration-minutes", max(1, round(seconds / MINUTE)))
    if seconds < DAY:
        return Duration("duration-hours", max(1, round(seconds / HOUR)))
    return Duration("duration-days", max(1, round(seconds / DAY)))


def progress_bar(delivered: int, quantity: int, width: int = 10) -> str:
    """'▰▰▰▱▱▱▱▱▱▱ 30%' — how far an order is, in text."""
    share = 0.0 if quantity <= 0 else min(1.0, max(0.0, delivered / quantity))
    filled = round(share * width)
    return "▰" * filled + "▱" * (width - filled) + f" {round(share * 100)}%"


def stall_threshold(expected_p90: float | None, factor: float, min_hours: float) -> float:
    """How long an open order may go without moving before it is flagged: `factor` times the
    service's usual (90th percentile) time, and never less than `min_hours`. Without enough
    history the bot waits `factor` × `min_hours`."""
    floor = min_hours * HOUR
    if expected_p90 is None:
        return factor * floor
    return max(floor, factor * expected_p90)
