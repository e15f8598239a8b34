"""/metrics for whoever runs the bot (bot/web.py, bot/core/ops/metrics.py): scraped after a
conversation, the counters have moved; a token keeps it off the public path."""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from bot.web import create_side_app
from tests.conftest import Harness
from tests.handlers.flows import confirm, open_service

TOKEN = "metrics-secret-token"


def value(text: str, name: str, **labels: str) -> float:
    """A sample's value in Prometheus' text format (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    pattern = rf"^{re.escape(name)}(?:\{{{re.escape(wanted)}\}})? (\S+)$" if labels else None
    for line in text.splitlines():
        if labels and pattern and re.match(pattern, line):
            return float(line.rsplit(" ", 1)[1])
        if not labels and line.startswith(name + " "):
            return float(line.split(" ")[1])
    return 0.0


async def scrape(
    h: Harness,
    token: str | None,
    configured: str | None = TOKEN,
    remote: str | None = None,
    header: str | None = None,
) -> tuple[int, str]:
    settings = h.services.settings.model_copy(
        update={
            "metrics_enabled": True,
            "metrics_token": SecretStr(configured) if configured else None,
        }
    )
    app = create_side_app(h.services.db.ping, lambda: True, settings)
    if remote is not None:  # a scraper on another machine, as the socket would say

        @web.middleware
        async def from_elsewhere(request: web.Request, handler: Any) -> web.StreamResponse:
            return await handler(request.clone(remote=remote))  # type: ignore[no-any-return]

        app.middlewares.insert(0, from_elsewhere)
    async with TestClient(TestServer(app)) as client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if header is not None:
            headers = {"Authorization": header}
        answer = await client.get("/metrics", headers=headers)
        return answer.status, await answer.text()


async def test_metrics_move_after_a_conversation_and_need_the_token(harness: Harness) -> None:
    h = harness
    status, _ = await scrape(h, None)
    assert status == 401
    status, _ = await scrape(h, "wrong")
    assert status == 401
    _, before = await scrape(h, TOKEN)

    user_id = h.new_user()
    await h.fund(user_id, "20")
    await open_service(h, user_id, 2)
    await h.say(user_id, "https://instagram.com/p/metrics")
    await confirm(h, user_id)

    status, after = await scrape(h, TOKEN)
    assert status == 200
    for kind in ("message", "callback_query"):
        assert value(after, "smm_updates_total", type=kind) > value(
            before, "smm_updates_total", type=kind
        )
    assert (
        value(after, "smm_orders_total", panel="main", outcome="placed")
        == value(before, "smm_orders_total", panel="main", outcome="placed") + 1
    )
    assert value(after, "smm_panel_calls_total", action="add", result="answered") > value(
        before, "smm_panel_calls_total", action="add", result="answered"
    )
    assert "smm_update_seconds_bucket" in after and "smm_poller_cycle_seconds" in after


async def test_without_a_token_only_this_machine_may_scrape(harness: Harness) -> None:
    status, text = await scrape(harness, None, configured=None)
    assert status == 200 and "smm_updates_total" in text
    status, text = await scrape(harness, None, configured=None, remote="203.0.113.9")
    assert status == 403 and "METRICS_TOKEN" in text
    status, _ = await scrape(harness, TOKEN, configured=TOKEN, remote="203.0.113.9")
    assert status == 200


async def test_a_non_ascii_authorization_is_refused_not_crashed(harness: Harness) -> None:
    status, _ = await scrape(harness, None, header="Bearer métrics-ключ")
    assert status == 401
