"""Figures per day (bot/core/ops/reports.py) and the chart drawn from them (bot/ui/charts.py)."""

from __future__ import annotations

import io
from decimal import Decimal

import numpy
from PIL import Image

from bot.core.domain import Stage
from bot.core.ops.reports import DAY, OrderRow, daily
from bot.ui.charts import render
from bot.ui.i18n import Translator, create_core

START = 1_700_000_000.0 - 1_700_000_000.0 % DAY


def test_days_sum_revenue_less_refunds_cost_and_orders_by_how_they_ended() -> None:
    rows = [
        OrderRow(1, START + 100, Stage.COMPLETED, 2_000_000, 1_000_000),
        OrderRow(2, START + 200, Stage.PARTIAL, 3_000_000, 1_500_000),
        OrderRow(3, START + DAY + 5, Stage.CANCELED, 1_000_000, 500_000),
        OrderRow(4, START + DAY + 9, Stage.REJECTED, 9_000_000, 9_000_000),  # never sold
        OrderRow(5, START + 2 * DAY, Stage.IN_PROGRESS, 1_000_000, 400_000),
    ]
    days = daily(rows, {2: 1_000_000, 3: 1_000_000}, since=START, days=2)
    assert [d.start for d in days] == [START, START + DAY, START + 2 * DAY]
    assert days[0].revenue == Decimal("4.00") and days[0].cost == Decimal("2.50")
    assert days[0].orders == {"completed": 1, "partial": 1, "canceled": 0, "open": 0}
    assert days[1].revenue == 0 and days[1].orders["canceled"] == 1
    assert days[2].orders["open"] == 1 and days[2].profit == Decimal("0.60")


def test_a_year_of_data_draws_a_readable_png() -> None:
    rows = [
        OrderRow(
            n,
            START + (n % 365) * DAY + 60,
            Stage.COMPLETED if n % 4 else Stage.PARTIAL,
            1_000_000 + n * 10,
            500_000,
        )
        for n in range(20_000)
    ]
    days = daily(rows, {}, since=START, days=365)
    translate = Translator(create_core("en"))
    png = render(days, translate, "ru", "USD")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert 800 <= image.width <= 1300 and 800 <= image.height <= 1300  # a phone screen's worth
    pixels = numpy.asarray(image.convert("RGB"))
    colours = {tuple(p) for p in pixels.reshape(-1, 3)[::97]}
    assert len(colours) > 4  # bars, lines and text, not a blank picture
    assert (pixels[..., 2] > pixels[..., 0] + 60).any()  # the revenue bars' blue is there
