"""The Mini App's API (bot/webapp/api.py) over the same services as the chat: who may call,
the catalog, the form's rules, exactly-once orders, only one's own orders."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

from bot.app import Services, mini_app_over
from bot.core.customers.directory import Customers
from bot.core.settings import Settings
from bot.web import create_side_app
from bot.webapp.api import MiniApp
from tests.conftest import Harness
from tests.fakes import TOKEN
from tests.webapp_support import forged, signed_init_data

DEFAULT = 1  # "Instagram Followers ⭐": link, quantity 50–10000, drip-feed offered


def mini_app(services: Services, bot: Any, settings: Settings | None = None) -> MiniApp:
    return mini_app_over(services, bot, settings)


@pytest_asyncio.fixture
async def client(harness: Harness) -> AsyncIterator[TestClient[Any, Any]]:
    app = create_side_app(
        harness.services.db.ping,
        lambda: True,
        harness.services.settings,
        None,
        mini_app(harness.services, harness.bot),
    )
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


def auth(user_id: int, **kwargs: Any) -> dict[str, str]:
    return {"X-Telegram-Init-Data": signed_init_data(TOKEN, user_id, **kwargs)}


async def test_missing_forged_and_expired_init_data_get_401_and_a_banned_user_403(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    user = harness.new_user()
    for headers in (
        {},
        {"X-Telegram-Init-Data": forged(signed_init_data(TOKEN, user))},
        {"X-Telegram-Init-Data": signed_init_data("1:another-bot-token", user)},
        auth(user, auth_date=time.time() - 25 * 3600),
    ):
        answer = await client.get("/app/api/me", headers=headers)
        assert answer.status == 401
        body = await answer.json()
        assert body["error"] == "unauthorized" and "only opens from the bot" in body["message"]
    french = await client.get("/app/api/orders", headers={"Accept-Language": "fr-FR,fr"})
    assert "uniquement depuis le bot" in (await french.json())["message"]
    assert (await client.get("/app/api/me", headers=auth(user))).status == 200
    await harness.services.customers.set_banned(user, True)
    answer = await client.get("/app/api/services?q=likes", headers=auth(user))
    assert answer.status == 403 and (await answer.json())["error"] == "banned"
    await harness.services.customers.set_banned(user, False)


async def test_me_catalog_search_and_a_service_card(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    user = harness.new_user()
    await harness.fund(user, "12.5")
    me = await (await client.get("/app/api/me", headers=auth(user, language="ar"))).json()
    assert me["rtl"] is True and me["locale"] == "ar" and me["balance"] == "12.50 USD"
    assert me["strings"]["app-confirm"] == "تأكيد"
    listing = await (await client.get("/app/api/categories", headers=auth(user))).json()
    assert listing["categories"] and "Instagram" in listing["platforms"]
    found = await (
        await client.get("/app/api/services", params={"q": "custom comments"}, headers=auth(user))
    ).json()
    assert found["total"] >= 1 and "Found" in found["found"]
    assert all("comments" in item["name"].lower() for item in found["items"])
    cheap = await (
        await client.get("/app/api/services", params={"max": "1"}, headers=auth(user))
    ).json()
    assert all(Decimal(item["rate_value"]) <= 1 for item in cheap["items"])
    card = await (await client.get(f"/app/api/services/{DEFAULT}", headers=auth(user))).json()
    names = [field["name"] for field in card["fields"]]
    assert names[:3] == ["link", "quantity", "dripfeed"]
    runs = next(f for f in card["fields"] if f["name"] == "runs")
    assert runs["when"] == {"field": "dripfeed", "equals": "yes"}
    missing = await client.get("/app/api/services/999999", headers=auth(user))
    assert missing.status == 404


async def test_the_form_follows_the_chats_rules_and_orders_are_placed_once(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    user = harness.new_user()
    await harness.fund(user, "50")
    wrong = {"link": "not a link", "quantity": "5", "dripfeed": "no"}
    answer = await client.post(
        "/app/api/quote", json={"service_id": DEFAULT, "answers": wrong}, headers=auth(user)
    )
    errors = (await answer.json())["errors"]
    assert answer.status == 422 and set(errors) == {"link", "quantity"}
    assert "50" in errors["quantity"]  # the service's minimum, as the chat says it
    answers = {"link": "https://instagram.com/p/webapp1", "quantity": "1000", "dripfeed": "no"}
    summary = (
        await (
            await client.post(
                "/app/api/quote",
                json={"service_id": DEFAULT, "answers": answers},
                headers=auth(user),
            )
        ).json()
    )["summary"]
    assert summary["price"] == "1.35 USD" and summary["after"] == "48.65 USD"
    shown = {a["label"]: a["value"] for a in summary["answers"]}  # what is confirmed is shown
    assert shown["Link"] == "https://instagram.com/p/webapp1" and shown["Quantity"] == "1000"
    order = {"service_id": DEFAULT, "answers": answers, "token": "tab-token-1", "price": "1.35"}
    # Two taps, or two tabs with the same form: one order.
    first, second = await asyncio.gather(
        client.post("/app/api/orders", json=order, headers=auth(user)),
        client.post("/app/api/orders", json=order, headers=auth(user)),
    )
    outcomes = sorted([(await first.json())["outcome"], (await second.json())["outcome"]])
    assert outcomes == ["already_placed", "placed"]
    assert len(await harness.services.stores.orders.list_orders(user)) == 1
    assert await harness.services.stores.wallets.balance(user) == Decimal("48.65")
    stale = {**order, "token": "tab-token-2", "price": "0.99"}
    changed = await client.post("/app/api/orders", json=stale, headers=auth(user))
    assert changed.status == 409 and (await changed.json())["summary"]["price"] == "1.35 USD"
    for token in ("x", "t" * 33, "no spaces here"):
        bad = await client.post(
            "/app/api/orders", json={**order, "token": token}, headers=auth(user)
        )
        assert bad.status == 400
    for service_id in ("abc", -1, None, 999999):
        body = {"service_id": service_id, "answers": answers}
        assert (await client.post("/app/api/quote", json=body, headers=auth(user))).status == 404
    junk = await client.post("/app/api/quote", data=b"not json", headers=auth(user))
    assert junk.status == 400


async def test_only_ones_own_orders_and_their_actions(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    owner, other = harness.new_user(), harness.new_user()
    await harness.fund(owner, "50")
    answers = {"link": "https://instagram.com/p/webapp2", "quantity": "100", "dripfeed": "no"}
    order = {"service_id": DEFAULT, "answers": answers, "token": "own-order-1", "price": "0.14"}
    placed = await (await client.post("/app/api/orders", json=order, headers=auth(owner))).json()
    order_id = placed["order_id"]
    mine = await (await client.get("/app/api/orders", headers=auth(owner))).json()
    assert [o["id"] for o in mine["orders"]] == [order_id]
    assert (await (await client.get("/app/api/orders", headers=auth(other))).json())["orders"] == []
    for action in ("refresh", "cancel", "refill"):
        theirs = await client.post(f"/app/api/orders/{order_id}/{action}", headers=auth(other))
        assert theirs.status == 404
    refreshed = await client.post(f"/app/api/orders/{order_id}/refresh", headers=auth(owner))
    assert (await refreshed.json())["order"]["id"] == order_id
    assert (await refreshed.json())["order"]["can_refill"] is False  # not delivered yet
    panel_order = (await harness.services.stores.orders.get_order(order_id)).panel_order_id  # type: ignore[union-attr]
    harness.sandbox.state.orders[panel_order].created -= 10_000  # type: ignore[index]
    done = await (
        await client.post(f"/app/api/orders/{order_id}/refresh", headers=auth(owner))
    ).json()
    assert done["order"]["stage"] == "completed" and done["order"]["can_refill"] is True
    refilled = await client.post(f"/app/api/orders/{order_id}/refill", headers=auth(owner))
    assert (await refilled.json())["order"]["can_refill"] is False  # one is pending now
    topup = await client.post("/app/api/topup", json={"amount": 10}, headers=auth(owner))
    assert (await topup.json())["link"].startswith("https://t.me/$invoice")
    [made] = [c for c in harness.session.calls if type(c).__name__ == "CreateInvoiceLink"][-1:]
    assert made.payload.startswith(f"topup:{owner}:10:")  # type: ignore[attr-defined]
    assert (
        await client.post("/app/api/topup", json={"amount": 0}, headers=auth(owner))
    ).status == 400


async def test_a_flood_is_slowed_down(harness: Harness) -> None:
    slow = harness.services.settings.model_copy(update={"throttle_rate_per_second": 1.0})
    app = create_side_app(
        harness.services.db.ping,
        lambda: True,
        slow,
        None,
        mini_app(harness.services, harness.bot, slow),
    )
    user = harness.new_user()
    async with TestClient(TestServer(app)) as client:
        statuses = [(await client.get("/app/api/me", headers=auth(user))).status for _ in range(15)]
    assert statuses[0] == 200 and 429 in statuses


async def test_a_demo_shop_takes_no_payment_in_the_mini_app(harness: Harness) -> None:
    demo = mini_app(harness.services, harness.bot)
    demo.demo = True
    app = create_side_app(
        harness.services.db.ping, lambda: True, harness.services.settings, None, demo
    )
    user = harness.new_user()
    async with TestClient(TestServer(app)) as client:
        me = await (await client.get("/app/api/me", headers=auth(user))).json()
        assert me["demo"] is True and "Demo shop" in me["strings"]["demo-shop-note"]
        topup = await client.post("/app/api/topup", json={"amount": 10}, headers=auth(user))
        assert topup.status == 403 and "demo shop" in (await topup.json())["message"]


async def test_two_customers_sending_the_same_form_token_each_get_their_order(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    """The page picks its token: another customer's equal token finds nothing of theirs."""
    first, second = harness.new_user(), harness.new_user()
    for user in (first, second):
        link = f"https://instagram.com/p/same-token-{user}"
        answers = {"link": link, "quantity": "1000", "dripfeed": "no"}
        order = {
            "service_id": DEFAULT,
            "answers": answers,
            "token": "same-token-1",
            "price": "1.35",
        }
        await harness.fund(user, "10")
        answer = await client.post("/app/api/orders", json=order, headers=auth(user))
        assert answer.status == 200 and (await answer.json())["outcome"] == "placed"
        assert len(await harness.services.stores.orders.list_orders(user)) == 1


