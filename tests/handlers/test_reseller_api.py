"""The shop's own API v2 (bot/core/reselling/, bot/panel_api/) as a downstream panel calls it
with a customer's key, and API access as the customer and the admins use it in the chat."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_panel_api
from bot.core.domain import Stage
from bot.core.money import fmt_rate
from bot.web import create_side_app
from tests.backends import BACKENDS
from tests.conftest import ADMIN_ID, Harness, open_harness
from tests.fakes import buttons
from tests.handlers.flows import deliver_outbox

FOLLOWERS = 1  # Default: link, quantity 50–10000, refill 30 days
PUBLIC = "https://shop.example"


@pytest_asyncio.fixture(scope="module", params=BACKENDS)
async def shop(request: pytest.FixtureRequest, tmp_db_dir: Path) -> AsyncIterator[Harness]:
    async with open_harness(
        request.param, tmp_db_dir, reseller_api=True, public_url=PUBLIC
    ) as opened:
        yield opened


@pytest_asyncio.fixture
async def web(shop: Harness) -> AsyncIterator[TestClient[Any, Any]]:
    services = shop.services
    app = create_side_app(
        services.db.ping,
        lambda: True,
        services.settings,
        panel_api=create_panel_api(services),
    )
    async with TestClient(TestServer(app)) as client:
        yield client


async def new_key(h: Harness, user_id: int) -> str:
    """What a customer does: /api, then Create a key; the key is read off the chat."""
    await h.say(user_id, "/start")
    screen = await h.say(user_id, "/api")
    assert f"{PUBLIC}/api/v2" in screen and "You have no key yet" in screen
    await h.press(user_id, "Create a key")
    shown = next(t for t in h.session.texts(user_id) if "Your new key" in t)
    found = re.search(r"<code>([A-Za-z0-9_-]{20,})</code>", shown)
    assert found is not None
    return found.group(1)


async def call(web: TestClient[Any, Any], key: str, **fields: Any) -> Any:
    answer = await web.post("/api/v2", data={"key": key, **{k: str(v) for k, v in fields.items()}})
    assert answer.status == 200, await answer.text()
    return await answer.json()


async def test_a_key_is_shown_once_rotated_revoked_and_switched_off_by_an_admin(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    h = shop
    user_id = h.new_user()
    await h.fund(user_id, "12.5")
    key = await new_key(h, user_id)
    assert await call(web, key, action="balance") == {"balance": "12.50000", "currency": "USD"}
    stored = await h.services.stores.api_keys.access(user_id)
    assert stored.has_key
    async with h.services.db.read() as conn:  # kept hashed: the key itself is nowhere
        hashes = (await conn.execute("SELECT key_hash FROM api_keys")).all()
    assert all(key not in str(row) for row in hashes)
    assert "is active since" in await h.say(user_id, "/api")

    await h.press(user_id, "Rotate the key")
    rotated = re.findall(r"<code>([A-Za-z0-9_-]{20,})</code>", "\n".join(h.session.texts(user_id)))
    assert rotated and rotated[-1] != key
    assert await call(web, key, action="balance") == {"error": "Invalid API key"}
    assert (await call(web, rotated[-1], action="balance"))["balance"] == "12.50000"

    assert "is off" in await h.say(ADMIN_ID, f"/api_off {user_id}")
    assert await call(web, rotated[-1], action="balance") == {"error": "Invalid API key"}
    assert "switched your API access off" in await h.say(user_id, "/api")
    await h.say(ADMIN_ID, f"/api_on {user_id}")
    assert "balance" in await call(web, rotated[-1], action="balance")
    await h.say(ADMIN_ID, f"/ban {user_id}")
    assert await call(web, rotated[-1], action="balance") == {"error": "Invalid API key"}
    await h.say(ADMIN_ID, f"/unban {user_id}")
    await h.say(user_id, "/api")
    await h.press(user_id, "Revoke the key")
    assert await call(web, rotated[-1], action="balance") == {"error": "Invalid API key"}
    assert await call(web, "", action="balance") == {"error": "Invalid API key"}


async def test_services_add_status_and_cancel_answer_as_panels_do(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    h = shop
    buyer, other = h.new_user(), h.new_user()
    await h.fund(buyer, "50")
    key = await new_key(h, buyer)
    listed = await call(web, key, action="services")
    followers = next(s for s in listed if s["service"] == FOLLOWERS)
    service = await h.services.catalog.service(FOLLOWERS)
    assert service is not None
    assert followers["rate"] == fmt_rate(h.services.pricing.rate(service))  # the shop's price
    assert set(followers) == {
        "service", "name", "type", "category", "rate", "min", "max", "refill", "cancel",
        "dripfeed",
    }  # fmt: skip
    assert followers["min"] == str(service.min) and followers["refill"] is True

    placed = await call(
        web, key, action="add", service=FOLLOWERS, link="https://instagram.com/p/api1", quantity=100
    )
    order_id = placed["order"]
    assert isinstance(order_id, int)
    order = await h.services.stores.orders.get_order(order_id)
    assert order is not None and order.via_api and order.user_id == buyer
    assert order.charge == h.services.pricing.price(service, 100)
    assert await h.services.stores.wallets.balance(buyer) == Decimal(50) - order.charge
    assert len([r for r in h.sandbox.state.requests if r.get("action") == "add"]) >= 1

    status = await call(web, key, action="status", order=order_id)
    assert status == {
        "charge": f"{order.charge:.5f}",
        "start_count": "0",
        "status": "Pending",
        "remains": "0",
        "currency": "USD",
    }
    # Another customer's order is not this key's: "incorrect", in its slot of a batch.
    await h.fund(other, "5")
    other_key = await new_key(h, other)
    theirs = await call(
        web, other_key, action="add", service=FOLLOWERS, link="https://instagram.com/p/o1",
        quantity=50,
    )  # fmt: skip
    batch = await call(web, key, action="status", orders=f"{order_id},{theirs['order']},abc")
    assert batch[str(order_id)]["status"] == "Pending"
    assert batch[str(theirs["order"])] == {"error": "Incorrect order ID"}
    assert batch["0"] == {"error": "Incorrect order ID"}
    assert await call(web, key, action="status", order=theirs["order"]) == {
        "error": "Incorrect order ID"
    }

    canceled = await call(web, key, action="cancel", orders=f"{order_id},{theirs['order']}")
    assert canceled[1] == {"order": theirs["order"], "cancel": {"error": "Incorrect order ID"}}
    assert canceled[0]["order"] == order_id

    # The chat: marked as an API order, and no notice unless the customer asks for them.
    await h.say(buyer, "My orders")
    assert any(f"#{order_id} 🔌" in text for text, _ in buttons(h.session.last(buyer).reply_markup))
    await h.services.stores.statuses.apply_status(order_id, Stage.IN_PROGRESS, 1, 100)
    h.session.clear()
    await deliver_outbox(h)
    assert not any(f"Order #{order_id}" in t for t in h.session.texts(buyer))
    await h.say(buyer, "/api")
    await h.press(buyer, "Notify me of API orders")
    await h.services.stores.statuses.apply_status(order_id, Stage.COMPLETED, 1, 0)
    h.session.clear()
    await deliver_outbox(h)
    assert any(f"Order #{order_id}" in t for t in h.session.texts(buyer))


async def test_refusals_use_the_words_real_panels_use(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    h = shop
    buyer = h.new_user()
    await h.fund(buyer, "0.05")
    key = await new_key(h, buyer)
    link = "https://instagram.com/p/refused"
    add = {"action": "add", "service": FOLLOWERS, "link": link}
    cases: list[tuple[dict[str, Any], str]] = [
        ({"action": "fly"}, "Incorrect request"),
        ({**add, "service": 999999, "quantity": 100}, "Incorrect service ID"),
        ({**add, "quantity": 1}, "Quantity less than minimal 50"),
        ({**add, "quantity": 10**9}, "Quantity more than maximal 10000"),
        ({**add, "link": "not a link", "quantity": 100}, "Bad link"),
        ({**add, "link": "https://instagram.com:abc/x", "quantity": 100}, "Bad link"),
        ({**add, "link": "instagram.com:99999/p/1", "quantity": 100}, "Bad link"),
        ({**add, "link": "https://[::1/x", "quantity": 100}, "Bad link"),
        ({**add, "quantity": 10000}, "Not enough funds on balance"),
        ({"action": "status", "order": "x"}, "Incorrect order ID"),
        ({"action": "refill", "order": 1}, "Incorrect order ID"),
        ({"action": "refill_status", "refill": 1}, "Refill not found"),
        ({"action": "status", "orders": ",".join(["1"] * 101)}, "Incorrect request"),
    ]
    for fields, words in cases:
        assert await call(web, key, **fields) == {"error": words}, fields
    assert await h.services.stores.wallets.balance(buyer) == Decimal("0.05")
    # JSON bodies too, and a body that is neither form nor JSON is a 400 with the same shape.
    answer = await web.post("/api/v2", json={"key": key, "action": "balance"})
    assert (await answer.json())["balance"] == "0.05000"
    broken = await web.post(
        "/api/v2", data=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert broken.status == 400 and await broken.json() == {"error": "Incorrect request"}


async def test_a_flood_from_one_key_gets_429_and_other_keys_are_not_slowed(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    h = shop
    loud, quiet = h.new_user(), h.new_user()
    loud_key, quiet_key = await new_key(h, loud), await new_key(h, quiet)
    answers = await asyncio.gather(
        *(web.post("/api/v2", data={"key": loud_key, "action": "balance"}) for _ in range(40))
    )
    statuses = [a.status for a in answers]
    assert statuses.count(429) >= 15 and statuses.count(200) >= 20
    refused = next(a for a in answers if a.status == 429)
    assert await refused.json() == {"error": "Too many requests"}
    assert (await web.post("/api/v2", data={"key": quiet_key, "action": "balance"})).status == 200


async def test_the_documentation_page_lists_every_action_in_the_customer_language(
    web: TestClient[Any, Any],
) -> None:
    page = await (await web.get("/api", headers={"Accept-Language": "fr-FR,fr"})).text()
    assert "Exemple de requête" in page and f"{PUBLIC}/api/v2" in page
    for action in ("services", "add", "status", "refill", "refill_status", "cancel", "balance"):
        assert f'id="{action}"' in page
    english = await (await web.get("/api?lang=en")).text()
    assert "Example answer" in english


async def test_runs_are_refused_for_a_service_without_drip_feed(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    """Issue 34: `quantity=100, runs=1000` on a service that says `"dripfeed": false` was
    charged 1000 times over."""
    h = shop
    buyer = h.new_user()
    await h.fund(buyer, "50")
    key = await new_key(h, buyer)
    catalog = await h.services.catalog.get()
    plain = next(s for s in catalog.services if s.type == "Default" and not s.dripfeed)
    add = {"action": "add", "service": plain.id, "link": "https://instagram.com/p/nodrip"}
    answer = await call(web, key, **add, quantity=plain.min, runs=1000, interval=5)
    assert "error" in answer and "drip" in answer["error"].lower()
    assert await h.services.stores.wallets.balance(buyer) == Decimal(50)
    assert await h.services.stores.orders.list_orders(buyer) == []


async def test_a_json_body_nested_past_any_reason_is_a_clear_refusal(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    for raw in ("[" * 100_000, '{"key": ' + "[" * 5000 + "]" * 5000 + "}"):
        answer = await web.post("/api/v2", data=raw, headers={"Content-Type": "application/json"})
        assert answer.status == 400
        assert await answer.json() == {"error": "Incorrect request"}


async def test_a_stranger_guessing_keys_costs_a_few_database_reads_then_none(
    shop: Harness, web: TestClient[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 34: every unknown key cost a database lookup."""
    from bot.core.reselling.key_store import ApiKeyStore

    reads = 0
    real_owner = ApiKeyStore.owner

    async def counted(self: ApiKeyStore, key: str) -> int | None:
        nonlocal reads
        reads += 1
        return await real_owner(self, key)

    monkeypatch.setattr(ApiKeyStore, "owner", counted)
    for n in range(60):
        answer = await call(web, f"guess-{n:04d}-" + "x" * 24, action="balance")
        assert answer == {"error": "Invalid API key"}
    assert reads <= 10


