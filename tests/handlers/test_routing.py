"""Several panels behind one catalog (issue: routing, failover on a definite refusal only,
per-panel health): three sandbox panels over real HTTP selling the same catalog at
different prices, the whole dispatcher in front of them."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import web

from bot.app import build_services, create_dispatcher
from bot.core.domain import Stage
from bot.core.settings import SANDBOX_API_KEY, Settings
from bot.sandbox import SandboxPanel, start_sandbox
from tests.backends import BACKENDS, fresh_database_url
from tests.conftest import ADMIN_ID, Harness
from tests.cryptopay_stand import CryptoPayStand
from tests.fakes import TOKEN, make_bot
from tests.handlers.flows import confirm, fill_form, open_service

PACKAGE = 2  # "Instagram Starter Package": 4.50 on alpha, 3.60 on beta, 5.40 on gamma
FACTORS = {"alpha": Decimal(1), "beta": Decimal("0.8"), "gamma": Decimal("1.2")}
_links = itertools.count()


@pytest_asyncio.fixture(scope="module", params=BACKENDS)
async def multi(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Harness]:
    database_url = await fresh_database_url(request.param)
    sandboxes = {
        # gamma sells a smaller catalog: the services beyond it have fewer routes.
        name: SandboxPanel(
            step_seconds=3600, price_factor=factor, services=200 if name == "gamma" else 300
        )
        for name, factor in FACTORS.items()
    }
    runners: list[web.AppRunner] = []
    config = []
    for name, panel in sandboxes.items():
        runner, url = await start_sandbox(panel)
        runners.append(runner)
        config.append({"name": name, "url": url, "key": SANDBOX_API_KEY})
    settings = Settings(
        bot_token=TOKEN,
        panels=json.dumps(config),
        admin_ids=frozenset({ADMIN_ID}),
        database_path=tmp_path_factory.mktemp("multi") / "bot.sqlite3",
        database_url=database_url,
        markup_percent=Decimal(50),
        throttle_rate_per_second=1000,
        _env_file=None,
    )
    services = await build_services(settings)
    dp = create_dispatcher(services, background=False)
    bot, session = make_bot()
    await dp.emit_startup(bot=bot, dispatcher=dp)
    await services.catalog.get()
    harness = Harness(
        dp=dp,
        bot=bot,
        session=session,
        services=services,
        sandbox=sandboxes["alpha"],
        crypto=CryptoPayStand(),
    )
    harness.panels = sandboxes  # type: ignore[attr-defined]
    yield harness
    await dp.emit_shutdown(bot=bot, dispatcher=dp)
    for runner in runners:
        await runner.cleanup()


def sandboxes(h: Harness) -> dict[str, SandboxPanel]:
    return h.panels  # type: ignore[attr-defined,no-any-return]


@pytest_asyncio.fixture(autouse=True)
async def healthy_panels(multi: Harness) -> AsyncIterator[None]:
    """Every test starts with every panel up and funded."""
    for panel in sandboxes(multi).values():
        panel.state.mode = "ok"
        panel.state.balance = Decimal(1000)
    await multi.services.panels.probe_all()
    yield


def adds(h: Harness, panel: str, link: str) -> list[dict[str, Any]]:
    return [
        r
        for r in sandboxes(h)[panel].state.requests
        if r.get("action") == "add" and link in r.get("link", "")
    ]


async def order_package(h: Harness, user_id: int) -> tuple[str, str]:
    """Fill the package's form with a link of its own; returns (summary, link)."""
    link = f"https://instagram.com/p/routing{next(_links)}"
    service = (await h.services.catalog.get()).by_id[PACKAGE]
    await open_service(h, user_id, PACKAGE)
    summary = await fill_form(h, user_id, service, typed={"link": link})
    return summary, link


async def charges(h: Harness, user_id: int) -> list[int]:
    async with h.services.db.read() as conn:
        found = await conn.execute(
            "SELECT amount_micros FROM ledger WHERE user_id = :id AND kind = 'charge'",
            {"id": user_id},
        )
        return [int(r[0]) for r in found.all()]


async def test_the_cheapest_healthy_route_prices_and_places_the_order(multi: Harness) -> None:
    h = multi
    user = h.new_user()
    await h.fund(user, "50")
    summary, link = await order_package(h, user)
    assert "5.40 USD" in summary  # beta's 3.60 with the 50% markup
    assert "placed" in (await confirm(h, user)).lower()
    [order] = await h.services.stores.orders.list_orders(user)
    assert (order.panel, order.cost, order.charge) == ("beta", Decimal("3.60"), Decimal("5.40"))
    assert len(adds(h, "beta", link)) == 1
    assert not adds(h, "alpha", link) and not adds(h, "gamma", link)


