"""Figures per day for the operator's charts: revenue, panel cost, profit and orders by how
they ended. Plain arithmetic over rows the storage reads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from bot.core.domain import POLLED_STAGES, Stage
from bot.core.money import from_micros

DAY = 86400
NOT_SOLD = frozenset({Stage.REJECTED, Stage.PLACING, Stage.UNCERTAIN})
GROUPS = ("completed", "partial", "canceled", "open")


def group_of(stage: Stage) -> str:
    if stage is Stage.COMPLETED:
        return "completed"
    if stage is Stage.PARTIAL:
        return "partial"
    if stage is Stage.CANCELED:
        return "canceled"
    return "open" if stage in POLLED_STAGES or stage is Stage.STUCK else "canceled"


@dataclass(frozen=True)
class OrderRow:
    id: int
    created_at: float
    stage: Stage
    charge_micros: int
    cost_micros: int


@dataclass
class Day:
    start: float  # epoch seconds of the day's first second (UTC)
    revenue: Decimal = Decimal(0)
    cost: Decimal = Decimal(0)
    orders: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GROUPS, 0))

    @property
    def profit(self) -> Decimal:
        return self.revenue - self.cost


def daily(
    rows: Iterable[OrderRow], refunds: Mapping[int, int], since: float, days: int
) -> list[Day]:
    """One entry per day of the period, empty days included (a chart needs them): revenue is
    what customers paid for orders sold that day less what was refunded on them."""
    first = int(since // DAY) * DAY
    series = [Day(start=first + n * DAY) for n in range(days + 1)]
    for row in rows:
        if row.stage in NOT_SOLD:
            continue
        index = int((row.created_at - first) // DAY)
        if not 0 <= index < len(series):
            continue
        day = series[index]
        day.revenue += from_micros(row.charge_micros - refunds.get(row.id, 0))
        day.cost += from_micros(row.cost_micros)
        day.orders[group_of(row.stage)] += 1
    return series