async def test_a_flood_costs_no_database_work(harness: Harness) -> None:
    """Rate limiting comes before anything is written: refused calls never reach the store."""
    contacts: list[int] = []

    class Counted(Customers):
        async def on_contact(self, user_id: int, *args: Any, **kwargs: Any) -> Any:
            contacts.append(user_id)  # the write of a customer's first contact
            return await super().on_contact(user_id, *args, **kwargs)

    slow = harness.services.settings.model_copy(update={"throttle_rate_per_second": 1.0})
    app_state = mini_app(harness.services, harness.bot, slow)
    app_state.customers = Counted(harness.services.stores.users)
    app = create_side_app(harness.services.db.ping, lambda: True, slow, None, app_state)
    user = harness.new_user()
    async with TestClient(TestServer(app)) as client:
        statuses = [(await client.get("/app/api/me", headers=auth(user))).status for _ in range(30)]
    assert statuses.count(429) > 0
    assert len(contacts) == statuses.count(200)


async def test_a_long_list_of_comments_is_priced_whole_never_cut(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    """Issue 34: the Mini App cut every answer at 5,000 characters, mid-line: 300 comments
    became ~230 and a half, priced and sent so."""
    user = harness.new_user()
    await harness.fund(user, "50")
    comments = "\n".join(f"A comment of twenty, number {n:04d}" for n in range(300))
    assert len(comments) > 5000
    answers = {"link": "https://instagram.com/p/longlist", "comments": comments}
    answer = await client.post(
        "/app/api/quote", json={"service_id": 4, "answers": answers}, headers=auth(user)
    )
    assert answer.status == 200, await answer.text()
    summary = (await answer.json())["summary"]
    shown = " ".join(str(a.get("value")) for a in summary["answers"])
    assert "300" in shown


async def test_the_share_card_is_prepared_for_telegrams_share_sheet(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    """Issue 38: the Mini App's Share asks the bot for a prepared message (the customer's
    referral card) and hands its id to `shareMessage`."""
    from aiogram.methods import SavePreparedInlineMessage

    user = harness.new_user()
    await harness.services.stores.users.ensure_user(user, None, "U")
    harness.session.clear()
    answer = await client.post("/app/api/share", json={"kind": "invite"}, headers=auth(user))
    assert answer.status == 200, await answer.text()
    assert (await answer.json())["id"].startswith("prepared-")
    [saved] = [c for c in harness.session.calls if isinstance(c, SavePreparedInlineMessage)]
    assert saved.user_id == user and saved.allow_group_chats
    code = (await harness.services.stores.referrals.referral_summary(user)).code
    [[button]] = saved.result.reply_markup.inline_keyboard  # type: ignore[union-attr]
    assert button.url is not None and button.url.endswith(f"?start=ref_{code}")
    for body, status in (({"kind": "nope"}, 400), ({"kind": "result", "order": 999_999}, 404)):
        refused = await client.post("/app/api/share", json=body, headers=auth(user))
        assert refused.status == status and "error" in await refused.json()


async def test_plans_in_the_mini_app_refuse_what_is_not_right_with_a_reason(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    """Issue 38: subscribing needs a plan on sale and a link the plan can use; only one's own
    running plan is cancelled; a demo shop sells none."""
    h = harness
    plan_id = await h.services.plans.store.add_plan("Web plan", DEFAULT, 100, 50)
    user, other = h.new_user(), h.new_user()
    listing = await (await client.get("/app/api/plans", headers=auth(user))).json()
    [shown] = [p for p in listing["plans"] if p["id"] == plan_id]
    assert "Web plan" in shown["line"] and "50 per 30 days" in shown["line"]
    url = f"/app/api/plans/{plan_id}/subscribe"
    for body, status in (
        ({}, 422),
        ({"link": 5}, 422),
        ({"link": "not a link"}, 422),
        ({"link": "https://instagram.com/x" + "y" * 600}, 422),
    ):
        answer = await client.post(url, json=body, headers=auth(user))
        assert answer.status == status, body
        assert "cannot be used" in (await answer.json())["message"]
    missing = await client.post(
        "/app/api/plans/999999/subscribe",
        json={"link": "https://instagram.com/x"},
        headers=auth(user),
    )
    assert missing.status == 404 and "no longer available" in (await missing.json())["message"]
    made = await client.post(
        url, json={"link": "https://instagram.com/webplan"}, headers=auth(user)
    )
    assert made.status == 200 and (await made.json())["link"].startswith("https://t.me/$")
    plan = await h.services.plans.store.plan(plan_id)
    assert plan is not None
    unpaid = await h.services.plans.subscribe(user, plan, "https://instagram.com/webplan")
    # Not paid yet (nothing to cancel), and nobody else's to cancel.
    for who in (user, other):
        answer = await client.post(
            f"/app/api/plans/mine/{unpaid}/cancel", json={}, headers=auth(who)
        )
        assert answer.status == 404 and (await answer.json())["error"] == "not_found"
    h.services.shop.demo = True
    try:
        demo = create_side_app(
            h.services.db.ping, lambda: True, h.services.settings, None, mini_app(h.services, h.bot)
        )
        async with TestClient(TestServer(demo)) as demo_client:
            answer = await demo_client.post(
                url, json={"link": "https://instagram.com/webplan"}, headers=auth(user)
            )
            assert answer.status == 403 and "demo shop" in (await answer.json())["message"]
    finally:
        h.services.shop.demo = False


async def test_the_mini_app_shows_a_services_record_and_filters_reliable_ones(
    harness: Harness, client: TestClient[Any, Any]
) -> None:
    """Issue 36: the card says the record; "Reliable only" keeps services with the badge."""
    from bot.core.reliability.record import Outcome, Record

    h = harness
    reliable, unproven = 186, 187
    record = Record()
    now = time.time()
    for _ in range(12):
        record.started(30, now)
        record.finished(Outcome.COMPLETED, now, minutes_per_thousand=120)
    await h.services.stores.records.save({(reliable, "main"): record})
    await h.services.reliability.reload()
    user = h.new_user()
    card = await (await client.get(f"/app/api/services/{reliable}", headers=auth(user))).json()
    assert card["reliable"] is True
    assert "✅ Reliable" in card["record"] and "100 % completed (12 orders)" in card["record"]
    other = await (await client.get(f"/app/api/services/{unproven}", headers=auth(user))).json()
    assert other["reliable"] is False and "Not enough orders yet" in other["record"]
    only = await (
        await client.get("/app/api/services?q=Followers&reliable=1", headers=auth(user))
    ).json()
    assert reliable in [item["id"] for item in only["items"]]
    assert all(item["reliable"] for item in only["items"])
    assert unproven not in [item["id"] for item in only["items"]]