async def test_a_definite_refusal_fails_over_once_and_charges_once(multi: Harness) -> None:
    h = multi
    sandboxes(h)["beta"].state.balance = Decimal(0)  # beta: "Not enough funds on balance"
    user = h.new_user()
    await h.fund(user, "50")
    summary, link = await order_package(h, user)
    assert "5.40 USD" in summary
    assert "placed" in (await confirm(h, user)).lower()
    [order] = await h.services.stores.orders.list_orders(user)
    assert (order.panel, order.charge, order.cost) == ("alpha", Decimal("5.40"), Decimal("4.50"))
    assert len(adds(h, "beta", link)) == 1 and len(adds(h, "alpha", link)) == 1
    assert not adds(h, "gamma", link)
    assert await charges(h, user) == [-5_400_000]  # charged once, at the confirmed price
    assert await h.services.stores.wallets.balance(user) == Decimal("44.60")


async def test_no_route_left_refunds_at_once(multi: Harness) -> None:
    h = multi
    for panel in sandboxes(h).values():
        panel.state.balance = Decimal(0)
    user = h.new_user()
    await h.fund(user, "50")
    _, link = await order_package(h, user)
    reply = await confirm(h, user)
    assert "temporarily unavailable" in reply and "refunded" in reply
    assert all(len(adds(h, name, link)) == 1 for name in FACTORS)  # each tried once
    assert await h.services.stores.wallets.balance(user) == Decimal(50)


async def test_an_uncertain_answer_never_fails_over(multi: Harness) -> None:
    h = multi
    sandboxes(h)["beta"].state.mode = "bad_gateway"  # 502: it may have been placed
    user = h.new_user()
    await h.fund(user, "50")
    _, link = await order_package(h, user)
    await confirm(h, user)
    [order] = await h.services.stores.orders.list_orders(user)
    assert (order.stage, order.panel) == (Stage.UNCERTAIN, "beta")
    assert len(adds(h, "beta", link)) == 1
    assert not adds(h, "alpha", link) and not adds(h, "gamma", link)  # never placed twice


async def test_a_panel_down_moves_its_products_and_its_orders_are_followed_when_back(
    multi: Harness,
) -> None:
    h = multi
    user = h.new_user()
    await h.fund(user, "50")
    await order_package(h, user)
    await confirm(h, user)  # on beta, the cheapest
    [on_beta] = await h.services.stores.orders.list_orders(user)
    sandboxes(h)["beta"].state.mode = "html"  # an outage page
    await h.services.panels.probe_all()
    assert "beta" not in h.services.panels.healthy()
    summary, link = await order_package(h, user)
    assert "6.75 USD" in summary  # alpha's 4.50 with the markup: beta is skipped
    await confirm(h, user)
    assert len(adds(h, "alpha", link)) == 1
    report = await h.services.poller.cycle()  # beta fails; alpha's order is still followed
    assert report.outage is None
    sandboxes(h)["beta"].state.mode = "ok"
    sandboxes(h)["beta"].state.step_seconds = 0.0001  # its order completes meanwhile
    await h.services.panels.probe_all()
    assert "beta" in h.services.panels.healthy()
    await h.services.poller.cycle()
    order = await h.services.stores.orders.get_order(on_beta.id)
    assert order is not None and order.stage is Stage.COMPLETED
    sandboxes(h)["beta"].state.step_seconds = 3600
    summary, _ = await order_package(h, user)
    assert "5.40 USD" in summary  # beta is used again