async def test_an_over_long_field_is_refused_never_cut(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    """Issue 34: a field past 50,000 characters was cut mid-line, so a long comment list was
    ordered (and charged) shorter than sent, its last comment half a line."""
    h = shop
    buyer = h.new_user()
    await h.fund(buyer, "50")
    key = await new_key(h, buyer)
    comments = "\n".join("x" * 400 + f" {n}" for n in range(300))  # ~120,000 characters
    answer = await call(
        web, key, action="add", service=4, link="https://instagram.com/p/long", comments=comments
    )
    assert "error" in answer and "too long" in answer["error"]
    assert await h.services.stores.orders.list_orders(buyer) == []


async def test_services_carry_each_services_measured_record_and_leave_out_paused_ones(
    shop: Harness, web: TestClient[Any, Any]
) -> None:
    """Issue 36: `services` adds `average_time` (minutes per 1,000) and a `reliability` object
    where enough orders finished; a service an admin paused is not offered at all."""
    from bot.core.reliability.record import Outcome, Record

    h = shop
    measured, quiet, paused = 183, 184, 185
    record = Record()
    now = time.time()
    for _ in range(8):
        record.started(20, now)
        record.finished(Outcome.COMPLETED, now, minutes_per_thousand=180)
    await h.services.stores.records.save({(measured, "main"): record})
    await h.services.reliability.reload()
    await h.say(ADMIN_ID, f"/service {paused} pause")
    key = await new_key(h, h.new_user())
    listed = {s["service"]: s for s in await call(web, key, action="services")}
    shown = listed[measured]["reliability"]
    assert shown["orders"] == 8 and shown["completed_percent"] == 100
    assert shown["verdict"] == "fair"  # reliable needs 10 orders
    assert 150 <= int(listed[measured]["average_time"]) <= 215
    assert 16 <= shown["start_minutes"] <= 24
    assert shown["not_started_in_24h_percent"] == 0
    assert "reliability" not in listed[quiet] and "average_time" not in listed[quiet]
    assert paused not in listed
    await h.say(ADMIN_ID, f"/service {paused} resume")
