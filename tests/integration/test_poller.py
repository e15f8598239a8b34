"""The poller over the sandbox and a real database (bot/core/tracking/poller.py)."""

from __future__ import annotations

from decimal import Decimal

from bot.core.domain import RefillStage, Stage
from tests.integration.support import (
    ADMIN,
    Env,
    drain,
    notifier_for,
    pending_rows,
    poller,
)


async def test_250_open_orders_take_exactly_3_status_calls_per_cycle(env: Env) -> None:
    for n in range(250):
        await env.order(1000 + n, f"https://instagram.com/p/bulk{n}")
    before = env.requests("status")
    report = await poller(env).cycle()
    assert env.requests("status") - before == 3
    assert report.orders == 250
    assert report.panel_calls == 3
    assert report.outage is None


async def test_status_change_is_stored_and_queued_for_the_customer(env: Env) -> None:
    order_id = await env.order(5, "https://instagram.com/p/progress")
    env.age(150)  # In progress
    report = await poller(env).cycle()
    assert report.changed == 1
    order = await env.stores.orders.get_order(order_id)
    assert order is not None
    assert order.stage is Stage.IN_PROGRESS
    assert order.start_count is not None
    assert await pending_rows(env) == [(5, "order_status")]


async def test_a_partial_seen_by_two_cycles_refunds_once(env: Env) -> None:
    order_id = await env.order(
        6, "https://instagram.com/p/partial-one", quantity=100, charge="2.00"
    )
    assert await env.stores.wallets.balance(6) == 0
    env.age(500)
    the_poller = poller(env)
    await the_poller.cycle()
    # A second cycle sees Partial again (the answer arrives twice): no second refund.
    await env.stores.statuses.apply_status(order_id, Stage.PARTIAL, None, 25)
    await the_poller.cycle()
    order = await env.stores.orders.get_order(order_id)
    assert order is not None
    assert order.stage is Stage.PARTIAL
    assert order.remains == 25
    assert await env.stores.orders.refund_of(order_id) == Decimal("0.5")
    assert await env.stores.wallets.balance(6) == Decimal("0.5")
    assert await pending_rows(env) == [(6, "order_status")]


async def test_canceled_refunds_everything_once(env: Env) -> None:
    order_id = await env.order(7, "https://instagram.com/p/cancel-me", charge="3.00")
    env.age(500)
    await poller(env).cycle()
    await poller(env).cycle()
    assert (await env.stores.orders.get_order(order_id)).stage is Stage.CANCELED  # type: ignore[union-attr]
    assert await env.stores.wallets.balance(7) == Decimal(3)


async def test_a_panel_outage_produces_no_notifications_and_no_crash(env: Env) -> None:
    await env.order(8, "https://instagram.com/p/outage")
    env.age(500)
    env.sandbox.state.mode = "html"
    the_poller = poller(env)
    report = await the_poller.cycle()
    assert report.outage is not None
    assert await pending_rows(env) == []
    assert the_poller.health.next_delay(report.outage) > 1.0  # backs off
    env.sandbox.state.mode = "ok"
    report = await the_poller.cycle()
    assert report.outage is None
    assert report.changed == 1


async def test_an_order_the_panel_keeps_failing_on_is_flagged_not_polled_forever(env: Env) -> None:
    order_id = await env.order(9, "https://instagram.com/p/ghost")
    env.sandbox.state.orders.clear()  # the panel forgot it: "Incorrect order ID"
    the_poller = poller(env, error_limit=3)
    for _ in range(3):
        await the_poller.cycle()
    assert (await env.stores.orders.get_order(order_id)).stage is Stage.STUCK  # type: ignore[union-attr]
    assert (ADMIN, "admin_stuck") in await pending_rows(env)
    before = env.requests("status")
    await the_poller.cycle()
    assert env.requests("status") == before


async def test_a_refill_result_is_queued_once(env: Env) -> None:
    order_id = await env.order(10, "https://instagram.com/p/refill-me")
    env.age(500)
    await poller(env).cycle()
    order = await env.stores.orders.get_order(order_id)
    assert order is not None
    assert order.stage is Stage.COMPLETED
    panel_refill = await env.panel.refill(order.panel_order_id)  # type: ignore[arg-type]
    refill_id = await env.stores.refills.create_refill(order, panel_refill)
    await poller(env).cycle()
    assert (await env.stores.refills.get_refill(refill_id)).stage is RefillStage.PENDING  # type: ignore[union-attr]
    env.age(500)
    await poller(env).cycle()
    await poller(env).cycle()
    assert (await env.stores.refills.get_refill(refill_id)).stage is RefillStage.COMPLETED  # type: ignore[union-attr]
    assert [k for _, k in await pending_rows(env)].count("refill_result") == 1


async def test_an_idle_poller_still_notices_an_outage(env: Env) -> None:
    env.sandbox.state.mode = "html"
    report = await poller(env).cycle()
    assert report.outage is not None and env.panel.unavailable_since is not None
    env.sandbox.state.mode = "ok"
    assert (await poller(env).cycle()).outage is None and env.panel.unavailable_since is None


async def test_a_partial_without_remains_refunds_nothing_and_asks_an_admin(env: Env) -> None:
    order_id = await env.order(18, "https://instagram.com/p/partial-unknown", charge="2.00")
    await env.stores.statuses.apply_status(order_id, Stage.PARTIAL, None, None, [ADMIN])
    assert await env.stores.orders.refund_of(order_id) == 0
    assert (ADMIN, "admin_partial_unknown") in await pending_rows(env)
    notifier, session = notifier_for(env, per_chat_interval=0)
    await drain(notifier)
    assert any("did not say how much is missing" in t for t in session.texts(ADMIN))


async def test_a_partial_uses_the_last_known_remains(env: Env) -> None:
    order_id = await env.order(
        19, "https://instagram.com/p/partial-known", quantity=100, charge="2.00"
    )
    await env.stores.statuses.apply_status(order_id, Stage.IN_PROGRESS, 5, 40)
    await env.stores.statuses.apply_status(order_id, Stage.PARTIAL, None, None, [ADMIN])
    assert await env.stores.orders.refund_of(order_id) == Decimal("0.8")
