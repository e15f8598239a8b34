"""The operator's console API (bot/webapp/console_routes.py): 403 for anyone but ADMIN_IDS on
every endpoint, and the same core services as the commands behind each action."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

from bot.app import mini_app_over
from bot.core.domain import NewOrder
from bot.web import create_side_app
from tests.backends import BACKENDS
from tests.conftest import ADMIN_ID, Harness, open_harness
from tests.fakes import TOKEN
from tests.webapp_support import signed_init_data

SEO, COMMENTS = 3, 4
GETS = (
    "/app/api/admin/catalog",
    "/app/api/admin/catalog/1/history",
    "/app/api/admin/attention",
    "/app/api/admin/panels",
    "/app/api/admin/stats",
    "/app/api/admin/stats/chart",
    "/app/api/admin/audit",
)
POSTS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("/app/api/admin/catalog", {"ids": [1], "action": "hide"}),
    ("/app/api/admin/attention/1/refund", {}),
    ("/app/api/admin/attention/1/attach", {"panel_order_id": 5}),
)


@pytest_asyncio.fixture(scope="module", params=BACKENDS)
async def shop(request: pytest.FixtureRequest, tmp_db_dir: Path) -> AsyncIterator[Harness]:
    async with open_harness(request.param, tmp_db_dir, margin_alert_percent=Decimal(11)) as h:
        yield h


@pytest_asyncio.fixture
async def web(shop: Harness) -> AsyncIterator[TestClient[Any, Any]]:
    services = shop.services
    app = create_side_app(
        services.db.ping,
        lambda: True,
        services.settings,
        mini_app=mini_app_over(services, shop.bot),
    )
    async with TestClient(TestServer(app)) as client:
        yield client


def auth(user_id: int) -> dict[str, str]:
    return {"X-Telegram-Init-Data": signed_init_data(TOKEN, user_id)}


async def test_every_console_endpoint_refuses_anyone_but_an_admin(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    customer = shop.new_user()
    me = await (await web.get("/app/api/me", headers=auth(customer))).json()
    assert me["admin"] is False
    for path in GETS:
        answer = await web.get(path, headers=auth(customer))
        assert answer.status == 403, path
        assert (await answer.json())["error"] == "forbidden"
    for path, body in POSTS:
        answer = await web.post(path, json=body, headers=auth(customer))
        assert answer.status == 403, path
    assert (await web.get(GETS[0])).status == 401  # no init data at all
    assert (await (await web.get("/app/api/me", headers=auth(ADMIN_ID))).json())["admin"] is True
    # Nothing the refused calls asked for happened.
    assert not shop.services.curation.is_hidden(1)


async def test_the_catalog_lists_filters_and_curates_through_the_same_services(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    h = shop
    admin = auth(ADMIN_ID)
    listed = await (await web.get("/app/api/admin/catalog?limit=5", headers=admin)).json()
    assert listed["all"] == listed["total"] >= 300 and len(listed["items"]) == 5
    row = listed["items"][0]
    assert set(row) >= {"id", "name", "category", "panel", "cost", "price", "margin", "status"}
    found = await (await web.get("/app/api/admin/catalog?q=keyword traffic", headers=admin)).json()
    assert [r["id"] for r in found["items"]] == [SEO]

    answer = await web.post(
        "/app/api/admin/catalog", json={"ids": [SEO], "action": "hide"}, headers=admin
    )
    assert answer.status == 200 and (await answer.json())["items"][0]["status"] == "hidden"
    assert (await h.services.catalog.get()).by_id.get(SEO) is None  # customers: gone
    hidden = await (await web.get("/app/api/admin/catalog?filter=hidden", headers=admin)).json()
    assert [r["id"] for r in hidden["items"]] == [SEO]
    await web.post("/app/api/admin/catalog", json={"ids": [SEO], "action": "show"}, headers=admin)

    await web.post(
        "/app/api/admin/catalog",
        json={"ids": [COMMENTS], "action": "rename", "value": "Hand-written comments"},
        headers=admin,
    )
    assert (await h.services.catalog.get()).by_id[COMMENTS].name == "Hand-written comments"
    answer = await web.post(
        "/app/api/admin/catalog",
        json={"ids": [COMMENTS], "action": "price", "value": "8.4"},  # cost 8: a thin margin
        headers=admin,
    )
    [priced] = (await answer.json())["items"]
    assert priced["price"] == "8.40" and priced["low_margin"] and priced["status"] == "on_sale"
    thin = await (await web.get("/app/api/admin/catalog?filter=low_margin", headers=admin)).json()
    assert COMMENTS in [r["id"] for r in thin["items"]]
    for bad in (
        {"ids": [COMMENTS], "action": "price", "value": "cheap"},
        {"ids": [999_999], "action": "hide"},
        {"ids": [COMMENTS], "action": "explode"},
        {"ids": "all", "action": "hide"},
    ):
        answer = await web.post("/app/api/admin/catalog", json=bad, headers=admin)
        assert answer.status == 400, bad
    assert (await web.get("/app/api/admin/catalog?filter=nope", headers=admin)).status == 400
    audit = await (await web.get("/app/api/admin/audit", headers=admin)).json()
    actions = [e["action"] for e in audit["items"]]
    assert {"service.hidden", "service.rename", "service.price"} <= set(actions)
    await web.post(
        "/app/api/admin/catalog",
        json={"ids": [COMMENTS], "action": "price", "value": "off"},
        headers=admin,
    )
    await web.post(
        "/app/api/admin/catalog", json={"ids": [COMMENTS], "action": "rename"}, headers=admin
    )


async def test_attention_refunds_an_order_in_doubt_once_and_the_other_screens_answer(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    h = shop
    admin = auth(ADMIN_ID)
    user = h.new_user()
    await h.fund(user, "10")
    stores = h.services.stores
    order_id = await stores.orders.create_order(
        NewOrder(
            user_id=user,
            client_token=f"doubt-{user}",
            service_id=1,
            service_name="Followers",
            service_type="Default",
            category="Instagram",
            link=f"https://instagram.com/doubt{user}",
            fields={},
            quantity=100,
            charge=Decimal("2.00"),
            cost=Decimal("1.00"),
            currency="USD",
        )
    )
    await stores.orders.mark_uncertain(order_id, "timeout", [])
    doubt = await (await web.get("/app/api/admin/attention", headers=admin)).json()
    assert any(o["id"] == order_id and o["resolvable"] for o in doubt["items"])
    path = f"/app/api/admin/attention/{order_id}/refund"
    assert (await web.post(path, json={}, headers=admin)).status == 200
    assert (await web.post(path, json={}, headers=admin)).status == 409  # a second tap
    assert await stores.wallets.balance(user) == Decimal(10)
    attach = f"/app/api/admin/attention/{order_id}/attach"
    assert (await web.post(attach, json={"panel_order_id": "x"}, headers=admin)).status == 400

    panels = await (await web.get("/app/api/admin/panels", headers=admin)).json()
    assert panels["items"][0]["name"] == "main" and panels["items"][0]["up"] is True
    stats = await (await web.get("/app/api/admin/stats?days=7", headers=admin)).json()
    assert stats["days"] == 7 and "profit" in stats
    chart = await web.get("/app/api/admin/stats/chart?days=7", headers=admin)
    assert chart.status == 200 and chart.content_type == "image/png"
    assert (await chart.read()).startswith(b"\x89PNG")
    history = await (await web.get("/app/api/admin/catalog/1/history", headers=admin)).json()
    assert history["id"] == 1 and history["lines"][0]["panel"] == "main"
    assert (await web.get("/app/api/admin/catalog/99999999/history", headers=admin)).status == 404


async def test_the_catalog_sorts_by_record_and_a_service_shows_its_panels_and_timeline(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    """Issue 36: sortable columns (the record's too), each panel's record side by side and the
    orders per day by outcome for one service."""
    import time

    from bot.core.reliability.record import Outcome, Record

    h = shop
    now = time.time()
    better, worse = Record(), Record()
    for n in range(12):
        better.finished(Outcome.COMPLETED, now, 60)
        worse.finished(Outcome.COMPLETED if n % 2 else Outcome.CANCELED, now, 60)
    await h.services.stores.records.save({(201, "main"): better, (202, "main"): worse})
    await h.services.reliability.reload()
    answer = await web.get(
        "/app/api/admin/catalog?q=Followers&sort=completed&desc=1&limit=500", headers=auth(ADMIN_ID)
    )
    rows = (await answer.json())["items"]
    ids = [row["id"] for row in rows]
    assert ids.index(201) < ids.index(202)
    assert rows[0]["completed"] == 100 and rows[0]["verdict"] == "reliable"
    assert rows[-1]["completed"] is None  # no record yet: last either way
    cheap = await (
        await web.get("/app/api/admin/catalog?sort=cost&limit=500", headers=auth(ADMIN_ID))
    ).json()
    costs = [Decimal(row["cost"]) for row in cheap["items"]]
    assert costs == sorted(costs)
    bad = await web.get("/app/api/admin/catalog?sort=secret", headers=auth(ADMIN_ID))
    assert bad.status == 400 and (await bad.json())["error"] == "bad_sort"

    # An order of 202 in doubt, refunded today: the timeline's today says so.
    user = h.new_user()
    await h.fund(user, "10")
    order_id = await h.services.stores.orders.create_order(
        NewOrder(
            user_id=user,
            client_token=f"timeline-{user}",
            service_id=202,
            service_name="Followers",
            service_type="Default",
            category="Instagram",
            link=f"https://instagram.com/timeline{user}",
            fields={},
            quantity=100,
            charge=Decimal("2.00"),
            cost=Decimal("1.00"),
            currency="USD",
        )
    )
    await h.services.stores.orders.mark_uncertain(order_id, "timeout", [])
    refund = f"/app/api/admin/attention/{order_id}/refund"
    assert (await web.post(refund, json={}, headers=auth(ADMIN_ID))).status == 200
    history = "/app/api/admin/catalog/202/history"
    seen = await (await web.get(history, headers=auth(ADMIN_ID))).json()
    [panel] = seen["panels"]
    assert panel["panel"] == "main" and "50 % completed (12 orders)" in panel["record"]
    today = time.strftime("%Y-%m-%d", time.gmtime())
    [day] = [d for d in seen["timeline"] if d["day"] == today]
    assert day["rejected"] >= 1 and {"completed", "partial", "canceled"} <= set(day)