async def test_statuses_are_polled_per_panel_in_batches(multi: Harness) -> None:
    h = multi
    user = h.new_user()
    await h.fund(user, "100")
    sandboxes(h)["beta"].state.balance = Decimal(0)
    await order_package(h, user)
    await confirm(h, user)  # on alpha
    sandboxes(h)["beta"].state.balance = Decimal(1000)
    await order_package(h, user)
    await confirm(h, user)  # on beta
    placed = {o.panel: o for o in await h.services.stores.orders.list_orders(user)}
    assert set(placed) == {"alpha", "beta"}
    before = {name: len(p.state.requests) for name, p in sandboxes(h).items()}
    sandboxes(h)["alpha"].state.step_seconds = 0.0001  # alpha's orders complete
    try:
        await h.services.poller.cycle()
    finally:
        sandboxes(h)["alpha"].state.step_seconds = 3600
    assert (await h.services.stores.orders.get_order(placed["alpha"].id)).stage is Stage.COMPLETED  # type: ignore[union-attr]
    assert (await h.services.stores.orders.get_order(placed["beta"].id)).stage is Stage.PENDING  # type: ignore[union-attr]
    for name in ("alpha", "beta"):
        calls = [
            r for r in sandboxes(h)[name].state.requests[before[name] :] if r["action"] == "status"
        ]
        assert calls and all(len(r.get("orders", "").split(",")) <= 100 for r in calls)
        asked = {int(i) for r in calls for i in r.get("orders", r.get("order", "")).split(",")}
        mine = {
            o.panel_order_id
            for o in await h.services.stores.orders.list_orders(user, limit=100)
            if o.panel == name
        }
        assert mine <= asked


async def test_admins_see_panels_routes_balances_and_change_routes(multi: Harness) -> None:
    h = multi
    panels = await h.say(ADMIN_ID, "/panels")
    for name in FACTORS:
        assert f"{name}" in panels
    assert "✅ up" in panels and "Balance:" in panels
    routes = await h.say(ADMIN_ID, f"/routes {PACKAGE}")
    lines = routes.splitlines()
    assert "▶️ <b>beta</b>" in lines[1]  # the cheapest first
    assert {"alpha", "beta", "gamma"} <= {name for name in FACTORS if name in routes}
    await h.say(ADMIN_ID, f"/route unlink {PACKAGE} beta")
    routes = await h.say(ADMIN_ID, f"/routes {PACKAGE}")
    assert "beta" not in routes and "▶️ <b>alpha</b>" in routes
    catalog = await h.services.catalog.get()
    assert catalog.by_id[PACKAGE].rate == Decimal("4.50")  # the customer's price follows
    await h.say(ADMIN_ID, f"/route link {PACKAGE} beta:{PACKAGE}")
    assert "▶️ <b>beta</b>" in await h.say(ADMIN_ID, f"/routes {PACKAGE}")
    assert "/route link" in await h.say(ADMIN_ID, "/route link 999999 beta:1")
    balance = await h.say(ADMIN_ID, "/balance")
    assert balance.count("🏦") == 4 and "owed on it" in balance
    stats = await h.say(ADMIN_ID, "/stats 1")
    assert "🔀 beta:" in stats and "profit" in stats


async def test_a_dearer_route_after_the_summary_shows_the_new_summary_first(
    multi: Harness,
) -> None:
    h = multi
    user = h.new_user()
    await h.fund(user, "50")
    summary, link = await order_package(h, user)
    assert "5.40 USD" in summary
    sandboxes(h)["beta"].state.mode = "html"  # beta goes down before Confirm
    await h.services.panels.probe_all()
    reply = await confirm(h, user)
    assert "price" in h.session.alerts()[-1].lower()
    assert "6.75 USD" in reply  # the summary again, at alpha's price
    assert all(not adds(h, name, link) for name in FACTORS)
    assert await h.services.stores.orders.list_orders(user) == []
    assert "placed" in (await confirm(h, user)).lower()
    assert len(adds(h, "alpha", link)) == 1


