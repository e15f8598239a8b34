"""The operator's /stats chart as a PNG: money per day above, orders per day by how they
ended below. Large type, four colours, the locale's number format; drawn with matplotlib's
Agg backend (imported on first use: it costs ~30 MB and a second to import)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from babel.numbers import format_decimal

from bot.core.ops.reports import GROUPS, Day

Translate = Callable[..., str]
COLOURS = {"revenue": "#2b6cb0", "cost": "#a0aec0", "profit": "#2f855a"}
ORDER_COLOURS = {
    "completed": "#2f855a",
    "partial": "#d69e2e",
    "canceled": "#c53030",
    "open": "#a0aec0",
}
# matplotlib neither shapes Arabic letters nor lays text right to left: such charts are
# labelled in English (the numbers keep the locale's format).
LTR_LABELS = {"ar": "en"}
# Between the title and the plot, so it never hides a bar.
LEGEND = {"loc": "lower left", "bbox_to_anchor": (0, 1.0), "frameon": False, "fontsize": 16}
BARS_UP_TO = 62  # days drawn as bars; longer periods as areas
MAX_DATE_TICKS = 7  # dates under the chart: more would crowd each other on a phone


@dataclass(frozen=True)
class AxesPlan:
    money: tuple[float, float]  # the money axis, from zero (or a day's loss) up
    orders: tuple[float, float]  # the orders axis, whole orders from zero
    ticks: list[datetime]  # the dates written under the chart


def axes_plan(days: Sequence[Day]) -> AxesPlan:
    """Where the axes start and end and which dates are written: an empty period still reads
    as one (0 to 1, not ±0.04), and a month shows a date every few days, not every one."""
    money_top = max([float(d.revenue) for d in days] + [float(d.cost) for d in days] + [0.0])
    orders_top = max([float(sum(d.orders.values())) for d in days] + [0.0])
    when = [datetime.fromtimestamp(day.start, UTC) for day in days]
    step = max(1, -(-len(when) // MAX_DATE_TICKS))  # ceiling: at most MAX_DATE_TICKS dates
    ticks = when[::step]
    money_bottom = min([float(d.profit) for d in days] + [0.0])  # a loss shows below zero
    return AxesPlan(
        money=(money_bottom * 1.1, money_top * 1.1 if money_top > 0 else 1.0),
        orders=(0.0, orders_top * 1.1 if orders_top > 0 else 1.0),
        ticks=ticks,
    )


def render(days: Sequence[Day], t: Translate, locale: str, currency: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot
    from matplotlib.dates import DateFormatter
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    def say(key: str) -> str:
        return t(key, locale=LTR_LABELS.get(locale, locale))

    def number(value: float, _: object = None) -> str:
        return str(format_decimal(value, format="#,##0.##", locale=locale))

    when = [datetime.fromtimestamp(day.start, UTC) for day in days]
    pyplot.rcParams.update({"font.size": 17, "axes.titlesize": 21, "axes.titleweight": "bold"})
    figure, (money_axis, orders_axis) = pyplot.subplots(2, 1, figsize=(9, 11), dpi=110, sharex=True)
    revenue = [float(d.revenue) for d in days]
    cost = [float(d.cost) for d in days]
    counts = [[d.orders[group] for d in days] for group in GROUPS]
    names = [say(f"chart-{group}") for group in GROUPS]
    colours = [ORDER_COLOURS[group] for group in GROUPS]
    if len(days) <= BARS_UP_TO:
        money_axis.bar(
            when, revenue, width=0.8, color=COLOURS["revenue"], label=say("chart-revenue")
        )
        money_axis.bar(when, cost, width=0.4, color=COLOURS["cost"], label=say("chart-cost"))
        bottom = [0] * len(days)
        for name, colour, values in zip(names, colours, counts, strict=True):
            orders_axis.bar(when, values, width=0.8, bottom=bottom, color=colour, label=name)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    else:  # hundreds of bars are slow to draw and unreadable on a phone: areas instead
        money_axis.fill_between(when, revenue, color=COLOURS["revenue"], label=say("chart-revenue"))
        money_axis.fill_between(when, cost, color=COLOURS["cost"], label=say("chart-cost"))
        orders_axis.stackplot(when, counts, colors=colours, labels=names)
    money_axis.plot(
        when,
        [float(d.profit) for d in days],
        color=COLOURS["profit"],
        linewidth=3,
        label=say("chart-profit"),
    )
    money_axis.set_title(f"{say('chart-money-title')} ({currency})", loc="left", pad=42)
    money_axis.yaxis.set_major_formatter(FuncFormatter(number))
    money_axis.legend(**LEGEND, ncols=3)
    orders_axis.set_title(say("chart-orders-title"), loc="left", pad=66)
    orders_axis.yaxis.set_major_formatter(FuncFormatter(number))
    orders_axis.legend(**LEGEND, ncols=2)
    for axis in (money_axis, orders_axis):
        axis.spines[["top", "right"]].set_visible(False)
        axis.grid(axis="y", alpha=0.3)
    plan = axes_plan(days)
    money_axis.set_ylim(*plan.money)
    orders_axis.set_ylim(*plan.orders)
    orders_axis.yaxis.set_major_locator(MaxNLocator(integer=True))
    orders_axis.set_xticks(plan.ticks)
    orders_axis.xaxis.set_major_formatter(DateFormatter("%d.%m"))  # type: ignore[no-untyped-call]
    figure.autofmt_xdate()
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    pyplot.close(figure)
    return out.getvalue()
