"""Mini App figures against a local bot with a 5,000-service catalog: the page's weight as
the browser downloads it (compressed), the server's answer to searches, the first screen
rendered in headless Chromium from navigation, and the operator's console: its first screen
(the catalog table) and a filter, in the browser and as the server answers it.

Run: .venv/bin/python -m bench.webapp   (needs the page built: `npm run build` in
bot/webapp/front, and Debian's chromium)
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from playwright.async_api import async_playwright

from bot.app import build_services, create_mini_app
from bot.core.settings import SANDBOX_API_KEY, Settings
from bot.sandbox import SandboxPanel, start_sandbox
from bot.web import create_side_app
from tests.conftest import serve
from tests.fakes import TOKEN, make_bot
from tests.webapp_support import launch_fragment, signed_init_data

SERVICES = 5000
ADMIN = 1
CONSOLE_QUERIES = ("followers", "tiktok", "#17", "instagram likes", "3")
CONSOLE_FILTERS = ("hidden", "paused", "vanished", "low_margin", "featured")
QUERIES = (
    "followers",
    "tiktok views",
    "youtube likes 3",
    "telegram",
    "spotify shares #2",
    "instagram followers #17",
    "comments",
    "x",
    "views #40",
    "facebook followers #9",
)


async def main() -> None:
    panel_runner, panel_url = await start_sandbox(SandboxPanel(services=SERVICES))
    folder = Path(tempfile.mkdtemp())
    settings = Settings(
        bot_token=TOKEN,
        panel_api_url=panel_url,
        panel_api_key=SANDBOX_API_KEY,
        database_path=folder / "bench.sqlite3",
        webapp_url="http://127.0.0.1/app/",
        throttle_rate_per_second=10_000,
        admin_ids=frozenset({ADMIN}),
        _env_file=None,
    )
    services = await build_services(settings)
    await services.catalog.get()
    bot, _ = make_bot()
    mini_app = create_mini_app(services, bot)
    web_runner, base = await serve(
        create_side_app(services.db.ping, lambda: True, settings, None, mini_app)
    )
    init = signed_init_data(TOKEN, 4242)
    headers = {"X-Telegram-Init-Data": init}
    try:
        async with httpx.AsyncClient(base_url=base) as http:
            weight = 0
            for path in ("/app/", "/app/assets/app.js", "/app/assets/app.css"):
                answer = await http.get(path, headers={"Accept-Encoding": "gzip"})
                answer.raise_for_status()
                weight += answer.num_bytes_downloaded
            print(f"page weight (all assets, compressed): {weight / 1024:.1f} KB (target < 150 KB)")
            await http.get("/app/api/services", params={"q": "warm up"}, headers=headers)
            timings = []
            for _ in range(10):
                for query in QUERIES:
                    started = time.perf_counter()
                    answer = await http.get(
                        "/app/api/services", params={"q": query}, headers=headers
                    )
                    answer.raise_for_status()
                    timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            catalog = services.catalog.current
            median = statistics.median(timings)
            p95 = timings[int(len(timings) * 0.95)]
            count = len(catalog.services) if catalog else 0
            print(
                f"search over {count} services: median {median:.1f} ms, p95 {p95:.1f} ms"
                " (target < 50 ms)"
            )
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is None:
            print("first screen: skipped (no chromium)")
            return
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox"]
            )
            firsts = []
            for _ in range(5):
                page = await browser.new_page(viewport={"width": 390, "height": 844})
                await page.goto(f"{base}/app/#{launch_fragment(init)}")
                await page.wait_for_selector("#services .service")
                firsts.append(await page.evaluate("performance.now()"))
                await page.close()
            await browser.close()
        print(
            f"first screen rendered: median {statistics.median(firsts):.0f} ms from navigation "
            f"(target < 1000 ms)"
        )
        await console(base, chromium)
    finally:
        await web_runner.cleanup()
        await services.catalog.close()
        await services.db.close()
        await panel_runner.cleanup()


async def console(base: str, chromium: str) -> None:
    """The operator's console over the same 5,000 services."""
    admin = {"X-Telegram-Init-Data": signed_init_data(TOKEN, ADMIN)}
    async with httpx.AsyncClient(base_url=base, headers=admin) as http:
        hidden = await http.post("/app/api/admin/catalog", json={"ids": [7], "action": "hide"})
        hidden.raise_for_status()
        timings = []
        for _ in range(10):
            for query in CONSOLE_QUERIES:
                for wanted in ("", *CONSOLE_FILTERS):
                    started = time.perf_counter()
                    answer = await http.get(
                        "/app/api/admin/catalog", params={"q": query, "filter": wanted}
                    )
                    answer.raise_for_status()
                    timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        print(
            f"console filter answered by the server (5,000 services, {len(timings)} requests):"
            f" median {statistics.median(timings):.1f} ms,"
            f" p95 {timings[int(len(timings) * 0.95)]:.1f} ms (target < 100 ms)"
        )
    fragment = launch_fragment(signed_init_data(TOKEN, ADMIN))
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        firsts, filters = [], []
        for _ in range(5):
            page = await browser.new_page(viewport={"width": 1280, "height": 800})
            await page.goto(f"{base}/app/#{fragment}&console=1")
            await page.wait_for_selector("#console-table tbody tr")
            firsts.append(await page.evaluate("performance.now()"))
            started = time.perf_counter()
            await page.select_option("#console-filter", "hidden")
            await page.wait_for_function(
                "document.querySelectorAll('#console-table tbody tr').length === 1"
            )
            filters.append((time.perf_counter() - started) * 1000)
            await page.close()
        await browser.close()
    print(
        f"console first screen (catalog table of 5,000): median {statistics.median(firsts):.0f} ms"
        " from navigation (target < 1000 ms)"
    )
    print(
        f"console filter in the browser (choose → table shown): median"
        f" {statistics.median(filters):.0f} ms (target < 100 ms)"
    )


if __name__ == "__main__":
    asyncio.run(main())