async def test_an_order_on_a_panel_removed_from_panels_is_never_sent_elsewhere(
    multi: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = multi
    user = h.new_user()
    await h.fund(user, "50")
    await order_package(h, user)
    await confirm(h, user)
    [order] = await h.services.stores.orders.list_orders(user)
    async with h.services.db.write() as conn:  # the owner removed its panel from PANELS
        await conn.execute("UPDATE orders SET panel = 'gone' WHERE id = :id", {"id": order.id})
    moved = await h.services.stores.orders.get_order(order.id)
    assert moved is not None
    before = {name: len(p.state.requests) for name, p in sandboxes(h).items()}
    assert await h.services.aftersale.cancel(moved) == "panel-unavailable"
    assert await h.services.aftersale.refresh(moved) is False
    with caplog.at_level(logging.WARNING):
        await h.services.poller.cycle()
        await h.services.poller.cycle()
    said = [r for r in caplog.records if "no longer configured" in r.getMessage()]
    assert len(said) == 1  # said once, not every cycle
    # Its id means this order only on the panel that took it (other panels have their own
    # orders with that number): that panel, now unknown to the bot, is asked nothing more.
    asked = sandboxes(h)[order.panel].state.requests[before[order.panel] :]
    assert not [r for r in asked if str(moved.panel_order_id) in str(r)]
    for name, panel in sandboxes(h).items():  # nor any other panel, where it means nothing
        since = panel.state.requests[before[name] :]
        assert not [r for r in since if r["action"] == "cancel" or "order" in r]


async def test_a_panel_whose_orders_stopped_starting_is_skipped_never_below_cost(
    multi: Harness,
) -> None:
    """Issue 36: beta sells Instagram Followers cheapest, but its last three orders of it were
    canceled without ever starting: the next order goes to alpha (its cost still under the
    price), /routes says why, and the product is not quarantined — another panel delivers."""
    from bot.core.ordering.placing import Outcome
    from bot.core.panels import Service

    h = multi
    followers = 1
    service = await h.services.catalog.service(followers)
    assert isinstance(service, Service)
    user = h.new_user()
    await h.fund(user, "50")

    async def place(n: int) -> Any:
        answers = {"link": f"https://instagram.com/evidence{n}", "quantity": 1000}
        return await h.services.checkout.place_for_api(user, service, answers, f"ev-{user}-{n}")

    for n in range(3):
        assert (await place(n)).placement.outcome is Outcome.PLACED
    placed = await h.services.stores.orders.list_orders(user)
    assert {o.panel for o in placed} == {"beta"}
    for order in placed:
        assert order.panel_order_id is not None
        sandboxes(h)["beta"].state.status_overrides[order.panel_order_id] = {
            "status": "Canceled",
            "remains": "1000",
        }
    await h.services.poller.cycle()
    next_one = await place(3)
    assert next_one.placement.outcome is Outcome.PLACED
    moved = await h.services.stores.orders.get_order(next_one.placement.order_id or 0)
    assert moved is not None and moved.panel == "alpha"
    assert moved.cost <= moved.charge  # never below cost
    assert h.services.curation.paused(followers) is None  # not quarantined: alpha delivers
    shown = await h.say(ADMIN_ID, f"/routes {followers}")
    assert "🚫" in shown and "recent orders never started" in shown
    assert "stopped starting" in shown  # the rule, said


async def test_a_never_started_order_is_re_placed_elsewhere_only_after_the_cancel(
    multi: Harness,
) -> None:
    """Issue 36: an order stuck Pending on beta, flagged in /pending: "Cancel and re-place"
    asks beta to cancel; nothing goes to alpha until beta confirms the cancel; then one order
    on alpha, charged once in all, and the customer told."""
    from bot.core.ordering.placing import Outcome
    from bot.core.panels import Service
    from tests.handlers.flows import deliver_outbox

    h = multi
    service = await h.services.catalog.service(181)  # a Default service all three sell
    assert isinstance(service, Service)
    user = h.new_user()
    await h.fund(user, "50")
    link = f"https://instagram.com/replace{user}"
    answers = {"link": link, "quantity": 1000}
    first = (
        await h.services.checkout.place_for_api(user, service, answers, f"rp-{user}")
    ).placement
    assert first is not None and first.outcome is Outcome.PLACED
    order = await h.services.stores.orders.get_order(first.order_id or 0)
    assert order is not None and order.panel == "beta"
    balance_after_one = await h.services.stores.wallets.balance(user)
    await h.services.stores.statuses.flag_stalled([order.id], [ADMIN_ID])
    await h.say(ADMIN_ID, "/pending")
    await h.press(ADMIN_ID, "Cancel and re-place on alpha")
    assert any("Cancel asked" in a for a in h.session.alerts())
    assert not adds(h, "alpha", link)  # not before beta confirms the cancel
    assert [r for r in sandboxes(h)["beta"].state.requests if r.get("action") == "cancel"]
    await h.services.poller.cycle()  # beta says Canceled: refunded, then re-placed on alpha
    assert len(adds(h, "alpha", link)) == 1 and len(adds(h, "beta", link)) == 1
    orders = await h.services.stores.orders.list_orders(user)
    assert {(o.panel, o.stage) for o in orders} == {
        ("beta", Stage.CANCELED),
        ("alpha", Stage.PENDING),
    }
    assert await h.services.stores.wallets.balance(user) == balance_after_one  # charged once
    await h.services.poller.cycle()
    assert await h.services.replacements.sweep() == 0  # nothing left to place
    h.session.clear()
    await deliver_outbox(h)
    assert any("placed again as order" in t for t in h.session.texts(user))
