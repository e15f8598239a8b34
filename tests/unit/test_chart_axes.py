"""The /stats chart's axes (issue 37): an empty period is drawn from zero up, not around it,
with whole orders; dates under the chart never crowd each other."""

from __future__ import annotations

from decimal import Decimal

from bot.core.ops.reports import Day
from bot.ui.charts import MAX_DATE_TICKS, axes_plan

DAY = 86400.0
START = 1_796_000_000.0 - 1_796_000_000.0 % DAY


def test_a_day_without_orders_starts_at_zero_not_below() -> None:
    plan = axes_plan([Day(START)])
    assert plan.money == (0.0, 1.0) and plan.orders == (0.0, 1.0)
    assert len(plan.ticks) == 1  # the one day, said once


def test_the_axes_fit_the_largest_day() -> None:
    busy = Day(START, revenue=Decimal("12.5"), cost=Decimal("4"))
    busy.orders["completed"] = 3
    busy.orders["partial"] = 2
    plan = axes_plan([Day(START - DAY), busy])
    assert plan.money[0] == 0.0 and plan.money[1] >= 12.5
    assert plan.orders[0] == 0.0 and plan.orders[1] >= 5


def test_a_month_shows_a_few_dates_a_week_apart_at_most() -> None:
    month = [Day(START + n * DAY) for n in range(30)]
    ticks = axes_plan(month).ticks
    assert 2 <= len(ticks) <= MAX_DATE_TICKS
    assert ticks == sorted(ticks) and len(set(ticks)) == len(ticks)
    year = [Day(START + n * DAY) for n in range(365)]
    assert len(axes_plan(year).ticks) <= MAX_DATE_TICKS
