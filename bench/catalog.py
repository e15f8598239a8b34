"""Catalog figures for 5,000 services: parse + index time, idle bot memory, page render time.

Run: .venv/bin/python -m bench.catalog   (needs `npm ci` in tests/e2e/node for the RSS figure)
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from pydantic import SecretStr

from bot.core.catalog.cache import Catalog
from bot.core.catalog.pricing import Pricing
from bot.core.panels import PanelClient
from bot.sandbox.catalog import build_catalog
from bot.ui.i18n import Translator, create_core
from bot.ui.keyboards import services_page
from tests.e2e.stand import Stand, wait_until

SERVICES = 5000


class _I18n:
    def __init__(self) -> None:
        self._t = Translator(create_core("en"))

    def get(self, key: str, *args: object, **kwargs: object) -> str:
        return self._t(key, "en", **kwargs)


class _NoOverrides(Pricing):
    def __init__(self) -> None:
        super().__init__(None, __import__("decimal").Decimal(30))  # type: ignore[arg-type]


async def parse_and_index() -> tuple[float, Catalog]:
    body = json.dumps(build_catalog(SERVICES)).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    async with httpx.AsyncClient(transport=transport) as http:
        panel = PanelClient(http, "https://panel.test/api/v2", SecretStr("k"))
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            catalog = Catalog.build(await panel.services())
            timings.append(time.perf_counter() - started)
    return statistics.median(timings), catalog


def render_page(catalog: Catalog) -> float:
    i18n, pricing = _I18n(), _NoOverrides()
    big = max(catalog.categories, key=lambda c: len(c.services))
    started = time.perf_counter()
    rounds = 200
    for page in range(rounds):
        services_page(i18n, big, page % 100, pricing, "USD")  # type: ignore[arg-type]
    return (time.perf_counter() - started) / rounds


def _rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    kb = int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1])
    return kb / 1024


def aiogram_only_rss_mb() -> float:
    """A process that only imported aiogram: the floor every aiogram bot stands on."""
    probe = "import aiogram, os; print(os.getpid(), flush=True); input()"
    process = subprocess.Popen(
        [sys.executable, "-c", probe], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdout is not None
    assert process.stdin is not None
    rss = _rss_mb(int(process.stdout.readline()))
    process.stdin.write(b"\n")
    process.stdin.close()
    process.wait()
    return rss


def idle_rss_mb() -> float:
    """RSS of the real bot process, restarted on its database, once it holds the
    5,000-service catalog and has been idle for a few seconds."""
    with tempfile.TemporaryDirectory() as folder:
        stand = Stand(Path(folder))
        stand.sandbox_services = SERVICES
        try:
            stand.start()  # the first start creates the database
            stand.kill_bot(15)
            stand.bot_log.write_text("")
            stand.start_bot()
            wait_until(lambda: f"services={SERVICES}" in stand.log(), 30, "the catalog to load")
            time.sleep(3)
            return _rss_mb(stand.processes["bot"].pid)
        finally:
            stand.stop()


def main() -> None:
    seconds, catalog = asyncio.run(parse_and_index())
    print(f"services: {len(catalog.services)} in {len(catalog.categories)} categories")
    print(f"parse + index: {seconds * 1000:.0f} ms (target < 200 ms)")
    print(f"render a category page (8 services + pager): {render_page(catalog) * 1e6:.0f} µs")
    floor = aiogram_only_rss_mb()
    bot = idle_rss_mb()
    print(f"RSS of a process that only imported aiogram: {floor:.0f} MB")
    print(f"idle bot RSS holding the catalog: {bot:.0f} MB")
    print(f"the bot above aiogram's floor: {bot - floor:.0f} MB (target ≤ 30 MB)")


if __name__ == "__main__":
    main()
