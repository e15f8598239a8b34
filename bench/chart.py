"""Drawing the /stats chart for a year of data (365 days, 20,000 orders).
Run: .venv/bin/python -m bench.chart
"""

from __future__ import annotations

import time

from bot.core.domain import Stage
from bot.core.ops.reports import DAY, OrderRow, daily
from bot.ui.charts import render
from bot.ui.i18n import Translator, create_core


def main() -> None:
    start = time.time() - 365 * DAY
    rows = [
        OrderRow(n, start + (n % 365) * DAY + 60, Stage.COMPLETED, 1_000_000 + n, 500_000)
        for n in range(20_000)
    ]
    translate = Translator(create_core("en"))
    began = time.perf_counter()
    render(daily(rows, {}, start, 7), translate, "en", "USD")
    print(f"first chart (imports matplotlib): {time.perf_counter() - began:.2f} s")
    runs = []
    for _ in range(3):
        began = time.perf_counter()
        png = render(daily(rows, {}, start, 365), translate, "en", "USD")
        runs.append(time.perf_counter() - began)
    print(
        f"a year of data (365 days, 20,000 orders): {min(runs):.2f} s, {len(png) // 1024} KB PNG "
        "(target < 1 s)"
    )


if __name__ == "__main__":
    main()
